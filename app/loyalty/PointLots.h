#pragma once
// Points in lots, oldest first (MemberState::lots): spending consumes the
// oldest lot first, each lot expires ExpiryPolicy::months after the day it was
// earned. The rules are documented in docs/rules/earning-tiers-expiry.md.
//
// Expiry boundary: a lot earned on day D can be spent up to and including the
// day before E = addMonths(D, months) and is gone from the start of E (the
// "expiry date"). 12 months: earned 10 March 2024 -> expires on 10 March 2025;
// earned 29 February 2024 -> expires on 28 February 2025.

#include <optional>
#include <vector>

#include "loyalty/Event.h"
#include "loyalty/Expected.h"
#include "loyalty/MemberState.h"
#include "loyalty/Program.h"
#include "loyalty/Refusal.h"

namespace loyalty {

// "N pts expire on DATE": the points of every lot whose expiry date is `date`.
struct ExpiryNotice {
    Points points = 0;
    Date date;  // the expiry date: the first day these points are gone
    friend bool operator==(const ExpiryNotice&, const ExpiryNotice&) = default;
};

class PointLots {
public:
    // The lots after spending `points`, oldest lot first. Lots that reach zero
    // are dropped (so are lots that held zero or less). Refuses InvalidAmount
    // for points < 0 and InsufficientPoints when the lots hold fewer points;
    // spending 0 returns the lots unchanged. The input is never modified.
    static Expected<std::vector<PointLot>, Refusal> spend(const std::vector<PointLot>& lots, Points points);

    // The lots with `points` added as earned on `date`: merged into the lot of
    // the same day if there is one, else a new lot in date order. Refuses
    // InvalidAmount for points <= 0 and Overflow when a lot would not fit.
    static Expected<std::vector<PointLot>, Refusal> add(const std::vector<PointLot>& lots, const Date& date,
                                                        Points points);

    // The first shop-local day on which a lot earned on `earnedOn` is gone;
    // nullopt when points never expire (months <= 0).
    static std::optional<Date> expiryDate(const ExpiryPolicy& policy, const Date& earnedOn);

    // One Expire event per lot whose expiry date is today or earlier, oldest
    // first: pointsDelta = -remaining, reason "N pts earned on DATE expired".
    // Empty when nothing is due or points never expire.
    static Decision expireDue(const Program& program, const MemberState& member, const Instant& now);

    // The soonest expiry date still ahead (after today) and within
    // ExpiryPolicy::warnDays of today (today < date <= today + warnDays),
    // with the points of all lots expiring that day. Lots already due are
    // expireDue's business and are not reported here.
    static std::optional<ExpiryNotice> nextExpiry(const Program& program, const MemberState& member,
                                                  const Instant& now);
};

}  // namespace loyalty
