#include "loyalty/Program.h"

#include <algorithm>

namespace loyalty {

namespace {

// The first element with this id, or nullptr.
template <class T>
const T* findById(const std::vector<T>& items, const std::string& id) {
    const auto it = std::find_if(items.begin(), items.end(), [&](const T& item) { return item.id == id; });
    return it == items.end() ? nullptr : &*it;
}

}  // namespace

const Tier* Program::findTier(const std::string& id) const {
    return findById(tiers, id);
}

const Reward* Program::findReward(const std::string& id) const {
    return findById(rewards, id);
}

const Offer* Program::findOffer(const std::string& id) const {
    return findById(offers, id);
}

const StampCard* Program::findStampCard(const std::string& id) const {
    return findById(stampCards, id);
}

}  // namespace loyalty
