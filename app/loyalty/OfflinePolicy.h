#pragma once
// Offline risk limits for redemption, modelled on card-terminal floor limits
// (design brief §2). Earning always works offline; a redemption while the
// kiosk cannot reach head office is bounded by four limits, checked in this
// order (limits that block every redemption first, then the ones that depend
// on the reward's cost, so the customer is never told "choose a smaller
// reward" when no reward would do):
//
//   1. OfflineTooLong          no successful sync yet, the clock is earlier
//                              than the last sync, or now - lastSyncAt >
//                              maxOfflineSeconds (exactly the maximum is allowed)
//   2. OfflineConsecutiveLimit card.consecutiveOfflineRedemptions >=
//                              maxConsecutiveRedemptionsPerCard
//   3. OfflineTransactionCap   points > maxRedeemPerTransaction
//   4. OfflineKioskCap         unsyncedRedeemedPoints + points >
//                              maxUnsyncedRedeemedPoints
//
// A limit of 0 (or a negative one) means "no offline redemption at all" for
// every one of the four limits: such a check refuses even a 0-point reward.
// The default OfflineLimits{} therefore allows no offline redemption, which
// is the safe default for an unconfigured kiosk.
//
// When the kiosk is online, check() returns nullopt without looking at the
// limits (online redemptions are authorised by head office). A negative
// points amount is refused with InvalidAmount. Messages name the kind of
// limit and what to do, never the limit's value.

#include <optional>

#include "loyalty/MemberState.h"
#include "loyalty/Program.h"
#include "loyalty/Refusal.h"

namespace loyalty {

class OfflinePolicy {
public:
    explicit OfflinePolicy(const OfflineLimits& limits) : limits_(limits) {}

    // nullopt when a redemption of `points` on `card` is allowed now.
    std::optional<Refusal> check(const KioskState& kiosk, const CardState& card, Points points,
                                 const Instant& now) const;

private:
    std::optional<Refusal> checkOfflineAge(const KioskState& kiosk, const Instant& now) const;
    std::optional<Refusal> checkConsecutive(const CardState& card) const;
    std::optional<Refusal> checkTransactionCap(Points points) const;
    std::optional<Refusal> checkKioskCap(const KioskState& kiosk, Points points) const;

    const OfflineLimits& limits_;
};

}  // namespace loyalty
