#pragma once
// The on-screen number pad's model: digits typed so far, a length limit, and
// how the entry reads (a PIN masked, an amount in minor units the way a till
// types it: 1, 2, 3, 4 -> 12.34).

#include <cstddef>
#include <cstdint>
#include <string>

namespace kiosk {

class Keypad {
public:
    explicit Keypad(std::size_t maxDigits = 8) : maxDigits_(maxDigits) {}

    // Each returns true when the entry changed.
    bool press(int digit);  // 0..9; false when full
    bool back();
    bool clear();
    void reset(std::size_t maxDigits);

    const std::string& digits() const { return digits_; }
    bool empty() const { return digits_.empty(); }
    std::size_t size() const { return digits_.size(); }
    // The digits as a number (0 when empty). maxDigits <= 18 keeps it in range.
    std::int64_t value() const;
    std::string masked() const;  // one "•" per digit

private:
    std::size_t maxDigits_;
    std::string digits_;
};

}  // namespace kiosk
