#pragma once
// Velocity limits: more than N transactions on one card in a shop-local day
// are held for a manager (refused with VelocityHeld until a manager
// overrides), not merely reported.

#include <optional>

#include "loyalty/MemberState.h"
#include "loyalty/Program.h"
#include "loyalty/Refusal.h"

namespace loyalty {

class VelocityPolicy {
public:
    explicit VelocityPolicy(const VelocityLimits& limits) : limits_(limits) {}
    // nullopt when one more transaction on this card is allowed today;
    // managerOverride lets a manager release a held transaction.
    std::optional<Refusal> check(const CardState& card, bool managerOverride) const;

private:
    const VelocityLimits& limits_;
};

}  // namespace loyalty
