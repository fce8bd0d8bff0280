#include "nfc/cards/MemorySunCounterStore.h"

namespace nfc::cards {

loyalty::Expected<bool, std::string> MemorySunCounterStore::acceptCounter(const std::string& uidHex,
                                                                         std::uint32_t counter) {
    const auto it = last_.find(uidHex);
    if (it != last_.end() && counter <= it->second) {
        return false;
    }
    last_[uidHex] = counter;
    return true;
}

std::optional<std::uint32_t> MemorySunCounterStore::last(const std::string& uidHex) const {
    const auto it = last_.find(uidHex);
    if (it == last_.end()) {
        return std::nullopt;
    }
    return it->second;
}

}  // namespace nfc::cards
