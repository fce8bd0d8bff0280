#pragma once
// bench_nfc: the floor. The least a libnfc program can do to notice a card
// and do the given card work: nfc_initiator_select_passive_target (infinite
// select off) flat out, then exactly the recorded commands with
// nfc_initiator_transceive_bytes. Polls flat out (one core busy), so it is
// never late to a card by more than one select.

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "nfc/CardTransport.h"
#include "nfc_taps.h"

struct nfc_context;
struct nfc_device;

namespace nfcbench {

// One command the identification sent, and the size of the card's answer.
struct Exchange {
    nfc::Bytes command;
    int timeoutMs = 0;
    int answerSize = -1;  // -1: the exchange failed
};

// "60 -> 8 B | 3A 02 23 -> 136 B", for the report.
std::string describe(const std::vector<Exchange>& work);

class FloorLoop {
public:
    FloorLoop(std::string connstring, Arrivals& arrivals, std::vector<Exchange> work);
    ~FloorLoop();
    FloorLoop(const FloorLoop&) = delete;
    FloorLoop& operator=(const FloorLoop&) = delete;

    bool start();
    void stop();
    // The bench removed the card (the loop never waits for a removal).
    void cardRemoved() { arrivals_.cardGone(); }

private:
    void loop();

    std::string connstring_;
    Arrivals& arrivals_;
    std::vector<Exchange> work_;
    nfc_context* context_ = nullptr;
    nfc_device* device_ = nullptr;
    std::atomic<bool> quit_{false};
    std::thread thread_;
};

}  // namespace nfcbench
