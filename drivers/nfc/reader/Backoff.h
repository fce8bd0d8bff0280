#pragma once
// Exponential backoff: initial, doubled after each failure, capped; reset
// after a success.

#include <chrono>

namespace nfc {

class Backoff {
public:
    Backoff(std::chrono::milliseconds initial, std::chrono::milliseconds cap) : initial_(initial), cap_(cap) {}

    // The delay before the next attempt (then doubles, up to the cap).
    std::chrono::milliseconds next();
    void reset() { failures_ = 0; }
    unsigned failures() const { return failures_; }

private:
    std::chrono::milliseconds initial_;
    std::chrono::milliseconds cap_;
    unsigned failures_ = 0;
};

}  // namespace nfc
