#pragma once
// "Now", as the caller passes it to the storage layer: the moment as the
// rules see it (UTC seconds + the shop's UTC offset), the wall clock in
// milliseconds and CLOCK_MONOTONIC in nanoseconds. Storage never reads a
// clock itself except in SystemClock::now(); tests pass explicit times.

#include <cstdint>

#include "loyalty/Types.h"

namespace storage {

struct RecordTime {
    loyalty::Instant at;            // utcSeconds == floor(wallTimeMs / 1000)
    std::int64_t wallTimeMs = 0;    // Unix milliseconds, UTC
    std::int64_t monotonicNs = 0;   // CLOCK_MONOTONIC at the moment

    // A consistent RecordTime from wall-clock milliseconds.
    static RecordTime fromWallMs(std::int64_t wallMs, std::int32_t utcOffsetSeconds,
                                 std::int64_t monotonicNs = 0) {
        const std::int64_t seconds = wallMs >= 0 ? wallMs / 1000 : -((-wallMs + 999) / 1000);
        return RecordTime{loyalty::Instant{seconds, utcOffsetSeconds}, wallMs, monotonicNs};
    }

    // The shop-local calendar day, as days since 1970-01-01 (the *_day columns).
    std::int64_t shopDay() const { return loyalty::daysSinceEpoch(loyalty::localDate(at)); }
};

}  // namespace storage
