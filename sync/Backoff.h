#pragma once
// Exponential backoff with full jitter: after n failures in a row the next
// attempt waits a uniformly random time in [0, min(cap, base * 2^n)]
// (docs/sync-protocol.md, "Retries").

#include <chrono>
#include <cstdint>
#include <random>

namespace kiosksync {

class Backoff {
public:
    // seed 0: from std::random_device.
    Backoff(std::chrono::milliseconds base, std::chrono::milliseconds cap, std::uint64_t seed = 0);

    // min(cap, base * 2^failures); base for failures <= 0.
    std::chrono::milliseconds ceiling(std::int64_t failures) const;
    // A random wait in [0, ceiling(failures)].
    std::chrono::milliseconds delay(std::int64_t failures);

private:
    std::chrono::milliseconds base_;
    std::chrono::milliseconds cap_;
    std::mt19937_64 random_;
};

}  // namespace kiosksync
