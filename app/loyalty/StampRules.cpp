#include "loyalty/StampRules.h"

#include <utility>

#include "loyalty/AccountStanding.h"
#include "loyalty/VelocityPolicy.h"

namespace loyalty {

namespace {

Refusal refuse(RefusalCode code, std::string message) {
    return Refusal{code, std::move(message)};
}

std::int32_t heldStamps(const MemberState& member, const std::string& stampCardId) {
    const auto it = member.stamps.find(stampCardId);
    if (it == member.stamps.end() || it->second < 0) {
        return 0;
    }
    return it->second;
}

EventDraft stampEvent(const MemberState& member, const CardState& card, const StampCard& stampCard,
                      const std::string& staffId, std::int32_t stamps, std::string reason) {
    EventDraft event;
    event.type = EventType::Stamp;
    event.memberId = member.memberId;
    event.cardId = card.cardId;
    event.stampCardId = stampCard.id;
    event.staffId = staffId;
    event.stamps = stamps;
    event.reason = std::move(reason);
    return event;
}

}  // namespace

Expected<Decision, Refusal> StampRules::stamp(const MemberState& member, const CardState& card,
                                              const std::string& stampCardId, std::int32_t count,
                                              const std::string& staffId, bool managerOverride,
                                              const Instant& /*now*/) const {
    if (auto refusal = AccountStanding::check(member, card)) {
        return unexpected(*refusal);
    }
    const StampCard* stampCard = program_.findStampCard(stampCardId);
    if (stampCard == nullptr || stampCard->stampsRequired <= 0) {
        return unexpected(refuse(RefusalCode::UnknownStampCard, "This stamp card is not available."));
    }
    if (count <= 0 || count > kMaxStampsPerTransaction) {
        return unexpected(refuse(RefusalCode::InvalidAmount,
                                 "Please enter between 1 and " +
                                     std::to_string(kMaxStampsPerTransaction) + " stamps."));
    }
    if (auto held = VelocityPolicy(program_.velocity).check(card, managerOverride)) {
        return unexpected(std::move(*held));
    }

    // 64-bit: held <= INT32_MAX and count <= 100, so the sum cannot overflow.
    const std::int64_t total = std::int64_t{heldStamps(member, stampCardId)} + count;
    const std::int64_t freeItems = total / stampCard->stampsRequired;
    if (freeItems > kMaxStampsPerTransaction) {
        // Only possible when the stored count is far beyond the card's N.
        return unexpected(refuse(RefusalCode::InvalidAmount,
                                 "This stamp card needs checking. Please ask staff."));
    }

    Decision decision;
    decision.events.push_back(stampEvent(
        member, card, *stampCard, staffId, count,
        (count == 1 ? std::string("Stamp added: ")
                    : std::to_string(count) + " stamps added: ") + stampCard->name));
    for (std::int64_t i = 0; i < freeItems; ++i) {
        decision.events.push_back(stampEvent(member, card, *stampCard, staffId,
                                             -stampCard->stampsRequired,
                                             "Free item earned: " + stampCard->rewardName));
    }
    return decision;
}

Expected<StampProgress, Refusal> StampRules::progress(const MemberState& member,
                                                      const std::string& stampCardId) const {
    const StampCard* stampCard = program_.findStampCard(stampCardId);
    if (stampCard == nullptr || stampCard->stampsRequired <= 0) {
        return unexpected(refuse(RefusalCode::UnknownStampCard, "This stamp card is not available."));
    }
    return StampProgress{heldStamps(member, stampCardId), stampCard->stampsRequired};
}

}  // namespace loyalty
