#include "storage/SystemClock.h"

#include <time.h>

namespace storage {

namespace {

std::int64_t read(clockid_t clock, std::int64_t perSecond, std::int64_t nsPerUnit) {
    timespec ts{};
    // clock_gettime cannot fail for these two clocks on Linux; a zeroed
    // timespec is the answer if it ever did.
    (void)clock_gettime(clock, &ts);
    return static_cast<std::int64_t>(ts.tv_sec) * perSecond + static_cast<std::int64_t>(ts.tv_nsec) / nsPerUnit;
}

}  // namespace

RecordTime SystemClock::now(std::int32_t utcOffsetSeconds) {
    const std::int64_t wallMs = read(CLOCK_REALTIME, 1000, 1000000);
    const std::int64_t monotonicNs = read(CLOCK_MONOTONIC, 1000000000, 1);
    return RecordTime::fromWallMs(wallMs, utcOffsetSeconds, monotonicNs);
}

}  // namespace storage
