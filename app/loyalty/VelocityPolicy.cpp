#include "loyalty/VelocityPolicy.h"

#include <string>

namespace loyalty {

std::optional<Refusal> VelocityPolicy::check(const CardState& card, bool managerOverride) const {
    const auto limit = limits_.maxTransactionsPerCardPerDay;
    if (limit <= 0 || managerOverride || card.transactionsToday < limit) {
        return std::nullopt;
    }
    return Refusal{RefusalCode::VelocityHeld,
                   "This card has reached " + std::to_string(limit) +
                       " transactions today. A manager must approve any more."};
}

}  // namespace loyalty
