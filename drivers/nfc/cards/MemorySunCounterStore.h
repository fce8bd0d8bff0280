#pragma once
// SunCounterStore in a map: for tests and for `kioskctl card verify-sun
// --last-counter N`. Not thread-safe; one reader thread owns it.

#include <map>
#include <optional>

#include "nfc/cards/SunCounterStore.h"

namespace nfc::cards {

class MemorySunCounterStore : public SunCounterStore {
public:
    loyalty::Expected<bool, std::string> acceptCounter(const std::string& uidHex, std::uint32_t counter) override;
    void setLast(const std::string& uidHex, std::uint32_t counter) { last_[uidHex] = counter; }
    std::optional<std::uint32_t> last(const std::string& uidHex) const;

private:
    std::map<std::string, std::uint32_t> last_;
};

}  // namespace nfc::cards
