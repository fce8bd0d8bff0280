#include "loyalty/TierCalculator.h"

#include <algorithm>
#include <limits>

#include "loyalty/CheckedMath.h"

// The qualification window (docs/rules/earning-tiers-expiry.md):
//   today = localDate(now); start = addMonths(today, -qualificationMonths)
//   an entry counts when start < entry.on <= today
// so with 12 months, on 10 March 2025 the window is 11 March 2024 .. 10 March
// 2025 and points earned on 10 March 2024 stopped counting that morning.
// qualificationMonths <= 0 means no window: every entry up to today counts.
// Entries dated after today (a kiosk clock set back) do not count yet.
// Negative entries (voided earns) subtract; the sum never shows below 0.

namespace loyalty {

namespace {

constexpr Points kMaxPoints = std::numeric_limits<Points>::max();
constexpr Points kMinPoints = std::numeric_limits<Points>::min();

Points earnedInWindow(const std::vector<EarnedEntry>& earned, const Date& today, int months) {
    // A plain Date and a flag rather than std::optional: g++ 12 at -O2 warns
    // (falsely) that an optional<Date> may be read uninitialised.
    const bool bounded = months > 0;
    const Date start = bounded ? addMonths(today, -months) : Date{};
    // Gains and losses saturate separately, so the result does not depend on
    // the order of the entries; gains + losses cannot overflow.
    Points gains = 0;
    Points losses = 0;
    for (const EarnedEntry& entry : earned) {
        if (entry.on > today || (bounded && entry.on <= start)) {
            continue;
        }
        if (entry.points >= 0) {
            gains = checkedAdd(gains, entry.points).value_or(kMaxPoints);
        } else {
            losses = checkedAdd(losses, entry.points).value_or(kMinPoints);
        }
    }
    return std::max<Points>(0, gains + losses);
}

}  // namespace

TierStatus TierCalculator::status(const MemberState& member, const Instant& now) const {
    TierStatus result;
    result.earnedInWindow =
        earnedInWindow(member.earned, localDate(now), program_.tierPolicy.qualificationMonths);
    const Points earned = result.earnedInWindow;

    // Current: the highest threshold reached; next: the lowest threshold not
    // yet reached. The first tier wins a tie, whatever the programme's order.
    for (const Tier& tier : program_.tiers) {
        if (tier.threshold <= earned) {
            if (result.current == nullptr || tier.threshold > result.current->threshold) {
                result.current = &tier;
            }
        } else if (result.next == nullptr || tier.threshold < result.next->threshold) {
            result.next = &tier;
        }
    }

    if (result.next == nullptr) {
        result.pointsToNext = 0;
        result.progressPerMille = 1000;
        return result;
    }
    // 0 <= earned < next->threshold, so neither difference can overflow.
    result.pointsToNext = result.next->threshold - earned;
    const Points base = result.current ? std::max<Points>(0, result.current->threshold) : 0;
    const Points span = result.next->threshold - base;
    const auto perMille = mulDivFloor(earned - base, 1000, span).value_or(0);
    result.progressPerMille = static_cast<int>(std::clamp<Points>(perMille, 0, 999));
    return result;
}

}  // namespace loyalty
