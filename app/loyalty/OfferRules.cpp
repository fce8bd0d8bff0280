#include "loyalty/OfferRules.h"

#include <algorithm>
#include <cstdint>
#include <utility>

#include "loyalty/AccountStanding.h"
#include "loyalty/TierCalculator.h"

namespace loyalty {

namespace {

bool contains(const std::vector<std::string>& list, const std::string& value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

// Whole shop-local calendar days from `from` to `to` (negative if `from` is later).
std::int64_t daysBetween(const Date& from, const Date& to) {
    return daysSinceEpoch(to) - daysSinceEpoch(from);
}

// A phrase per reason. Segment names are internal marketing labels and never
// shown to the customer.
const char* phrase(OfferReason reason) {
    switch (reason) {
    case OfferReason::Everyone:
        return "An offer for all our members.";
    case OfferReason::Tier:
        return "A thank-you for your membership tier.";
    case OfferReason::Segment:
        return "Picked for you.";
    case OfferReason::Birthday:
        return "Happy birthday month!";
    case OfferReason::WinBack:
        return "Welcome back, we have missed you.";
    case OfferReason::NewMember:
        return "A welcome offer for new members.";
    }
    return "";
}

std::string describe(const std::vector<OfferReason>& reasons) {
    std::string why;
    for (const OfferReason reason : reasons) {
        if (!why.empty()) {
            why += ' ';
        }
        why += phrase(reason);
    }
    return why;
}

Refusal refuse(RefusalCode code, std::string message) {
    return Refusal{code, std::move(message)};
}

}  // namespace

bool OfferRules::withinValidity(const Offer& offer, const Instant& now) const {
    const Date today = localDate(now);
    if (offer.validFrom && today < *offer.validFrom) {
        return false;
    }
    return !(offer.validUntil && today > *offer.validUntil);
}

bool OfferRules::limitReached(const Offer& offer, const MemberState& member) const {
    if (offer.perMemberLimit <= 0) {
        return false;  // unlimited
    }
    const auto it = member.offerActivations.find(offer.id);
    return it != member.offerActivations.end() && it->second >= offer.perMemberLimit;
}

std::vector<OfferReason> OfferRules::audienceMatch(const Offer& offer, const MemberState& member,
                                                   const Instant& now) const {
    std::vector<OfferReason> reasons;
    const Date today = localDate(now);
    if (!offer.tiers.empty()) {
        const Tier* current = TierCalculator(program_).status(member, now).current;
        if (current == nullptr || !contains(offer.tiers, current->id)) {
            return {};
        }
        reasons.push_back(OfferReason::Tier);
    }
    if (!offer.segments.empty()) {
        const bool inSegment =
            std::any_of(member.segments.begin(), member.segments.end(),
                        [&offer](const std::string& segment) { return contains(offer.segments, segment); });
        if (!inSegment) {
            return {};
        }
        reasons.push_back(OfferReason::Segment);
    }
    if (offer.birthdayMonth) {
        if (!member.birthdayMonth || *member.birthdayMonth != today.month) {
            return {};
        }
        reasons.push_back(OfferReason::Birthday);
    }
    if (offer.lapsedDays > 0) {
        // No recorded activity: the member has been away since enrolment.
        const Date lastSeen = member.lastActivityOn.value_or(member.enrolledOn);
        if (daysBetween(lastSeen, today) < offer.lapsedDays) {
            return {};
        }
        reasons.push_back(OfferReason::WinBack);
    }
    if (offer.newMemberDays > 0) {
        const auto days = daysBetween(member.enrolledOn, today);
        if (days < 0 || days >= offer.newMemberDays) {
            return {};
        }
        reasons.push_back(OfferReason::NewMember);
    }
    if (reasons.empty()) {
        reasons.push_back(OfferReason::Everyone);
    }
    return reasons;
}

std::vector<EligibleOffer> OfferRules::eligible(const MemberState& member, const Instant& now) const {
    std::vector<EligibleOffer> result;
    if (member.status != MemberStatus::Active) {
        return result;
    }
    for (const Offer& offer : program_.offers) {
        if (!withinValidity(offer, now) || contains(member.activeOffers, offer.id) ||
            limitReached(offer, member)) {
            continue;
        }
        auto reasons = audienceMatch(offer, member, now);
        if (reasons.empty()) {
            continue;
        }
        std::string why = describe(reasons);
        result.push_back(EligibleOffer{&offer, std::move(reasons), std::move(why)});
    }
    return result;
}

Expected<Decision, Refusal> OfferRules::activate(const MemberState& member, const CardState& card,
                                                 const std::string& offerId,
                                                 const Instant& now) const {
    if (auto refusal = AccountStanding::check(member, card)) {
        return unexpected(*refusal);
    }
    const Offer* offer = program_.findOffer(offerId);
    if (offer == nullptr) {
        return unexpected(refuse(RefusalCode::UnknownOffer, "This offer is not available."));
    }
    if (!withinValidity(*offer, now)) {
        return unexpected(refuse(RefusalCode::OfferNotActive, "This offer is not running today."));
    }
    if (contains(member.activeOffers, offer->id)) {
        return unexpected(refuse(RefusalCode::OfferAlreadyActivated,
                                 "This offer is already active. It applies to your next purchase."));
    }
    if (limitReached(*offer, member)) {
        return unexpected(refuse(RefusalCode::MemberLimitReached,
                                 "You have already used this offer as many times as allowed."));
    }
    if (audienceMatch(*offer, member, now).empty()) {
        return unexpected(refuse(RefusalCode::OfferNotEligible,
                                 "This offer is not available for your membership."));
    }

    EventDraft event;
    event.type = EventType::OfferActivate;
    event.memberId = member.memberId;
    event.cardId = card.cardId;
    event.offerId = offer->id;
    event.reason = "Activated: " + offer->name;
    return Decision{{std::move(event)}};
}

}  // namespace loyalty
