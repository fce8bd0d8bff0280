#include "sync/Backoff.h"

#include <algorithm>

namespace kiosksync {

namespace {

std::uint64_t seedFrom(std::uint64_t seed) {
    if (seed != 0) {
        return seed;
    }
    std::random_device device;
    return (static_cast<std::uint64_t>(device()) << 32) ^ device();
}

}  // namespace

Backoff::Backoff(std::chrono::milliseconds base, std::chrono::milliseconds cap, std::uint64_t seed)
    : base_(std::max(base, std::chrono::milliseconds(1))), cap_(std::max(cap, base_)), random_(seedFrom(seed)) {}

std::chrono::milliseconds Backoff::ceiling(std::int64_t failures) const {
    std::chrono::milliseconds wait = base_;
    for (std::int64_t i = 0; i < failures && wait < cap_; ++i) {
        wait *= 2;
    }
    return std::min(wait, cap_);
}

std::chrono::milliseconds Backoff::delay(std::int64_t failures) {
    std::uniform_int_distribution<std::int64_t> pick(0, ceiling(failures).count());
    return std::chrono::milliseconds(pick(random_));
}

}  // namespace kiosksync
