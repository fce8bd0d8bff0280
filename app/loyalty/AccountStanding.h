#pragma once
// The first check of every customer transaction: is the membership active and
// is this card still in use? One wording for every rule, and no detail that
// helps someone holding a card that is not theirs.

#include <optional>

#include "loyalty/MemberState.h"
#include "loyalty/Refusal.h"

namespace loyalty {

class AccountStanding {
public:
    // nullopt when the member is active and the card is active.
    static std::optional<Refusal> check(const MemberState& member, const CardState& card);
    // The member part alone (for actions on a card that is already inactive).
    static std::optional<Refusal> checkMember(const MemberState& member);
};

}  // namespace loyalty
