#pragma once
// The real clocks: the only place the storage layer reads the time. The UTC
// offset comes from the caller (the shop's configuration or the system's
// time zone, decided in app/), as the rules need it with every Instant.

#include <cstdint>

#include "storage/RecordTime.h"

namespace storage {

class SystemClock {
public:
    // CLOCK_REALTIME (wall time, UTC) and CLOCK_MONOTONIC, read once each.
    static RecordTime now(std::int32_t utcOffsetSeconds);
};

}  // namespace storage
