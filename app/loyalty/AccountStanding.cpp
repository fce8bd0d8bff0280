#include "loyalty/AccountStanding.h"

namespace loyalty {

std::optional<Refusal> AccountStanding::checkMember(const MemberState& member) {
    if (member.status != MemberStatus::Active) {
        return Refusal{RefusalCode::MemberBlocked, "This membership is on hold. Please ask staff."};
    }
    return std::nullopt;
}

std::optional<Refusal> AccountStanding::check(const MemberState& member, const CardState& card) {
    if (auto refusal = checkMember(member)) {
        return refusal;
    }
    if (card.status != CardStatus::Active) {
        return Refusal{RefusalCode::CardNotActive,
                       "This card can no longer be used. Please ask staff for a replacement card."};
    }
    return std::nullopt;
}

}  // namespace loyalty
