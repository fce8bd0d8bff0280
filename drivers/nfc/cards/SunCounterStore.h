#pragma once
// Where the last accepted NTAG 424 DNA read counter of each card lives.
// acceptCounter stores `counter` and returns true only when it is above the
// last one accepted for that UID (the first counter of a card is accepted);
// false is a replay. FileSunCounterStore is the kiosk reader worker's
// (one durable file); storage's CardRepository::acceptSunCounter implements
// it against SQLite; MemorySunCounterStore is the in-memory one for tests
// and kioskctl.

#include <cstdint>
#include <string>

#include "loyalty/Expected.h"

namespace nfc::cards {

class SunCounterStore {
public:
    virtual ~SunCounterStore() = default;
    virtual loyalty::Expected<bool, std::string> acceptCounter(const std::string& uidHex, std::uint32_t counter) = 0;
};

}  // namespace nfc::cards
