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

const std::string& localText(const LocalTexts& texts, const std::string& fallback, std::string_view language) {
    const auto it = texts.find(language);
    return it == texts.end() ? fallback : it->second;
}

const std::string& localDescription(const Offer& offer, std::string_view language) {
    return localText(offer.descriptions, offer.description, language);
}

}  // namespace loyalty
