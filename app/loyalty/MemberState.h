#pragma once
// What the rules know about a member, a card and the kiosk when they decide.
// The storage layer assembles these; the rules never fetch anything.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "loyalty/Types.h"

namespace loyalty {

// Points earned on one day, still available to spend. Lots are kept oldest
// first; spending and expiry consume the oldest lot first.
struct PointLot {
    Date earnedOn;
    Points remaining = 0;
    friend bool operator==(const PointLot&, const PointLot&) = default;
};

// Points *earned* on a day (for tier qualification over a rolling window).
// Redemptions do not reduce it; a void of an earn records a negative entry.
struct EarnedEntry {
    Date on;
    Points points = 0;
};

struct MemberState {
    std::string memberId;
    std::string displayName;  // first name only
    MemberStatus status = MemberStatus::Active;
    std::optional<unsigned> birthdayMonth;  // 1..12
    std::vector<std::string> segments;
    Date enrolledOn;
    std::optional<Date> lastActivityOn;

    Points confirmedBalance = 0;  // last balance head office confirmed
    Points pendingDelta = 0;      // local deltas head office has not acknowledged
    Points balance() const { return confirmedBalance + pendingDelta; }

    std::vector<PointLot> lots;          // oldest first; remaining sums to balance()
    std::vector<EarnedEntry> earned;     // any order
    std::map<std::string, std::int32_t> rewardRedemptions;  // reward id -> times redeemed
    std::map<std::string, std::int32_t> offerActivations;   // offer id -> times activated
    std::vector<std::string> activeOffers;                  // activated, not yet used at a purchase
    std::map<std::string, std::int32_t> stamps;             // stamp card id -> stamps held
};

struct CardState {
    std::string cardId;
    CardStatus status = CardStatus::Active;
    Assurance assurance = Assurance::Low;
    std::int32_t consecutiveOfflineRedemptions = 0;
    std::int32_t transactionsToday = 0;  // earn/redeem/stamp on this card, shop-local day
};

struct KioskState {
    bool online = true;
    std::optional<Instant> lastSyncAt;        // last successful exchange with head office
    Points unsyncedRedeemedPoints = 0;        // redeemed here, not yet acknowledged
    std::map<std::string, std::int32_t> rewardTotals;  // reward id -> redeemed programme-wide (as last synced)
};

}  // namespace loyalty
