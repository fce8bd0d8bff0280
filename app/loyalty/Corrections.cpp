#include "loyalty/Corrections.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>

#include "loyalty/CheckedMath.h"
#include "loyalty/Formatting.h"

namespace loyalty {

namespace {

std::string trimmed(const std::string& text) {
    const auto isSpace = [](unsigned char c) { return std::isspace(c) != 0; };
    const auto first = std::find_if_not(text.begin(), text.end(), isSpace);
    const auto last = std::find_if_not(text.rbegin(), text.rend(), isSpace).base();
    return first < last ? std::string(first, last) : std::string();
}

bool voidable(EventType type) {
    switch (type) {
        case EventType::Earn:
        case EventType::Redeem:
        case EventType::Adjust:
        case EventType::Stamp:
            return true;
        case EventType::Void:
        case EventType::Enrol:
        case EventType::CardLink:
        case EventType::CardBlock:
        case EventType::OfferActivate:
        case EventType::Rating:
        case EventType::Expire:
            return false;
    }
    return false;
}

// Why the balance cannot move by `delta`, if it cannot: it would not fit, or a
// deduction would take it below zero (an addition is always welcome).
std::optional<Refusal> balanceRefusal(const MemberState& member, Points delta) {
    const auto balance = checkedAdd(member.confirmedBalance, member.pendingDelta);
    const auto after = balance ? checkedAdd(*balance, delta) : std::nullopt;
    if (!after) {
        return overflowRefusal("The resulting balance");
    }
    if (delta < 0 && *after < 0) {
        return Refusal{RefusalCode::InsufficientPoints, "The balance is " + pointsText(*balance) +
                                                            "; this would leave " + pointsText(*after) + "."};
    }
    return std::nullopt;
}

// Why the stamps held on a card cannot move by `delta` (below zero), if so.
std::optional<Refusal> stampRefusal(const MemberState& member, const std::string& stampCardId,
                                    std::int32_t delta) {
    const auto it = member.stamps.find(stampCardId);
    const std::int64_t held = it == member.stamps.end() ? 0 : it->second;
    if (delta < 0 && held + delta < 0) {
        return Refusal{RefusalCode::InsufficientPoints,
                       "The member holds " + std::to_string(held) + " stamps; this would leave " +
                           std::to_string(held + delta) + "."};
    }
    return std::nullopt;
}

}  // namespace

Expected<Decision, Refusal> Corrections::voidEvent(const RecordedEvent& target, const std::string& staffId,
                                                   const std::string& reason, const MemberState& member) {
    const EventDraft& original = target.event;
    if (target.id.empty() || (voidable(original.type) && original.pointsDelta == 0 && original.stamps == 0)) {
        return unexpected(Refusal{RefusalCode::NothingToVoid, "There is nothing to reverse in this entry."});
    }
    if (!voidable(original.type)) {
        return unexpected(Refusal{RefusalCode::NotVoidable, "This kind of entry (" +
                                                                std::string(eventTypeName(original.type)) +
                                                                ") cannot be reversed."});
    }
    if (original.memberId != member.memberId) {
        return unexpected(Refusal{RefusalCode::NotVoidable, "This entry belongs to another member."});
    }
    if (target.voided) {
        return unexpected(Refusal{RefusalCode::AlreadyVoided, "This entry has already been reversed."});
    }
    const std::string why = trimmed(reason);
    if (why.empty()) {
        return unexpected(Refusal{RefusalCode::ReasonRequired, "Please give a reason for the reversal."});
    }
    const auto delta = checkedNeg(original.pointsDelta);
    const auto stamps = original.stamps == std::numeric_limits<std::int32_t>::min()
                            ? std::nullopt
                            : std::optional<std::int32_t>(-original.stamps);
    if (!delta || !stamps) {
        return unexpected(overflowRefusal("The reversal"));
    }
    if (auto refusal = balanceRefusal(member, *delta)) {
        return unexpected(*refusal);
    }
    if (auto refusal = stampRefusal(member, original.stampCardId, *stamps)) {
        return unexpected(*refusal);
    }

    EventDraft reversal;
    reversal.type = EventType::Void;
    reversal.memberId = original.memberId;
    reversal.cardId = original.cardId;
    reversal.pointsDelta = *delta;
    reversal.rewardId = original.rewardId;
    reversal.offerId = original.offerId;
    reversal.stampCardId = original.stampCardId;
    reversal.stamps = *stamps;
    reversal.staffId = staffId;
    reversal.voidsEventId = target.id;
    reversal.reason = original.reason.empty() ? "Reversed: " + why
                                              : "Reversed \"" + original.reason + "\": " + why;
    return Decision{{reversal}};
}

Expected<Decision, Refusal> Corrections::adjust(const MemberState& member, const CardState& card, Points delta,
                                                const std::string& staffId, const std::string& reason) {
    if (delta == 0) {
        return unexpected(Refusal{RefusalCode::InvalidAmount, "An adjustment must add or remove points."});
    }
    const std::string why = trimmed(reason);
    if (why.empty()) {
        return unexpected(Refusal{RefusalCode::ReasonRequired, "Please give a reason for the adjustment."});
    }
    if (auto refusal = balanceRefusal(member, delta)) {
        return unexpected(*refusal);
    }
    EventDraft event;
    event.type = EventType::Adjust;
    event.memberId = member.memberId;
    event.cardId = card.cardId;
    event.pointsDelta = delta;
    event.staffId = staffId;
    event.reason = "Adjustment: " + why;
    return Decision{{event}};
}

}  // namespace loyalty
