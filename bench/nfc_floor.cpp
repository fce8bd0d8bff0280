#include "nfc_floor.h"

#include <nfc/nfc.h>

#include <algorithm>
#include <cstdio>
#include <cstring>

namespace nfcbench {

std::string describe(const std::vector<Exchange>& work) {
    if (work.empty()) {
        return "nothing (the UID from anticollision is the identity)";
    }
    std::string out;
    for (const auto& exchange : work) {
        if (!out.empty()) {
            out += " | ";
        }
        const auto shown = std::min<std::size_t>(exchange.command.size(), 8);
        for (std::size_t i = 0; i < shown; ++i) {
            char hex[4];
            std::snprintf(hex, sizeof hex, i == 0 ? "%02X" : " %02X", exchange.command[i]);
            out += hex;
        }
        if (shown < exchange.command.size()) {
            out += " ..";
        }
        out += " -> " + (exchange.answerSize < 0 ? std::string("failed") : std::to_string(exchange.answerSize)) + " B";
    }
    return out;
}

FloorLoop::FloorLoop(std::string connstring, Arrivals& arrivals, std::vector<Exchange> work)
    : connstring_(std::move(connstring)), arrivals_(arrivals), work_(std::move(work)) {}

FloorLoop::~FloorLoop() {
    stop();
}

bool FloorLoop::start() {
    nfc_init(&context_);
    device_ = context_ ? nfc_open(context_, connstring_.c_str()) : nullptr;
    if (!device_ || nfc_initiator_init(device_) < 0 ||
        nfc_device_set_property_bool(device_, NP_INFINITE_SELECT, false) < 0) {
        return false;
    }
    thread_ = std::thread([this] { loop(); });
    return true;
}

void FloorLoop::stop() {
    quit_ = true;
    if (thread_.joinable()) {
        thread_.join();
    }
    if (device_) {
        nfc_close(device_);
    }
    if (context_) {
        nfc_exit(context_);
    }
    device_ = nullptr;
    context_ = nullptr;
}

void FloorLoop::loop() {
    const nfc_modulation typeA = {NMT_ISO14443A, NBR_106};
    std::uint8_t answer[264];
    while (!quit_) {
        const unsigned epoch = arrivals_.epoch();
        nfc_target target;
        std::memset(&target, 0, sizeof target);
        if (nfc_initiator_select_passive_target(device_, typeA, nullptr, 0, &target) <= 0) {
            continue;
        }
        bool done = true;
        for (const auto& exchange : work_) {
            const int res = nfc_initiator_transceive_bytes(device_, exchange.command.data(), exchange.command.size(),
                                                           answer, sizeof answer, exchange.timeoutMs);
            if (res != exchange.answerSize) {
                done = false;
                break;
            }
        }
        if (done) {
            arrivals_.cardSeen(epoch);
        }
    }
}

}  // namespace nfcbench
