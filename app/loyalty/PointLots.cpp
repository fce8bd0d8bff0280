#include "loyalty/PointLots.h"

#include <algorithm>
#include <limits>
#include <string>

#include "loyalty/CheckedMath.h"
#include "loyalty/Formatting.h"

namespace loyalty {

Expected<std::vector<PointLot>, Refusal> PointLots::spend(const std::vector<PointLot>& lots, Points points) {
    if (points < 0) {
        return unexpected(Refusal{RefusalCode::InvalidAmount, "Points to spend cannot be negative."});
    }
    std::vector<PointLot> result;
    result.reserve(lots.size());
    Points missing = points;
    for (const PointLot& lot : lots) {
        if (lot.remaining <= 0) {
            continue;
        }
        const Points taken = std::min(lot.remaining, missing);
        missing -= taken;
        if (lot.remaining > taken) {
            result.push_back(PointLot{lot.earnedOn, lot.remaining - taken});
        }
    }
    if (missing > 0) {
        const Points available = points - missing;  // what the lots held, < points
        return unexpected(Refusal{RefusalCode::InsufficientPoints,
                                  "Only " + pointsText(available) + " available; " + pointsText(points) +
                                      " needed."});
    }
    return result;
}

Expected<std::vector<PointLot>, Refusal> PointLots::add(const std::vector<PointLot>& lots, const Date& date,
                                                        Points points) {
    if (points <= 0) {
        return unexpected(Refusal{RefusalCode::InvalidAmount, "Points to add must be more than zero."});
    }
    std::vector<PointLot> result = lots;
    // Lots stay in date order: the first lot not older than `date`.
    const auto it = std::find_if(result.begin(), result.end(),
                                 [&](const PointLot& lot) { return !(lot.earnedOn < date); });
    if (it != result.end() && it->earnedOn == date) {
        const auto sum = checkedAdd(it->remaining, points);
        if (!sum) {
            return unexpected(overflowRefusal("The points of one day"));
        }
        it->remaining = *sum;
        return result;
    }
    result.insert(it, PointLot{date, points});
    return result;
}

std::optional<Date> PointLots::expiryDate(const ExpiryPolicy& policy, const Date& earnedOn) {
    if (policy.months <= 0) {
        return std::nullopt;
    }
    return addMonths(earnedOn, policy.months);
}

Decision PointLots::expireDue(const Program& program, const MemberState& member, const Instant& now) {
    Decision decision;
    const Date today = localDate(now);
    for (const PointLot& lot : member.lots) {
        const auto expiresOn = expiryDate(program.expiry, lot.earnedOn);
        if (!expiresOn || lot.remaining <= 0 || today < *expiresOn) {
            continue;
        }
        EventDraft event;
        event.type = EventType::Expire;
        event.memberId = member.memberId;
        event.pointsDelta = -lot.remaining;  // remaining > 0: cannot overflow
        event.reason = pointsText(lot.remaining) + " earned on " + dateText(lot.earnedOn) + " expired";
        decision.events.push_back(std::move(event));
    }
    return decision;
}

std::optional<ExpiryNotice> PointLots::nextExpiry(const Program& program, const MemberState& member,
                                                  const Instant& now) {
    const Date today = localDate(now);
    const std::int64_t todayNumber = daysSinceEpoch(today);
    std::optional<ExpiryNotice> notice;
    for (const PointLot& lot : member.lots) {
        const auto expiresOn = expiryDate(program.expiry, lot.earnedOn);
        if (!expiresOn || lot.remaining <= 0) {
            continue;
        }
        const std::int64_t daysAhead = daysSinceEpoch(*expiresOn) - todayNumber;
        if (daysAhead <= 0 || daysAhead > program.expiry.warnDays) {
            continue;
        }
        if (!notice || *expiresOn < notice->date) {
            notice = ExpiryNotice{lot.remaining, *expiresOn};
        } else if (*expiresOn == notice->date) {
            notice->points = checkedAdd(notice->points, lot.remaining).value_or(std::numeric_limits<Points>::max());
        }
    }
    return notice;
}

}  // namespace loyalty
