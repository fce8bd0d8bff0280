#include "loyalty/MembershipRules.h"

#include "loyalty/AccountStanding.h"

#include <utility>

namespace loyalty {

namespace {

Refusal refuse(RefusalCode code, std::string message) {
    return Refusal{code, std::move(message)};
}

EventDraft cardEvent(EventType type, const std::string& memberId, const std::string& cardId,
                     const std::string& staffId, std::string reason) {
    EventDraft event;
    event.type = type;
    event.memberId = memberId;
    event.cardId = cardId;
    event.staffId = staffId;
    event.reason = std::move(reason);
    return event;
}

}  // namespace

std::string MembershipRules::trim(const std::string& text) {
    constexpr const char* kWhitespace = " \t\r\n\v\f";
    const auto first = text.find_first_not_of(kWhitespace);
    if (first == std::string::npos) {
        return {};
    }
    const auto last = text.find_last_not_of(kWhitespace);
    return text.substr(first, last - first + 1);
}

Expected<Enrolment, Refusal> MembershipRules::enrol(const std::string& memberId,
                                                    const std::string& displayName,
                                                    const std::string& cardId,
                                                    const std::string& staffId,
                                                    const Instant& now) const {
    if (memberId.empty() || cardId.empty()) {
        return unexpected(refuse(RefusalCode::InvalidAmount,
                                 "The card could not be enrolled. Please try again."));
    }
    std::string name = trim(displayName);
    if (name.empty()) {
        return unexpected(refuse(RefusalCode::InvalidAmount, "Please enter a first name."));
    }
    if (name.size() > kMaxDisplayNameBytes) {
        return unexpected(refuse(RefusalCode::InvalidAmount,
                                 "That name is too long. Please enter a first name only."));
    }

    Enrolment enrolment;
    enrolment.decision.events.push_back(
        cardEvent(EventType::Enrol, memberId, cardId, staffId, "Welcome to " + program_.name));
    enrolment.decision.events.push_back(cardEvent(EventType::CardLink, memberId, cardId, staffId,
                                                  "Card added to your membership"));
    enrolment.displayName = std::move(name);
    enrolment.enrolledOn = localDate(now);
    return enrolment;
}

Expected<Decision, Refusal> MembershipRules::replaceCard(const MemberState& member,
                                                         const CardState& oldCard,
                                                         const std::string& newCardId,
                                                         const std::string& staffId,
                                                         const std::string& reason,
                                                         const Instant& /*now*/) const {
    if (auto refusal = AccountStanding::checkMember(member)) {
        return unexpected(*refusal);
    }
    if (newCardId.empty()) {
        return unexpected(refuse(RefusalCode::InvalidAmount,
                                 "Please present the new card to replace the old one."));
    }
    if (newCardId == oldCard.cardId) {
        return unexpected(refuse(RefusalCode::InvalidAmount,
                                 "That is the same card. Please present a new card."));
    }
    std::string why = trim(reason);
    if (why.empty()) {
        return unexpected(refuse(RefusalCode::ReasonRequired,
                                 "Please give a reason for replacing the card."));
    }

    Decision decision;
    if (oldCard.status == CardStatus::Active) {
        decision.events.push_back(
            cardEvent(EventType::CardBlock, member.memberId, oldCard.cardId, staffId, std::move(why)));
    }
    decision.events.push_back(cardEvent(EventType::CardLink, member.memberId, newCardId, staffId,
                                        "Replacement card added. Your points stay with you."));
    return decision;
}

Expected<Decision, Refusal> MembershipRules::blockCard(const MemberState& member,
                                                       const CardState& card,
                                                       const std::string& staffId,
                                                       const std::string& reason,
                                                       const Instant& /*now*/) const {
    if (card.status != CardStatus::Active) {
        return unexpected(refuse(RefusalCode::CardNotActive, "This card is already blocked."));
    }
    std::string why = trim(reason);
    if (why.empty()) {
        return unexpected(refuse(RefusalCode::ReasonRequired,
                                 "Please give a reason for blocking the card."));
    }
    Decision decision;
    decision.events.push_back(
        cardEvent(EventType::CardBlock, member.memberId, card.cardId, staffId, std::move(why)));
    return decision;
}

Expected<Decision, Refusal> MembershipRules::rate(const MemberState& member, const CardState& card,
                                                  std::int32_t rating,
                                                  const Instant& /*now*/) const {
    if (rating < kMinRating || rating > kMaxRating) {
        return unexpected(refuse(RefusalCode::InvalidAmount, "Please choose from 1 to 5 stars."));
    }
    EventDraft event = cardEvent(EventType::Rating, member.memberId, card.cardId, std::string(),
                                 "You rated your visit " + std::to_string(rating) + " out of 5");
    event.rating = rating;
    Decision decision;
    decision.events.push_back(std::move(event));
    return decision;
}

}  // namespace loyalty
