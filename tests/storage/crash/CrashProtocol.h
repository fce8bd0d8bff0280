#pragma once
// What the crash writer and the crash harness agree on.

#include <cstdint>
#include <string>

namespace crashtest {

inline constexpr const char* kKioskId = "crash-kiosk";
inline constexpr const char* kMemberId = "crash-member";
inline constexpr const char* kCardToken = "04a1b2c3d4e5f6";

// "crash #12 part 2/3": decision 12, event 2 of 3.
inline std::string reasonFor(std::int64_t decision, int part, int parts) {
    return "crash #" + std::to_string(decision) + " part " + std::to_string(part) + "/" + std::to_string(parts);
}

}  // namespace crashtest
