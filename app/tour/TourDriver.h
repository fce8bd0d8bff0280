#pragma once
// Drives the real KioskWindow through its FlowLinks like a finger and the
// app layer would: it hands the flow one input per loop turn (a message in
// takeMessages, an intent in takeIntents), keeps the effects the flow asks
// for so the next answer carries their RequestId, and moves to the next
// step once the current screen has been drawn and has settled:
//   --screenshot-dir  the window captured the settled screen; the PNG is
//                     renamed NN-<screen>[-variant].png
//   --continuous      N frames were drawn (the benchmark's hold)
//   otherwise         three frames were drawn (the window's settle count)
// After the last step it asks the window to close.

#include <chrono>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/KioskFlow.h"
#include "tour/TourScript.h"
#include "ui/KioskWindow.h"

namespace tour {

struct TourPacing {
    std::string screenshotDir;  // final PNGs; the window writes into stagingDir()
    bool continuous = false;
    int holdFrames = 60;  // continuous: frames drawn of each step's screen
};

class TourDriver {
public:
    TourDriver(std::vector<TourStep> steps, const kiosk::KioskFlow& flow, TourPacing pacing);

    // Where the window's --screenshot-dir points: DIR/.staging.
    static std::string stagingDir(const std::string& screenshotDir);

    // wake: the window's waker(); quit: closes the window (run() returns).
    ui::FlowLinks links(std::function<void()> wake, std::function<void()> quit);

    // Every step reached its screen (and, with screenshots, was captured).
    bool finished() const { return finished_; }
    const std::string& error() const { return error_; }
    std::size_t stepsDone() const { return stepsDone_; }

private:
    using Clock = std::chrono::steady_clock;

    std::vector<kiosk::Message> takeMessages();
    std::vector<kiosk::Intent> takeIntents();
    void onFrame();
    // The current step's screen has settled: check it, keep its screenshot.
    bool stepSettled() const;
    bool completeStep();
    void stop(std::string error);
    void delivered();

    std::vector<TourStep> steps_;
    const kiosk::KioskFlow& flow_;
    TourPacing pacing_;
    std::function<void()> wake_;
    std::function<void()> quit_;
    std::size_t current_ = 0;
    std::size_t next_ = 0;  // the current step's next input
    std::size_t stepsDone_ = 0;
    int framesSinceInput_ = 0;
    Clock::time_point lastActivity_ = Clock::now();
    std::optional<kiosk::Effect> lastEffect_;
    bool stopping_ = false;
    bool finished_ = false;
    std::string error_;
};

}  // namespace tour
