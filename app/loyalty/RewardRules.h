#pragma once
// Rewards: what a member can get now (the catalogue), how far the next reward
// is, and redemption. The rules are documented in
// docs/rules/rewards-offers-limits.md.

#include <optional>
#include <string>
#include <vector>

#include "loyalty/Event.h"
#include "loyalty/Expected.h"
#include "loyalty/MemberState.h"
#include "loyalty/Program.h"
#include "loyalty/Refusal.h"

namespace loyalty {

// One line of the catalogue as a member sees it.
struct RewardOption {
    enum Status {
        Available,           // may be redeemed now (as far as the member and the catalogue go)
        NeedMorePoints,      // valid, allowed, but the balance is short by pointsShort
        TierLocked,          // needs a higher tier
        MemberLimitReached,  // this member has used up their per-member limit
        SoldOut,             // programme-wide limit reached
        NotValidNow,         // outside its validity window (not yet, or no longer)
    };
    const Reward* reward = nullptr;  // points into the Program
    Status status = Available;
    // cost - balance when the balance is below the cost, else 0. Filled in for
    // every status so a locked reward can still say how far away it is.
    Points pointsShort = 0;
};

class RewardRules {
public:
    explicit RewardRules(const Program& program) : program_(program) {}

    // Every reward of the programme with its status for this member, in the
    // order a customer wants to read it: Available (cheapest first), then
    // NeedMorePoints (fewest points short first), then TierLocked,
    // MemberLimitReached, SoldOut, NotValidNow (each by cost). Ties keep the
    // programme's order. Rewards with a negative cost (a configuration error)
    // are left out. The card's assurance and the offline limits are not
    // considered here: redeem() reports those.
    std::vector<RewardOption> catalogue(const MemberState& member, const KioskState& kiosk,
                                        const Instant& now) const;

    // "How far is the next reward": the cheapest reward whose only obstacle is
    // the balance (status NeedMorePoints), with pointsShort. nullopt when
    // every valid reward is already affordable or none is within reach.
    std::optional<RewardOption> nextReward(const MemberState& member, const KioskState& kiosk,
                                           const Instant& now) const;

    // Redeems one reward. Checks, in this order, the first failure wins:
    //   MemberBlocked, CardNotActive, UnknownReward, RewardNotYetValid /
    //   RewardExpired (shop-local dates, inclusive), TierTooLow,
    //   MemberLimitReached, TotalLimitReached, InsufficientPoints,
    //   LowAssuranceCard, VelocityHeld (managerOverride releases it),
    //   offline limits (OfflinePolicy, only when !kiosk.online).
    // The decision is one Redeem event: pointsDelta = -cost, rewardId,
    // staffId, reason "Redeemed: <reward name>".
    Expected<Decision, Refusal> redeem(const MemberState& member, const CardState& card,
                                       const KioskState& kiosk, const std::string& rewardId,
                                       const std::string& staffId, bool managerOverride,
                                       const Instant& now) const;

private:
    // The catalogue status of one reward for a member whose tier is `current`.
    RewardOption assess(const Reward& reward, const MemberState& member, const KioskState& kiosk,
                        const Tier* current, const Instant& now) const;
    const Tier* currentTier(const MemberState& member, const Instant& now) const;
    bool tierAllows(const Reward& reward, const Tier* current) const;

    const Program& program_;
};

}  // namespace loyalty
