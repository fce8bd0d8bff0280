#include "kiosk/Keypad.h"

namespace kiosk {

bool Keypad::press(int digit) {
    if (digit < 0 || digit > 9 || digits_.size() >= maxDigits_) {
        return false;
    }
    digits_ += static_cast<char>('0' + digit);
    return true;
}

bool Keypad::back() {
    if (digits_.empty()) {
        return false;
    }
    digits_.pop_back();
    return true;
}

bool Keypad::clear() {
    if (digits_.empty()) {
        return false;
    }
    // Overwrite before releasing: a PIN should not linger in freed memory.
    digits_.assign(digits_.size(), '0');
    digits_.clear();
    return true;
}

void Keypad::reset(std::size_t maxDigits) {
    clear();
    maxDigits_ = maxDigits > 18 ? 18 : maxDigits;
}

std::int64_t Keypad::value() const {
    std::int64_t value = 0;
    for (const char c : digits_) {
        value = value * 10 + (c - '0');
    }
    return value;
}

std::string Keypad::masked() const {
    std::string text;
    for (std::size_t i = 0; i < digits_.size(); ++i) {
        text += "\u2022";
    }
    return text;
}

}  // namespace kiosk
