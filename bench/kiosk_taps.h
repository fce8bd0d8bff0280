#pragma once
// A session of card taps on the real kiosk: the loyalty-kiosk binary on Xvfb
// with its supervised libnfc worker reading the PN532 simulator on a pty
// (in this process), two members' cards tapped in turn and removed between
// taps as a customer would. From the kiosk's --ui-trace: the time from the
// tap reaching the UI thread (card_ms) to the member screen's frame being
// presented (t_ms); PSS of the kiosk and of its reader worker every 100 taps.

#include <string>
#include <vector>

#include "kiosk_process.h"

namespace kioskbench {

struct PssSample {
    int taps = 0;
    long kioskKb = 0;   // PSS
    long workerKb = 0;  // PSS
    Memory kiosk;
    Memory worker;
};

struct TapSession {
    std::string error;                     // empty when the session ran
    int taps = 0;                          // taps whose member screen was seen
    int missed = 0;                        // taps whose member screen never showed (10 s)
    std::vector<double> tapToScreenMs;     // card_ms -> member frame presented
    std::vector<double> tapToFirstFrameMs; // card_ms -> the next frame presented (card reading)
    std::vector<double> presentToScreenMs; // simulator present() -> member frame (includes reader polling)
    std::vector<double> memberDrawMs;      // draw_ms of member frames
    std::vector<double> burstIntervalMs;   // t_ms between consecutive frames of one burst
    std::vector<PssSample> pss;
};

// taps: how many; sampleEvery: PSS sample interval in taps.
TapSession runTapSession(const std::string& display, const std::string& dir, int taps, int sampleEvery);

}  // namespace kioskbench
