#include "nfc/reader/Backoff.h"

#include <algorithm>

namespace nfc {

std::chrono::milliseconds Backoff::next() {
    auto delay = initial_;
    for (unsigned i = 0; i < failures_ && delay < cap_; ++i) {
        delay *= 2;
    }
    ++failures_;
    return std::min(delay, cap_);
}

}  // namespace nfc
