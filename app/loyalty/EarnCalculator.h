#pragma once
// Points for a purchase: base points, the tier multiplier, promotions and the
// member's activated offers, then the per-purchase cap. preview() is what
// staff see before confirming; decide() gives the events to record. Both run
// the same checks and the same arithmetic. The rules are documented in
// docs/rules/earning-tiers-expiry.md.

#include <string>
#include <vector>

#include "loyalty/Event.h"
#include "loyalty/Expected.h"
#include "loyalty/MemberState.h"
#include "loyalty/Program.h"
#include "loyalty/Refusal.h"

namespace loyalty {

// One line of a purchase, for category promotions.
struct PurchaseLine {
    std::string category;  // matched exactly against Promotion::category
    Money amount = 0;      // >= 0
};

struct PurchaseRequest {
    Money amount = 0;                 // the whole purchase, > 0
    std::vector<PurchaseLine> lines;  // optional breakdown; sums to at most `amount`
    std::string staffId;
    bool managerOverride = false;     // releases a velocity hold
};

// A promotion or an offer that added points to this purchase.
struct AppliedBonus {
    std::string id;
    std::string name;
    Points points = 0;   // what it adds before the cap
    Points awarded = 0;  // what is left of it after the cap
    friend bool operator==(const AppliedBonus&, const AppliedBonus&) = default;
};

struct EarnBreakdown {
    Money amount = 0;
    Points basePoints = 0;                // floor(amount / amountPerStep) * pointsPerStep
    std::string tierId;                   // empty when the programme has no tier the member reaches
    std::string tierName;
    Percent tierMultiplier = 100;
    Points tierBonus = 0;                 // floor(base * (multiplier - 100) / 100)
    std::vector<AppliedBonus> promotions; // in programme order
    std::vector<AppliedBonus> offers;     // activated offers used at this purchase, in activation order
    Points totalBeforeCap = 0;
    Points total = 0;                     // what the member gets
    bool capped = false;                  // maxPointsPerTransaction cut the total
    std::string note;                     // when total is 0: why the purchase earns nothing
};

class EarnCalculator {
public:
    explicit EarnCalculator(const Program& program) : program_(program) {}

    // Checks, first failure wins: MemberBlocked, CardNotActive,
    // InvalidAmount (amount <= 0, above EarnRule::maxPurchaseAmount, a
    // negative line, lines summing to more than the amount), Overflow,
    // VelocityHeld (unless request.managerOverride).
    Expected<EarnBreakdown, Refusal> preview(const MemberState& member, const CardState& card,
                                             const PurchaseRequest& request, const Instant& now) const;

    // The events for the purchase: one Earn event for the purchase itself
    // (purchaseAmount, base + tier + promotions), then one Earn event per
    // offer used (offerId, its points, purchaseAmount 0). No events when the
    // total is 0 (the preview's note says why); offers then stay activated.
    Expected<Decision, Refusal> decide(const MemberState& member, const CardState& card,
                                       const PurchaseRequest& request, const Instant& now) const;

private:
    const Program& program_;
};

}  // namespace loyalty
