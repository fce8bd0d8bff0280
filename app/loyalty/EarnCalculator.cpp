#include "loyalty/EarnCalculator.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <set>
#include <string>

#include "loyalty/AccountStanding.h"
#include "loyalty/CheckedMath.h"
#include "loyalty/Formatting.h"
#include "loyalty/TierCalculator.h"
#include "loyalty/VelocityPolicy.h"

// Arithmetic (docs/rules/earning-tiers-expiry.md):
//   base       = floor(amount / amountPerStep) * pointsPerStep
//   tier       = floor(base * tierMultiplier / 100) - base
//   promotion  = floor(qualifyingBase * (multiplier - 100) / 100)   (Multiplier)
//              | bonusPoints                                       (Bonus)
//   offer      = bonusPoints + floor(base * (multiplier - 100) / 100)
//   total      = base + tier + promotions + offers, then the cap
// Multipliers never compound: each one is applied to a base, not to the
// result of another.

namespace loyalty {

namespace {

Refusal refuse(RefusalCode code, std::string message) {
    return Refusal{code, std::move(message)};
}

bool isDayOf(WeekdayMask mask, Weekday day) {
    return (mask & (1u << static_cast<unsigned>(day))) != 0;
}

bool validOn(const std::optional<Date>& from, const std::optional<Date>& until, const Date& day) {
    return (!from || !(day < *from)) && (!until || !(*until < day));
}

std::optional<Refusal> checkRequest(const PurchaseRequest& request, const EarnRule& rule) {
    if (request.amount <= 0) {
        return refuse(RefusalCode::InvalidAmount, "The purchase amount must be more than zero.");
    }
    if (rule.maxPurchaseAmount > 0 && request.amount > rule.maxPurchaseAmount) {
        return refuse(RefusalCode::InvalidAmount, "The purchase amount " + moneyText(request.amount) +
                                                      " is above the limit of " +
                                                      moneyText(rule.maxPurchaseAmount) + ".");
    }
    Money linesTotal = 0;
    for (const PurchaseLine& line : request.lines) {
        if (line.amount < 0) {
            return refuse(RefusalCode::InvalidAmount, "A purchase line cannot be negative.");
        }
        const auto sum = checkedAdd(linesTotal, line.amount);
        if (!sum) {
            return overflowRefusal("The total of the purchase lines");
        }
        linesTotal = *sum;
    }
    if (linesTotal > request.amount) {
        return refuse(RefusalCode::InvalidAmount, "The purchase lines add up to " + moneyText(linesTotal) +
                                                      ", more than the purchase amount " +
                                                      moneyText(request.amount) + ".");
    }
    if (rule.amountPerStep <= 0 || rule.pointsPerStep < 0) {
        return refuse(RefusalCode::InvalidAmount, "The programme's earn rule is not set up.");
    }
    return std::nullopt;
}

std::optional<Points> basePointsOf(Money amount, const EarnRule& rule) {
    return checkedMul(amount / rule.amountPerStep, rule.pointsPerStep);
}

// The part of the purchase a promotion looks at: all of it, or its lines of
// the promotion's category.
Money qualifyingAmount(const PurchaseRequest& request, const std::string& category) {
    if (category.empty()) {
        return request.amount;
    }
    Money sum = 0;  // the lines were checked: their sum fits and is <= amount
    for (const PurchaseLine& line : request.lines) {
        if (line.category == category) {
            sum += line.amount;
        }
    }
    return sum;
}

// The points a promotion adds to this purchase (0: it does not apply).
std::optional<Points> promotionPoints(const Promotion& promotion, const PurchaseRequest& request,
                                      const EarnRule& rule) {
    const Money qualifying = qualifyingAmount(request, promotion.category);
    if (qualifying <= 0 || qualifying < promotion.minimumPurchase) {
        return Points{0};
    }
    if (promotion.kind == Promotion::Kind::Bonus) {
        return std::max<Points>(0, promotion.bonusPoints);
    }
    const auto qualifyingBase = basePointsOf(qualifying, rule);
    const auto extra = qualifyingBase ? applyPercent(*qualifyingBase, std::int64_t{promotion.multiplier} - 100)
                                      : std::nullopt;
    if (!extra) {
        return std::nullopt;
    }
    return std::max<Points>(0, *extra);
}

std::optional<Points> offerPoints(const Offer& offer, Points base) {
    const auto extra = applyPercent(base, std::int64_t{offer.multiplier} - 100);
    if (!extra) {
        return std::nullopt;
    }
    return checkedAdd(std::max<Points>(0, offer.bonusPoints), std::max<Points>(0, *extra));
}

// Gives out at most `budget` points, in order; what is left of the budget
// stays in `budget`.
Points take(Points wanted, Points& budget) {
    const Points given = std::min(wanted, budget);
    budget -= given;
    return given;
}

// The cap (0 = none) comes last and trims from the end: offers first (the
// last one first), then promotions, then the tier bonus, then base points.
void applyCap(EarnBreakdown& b, Points cap) {
    b.total = cap > 0 ? std::min(b.totalBeforeCap, cap) : b.totalBeforeCap;
    b.capped = b.total < b.totalBeforeCap;
    Points budget = b.total - std::min(b.total, b.basePoints + b.tierBonus);
    for (AppliedBonus& promotion : b.promotions) {
        promotion.awarded = take(promotion.points, budget);
    }
    for (AppliedBonus& offer : b.offers) {
        offer.awarded = take(offer.points, budget);
    }
}

// "Purchase 12.34: 12 pts, Gold x1.5 +6, Double points Tuesday +12"
std::string purchaseReason(const EarnBreakdown& b) {
    std::string text = "Purchase " + moneyText(b.amount) + ": " + pointsText(b.basePoints);
    if (b.tierBonus != 0) {
        text += ", " + b.tierName + " " + multiplierText(b.tierMultiplier) + " +" + std::to_string(b.tierBonus);
    }
    for (const AppliedBonus& promotion : b.promotions) {
        text += ", " + promotion.name + " +" + std::to_string(promotion.points);
    }
    return text;
}

// "Welcome back x3 on purchase 12.34: +24 pts"
std::string offerReason(const AppliedBonus& applied, const Offer* offer, Money amount) {
    std::string text = applied.name;
    if (offer && offer->multiplier != 100) {
        text += " " + multiplierText(offer->multiplier);
    }
    return text + " on purchase " + moneyText(amount) + ": +" + pointsText(applied.awarded);
}

}  // namespace

Expected<EarnBreakdown, Refusal> EarnCalculator::preview(const MemberState& member, const CardState& card,
                                                         const PurchaseRequest& request, const Instant& now) const {
    const EarnRule& rule = program_.earn;
    if (auto refusal = AccountStanding::check(member, card)) {
        return unexpected(*refusal);
    }
    if (auto refusal = checkRequest(request, rule)) {
        return unexpected(*refusal);
    }
    if (auto held = VelocityPolicy(program_.velocity).check(card, request.managerOverride)) {
        return unexpected(*held);
    }

    EarnBreakdown b;
    b.amount = request.amount;
    if (request.amount < rule.minimumPurchase) {
        b.note = "Purchases under " + moneyText(rule.minimumPurchase) + " earn no points.";
        return b;
    }
    const auto base = basePointsOf(request.amount, rule);
    if (!base) {
        return unexpected(overflowRefusal("The points for this purchase"));
    }
    b.basePoints = *base;

    if (const Tier* tier = TierCalculator(program_).status(member, now).current) {
        b.tierId = tier->id;
        b.tierName = tier->name;
        b.tierMultiplier = tier->earnMultiplier;
        const auto multiplied = applyPercent(b.basePoints, std::max<Percent>(0, tier->earnMultiplier));
        if (!multiplied) {
            return unexpected(overflowRefusal("The points for this purchase"));
        }
        b.tierBonus = *multiplied - b.basePoints;  // both >= 0: no overflow
    }
    std::optional<Points> total = checkedAdd(b.basePoints, b.tierBonus);

    const Date today = localDate(now);
    const Weekday weekday = localWeekday(now);
    for (const Promotion& promotion : program_.promotions) {
        if (!isDayOf(promotion.weekdays, weekday) || !validOn(promotion.validFrom, promotion.validUntil, today)) {
            continue;
        }
        const auto points = promotionPoints(promotion, request, rule);
        total = (total && points) ? checkedAdd(*total, *points) : std::nullopt;
        if (points && *points > 0) {
            b.promotions.push_back(AppliedBonus{promotion.id, promotion.name, *points, *points});
        }
    }

    std::set<std::string> seen;
    for (const std::string& offerId : member.activeOffers) {
        const Offer* offer = program_.findOffer(offerId);
        if (!offer || !seen.insert(offerId).second || !validOn(offer->validFrom, offer->validUntil, today)) {
            continue;  // unknown (withdrawn) or outside its dates: stays activated, unused
        }
        const auto points = offerPoints(*offer, b.basePoints);
        total = (total && points) ? checkedAdd(*total, *points) : std::nullopt;
        if (points && *points > 0) {
            b.offers.push_back(AppliedBonus{offer->id, offer->name, *points, *points});
        }
    }
    if (!total) {
        return unexpected(overflowRefusal("The points for this purchase"));
    }
    b.totalBeforeCap = *total;

    applyCap(b, rule.maxPointsPerTransaction);
    if (b.total == 0) {
        b.note = "No points: " + pointsText(rule.pointsPerStep) + " per full " +
                 moneyText(rule.amountPerStep) + " spent.";
    }
    return b;
}

Expected<Decision, Refusal> EarnCalculator::decide(const MemberState& member, const CardState& card,
                                                   const PurchaseRequest& request, const Instant& now) const {
    const auto preview = this->preview(member, card, request, now);
    if (!preview) {
        return unexpected(preview.error());
    }
    const EarnBreakdown& b = *preview;
    Decision decision;
    if (b.total == 0) {
        return decision;
    }
    // Offer points are parts of the totals: these sums cannot overflow.
    Points offersBeforeCap = 0;
    Points offersAwarded = 0;
    for (const AppliedBonus& offer : b.offers) {
        offersBeforeCap += offer.points;
        offersAwarded += offer.awarded;
    }
    const std::string capNote = " (limit of " + pointsText(program_.earn.maxPointsPerTransaction) + " per purchase)";

    EventDraft purchase;
    purchase.type = EventType::Earn;
    purchase.memberId = member.memberId;
    purchase.cardId = card.cardId;
    purchase.pointsDelta = b.total - offersAwarded;
    purchase.purchaseAmount = b.amount;
    purchase.staffId = request.staffId;
    purchase.reason = purchaseReason(b);
    if (purchase.pointsDelta < b.totalBeforeCap - offersBeforeCap) {
        purchase.reason += capNote + ": " + pointsText(purchase.pointsDelta);
    }
    decision.events.push_back(purchase);

    for (const AppliedBonus& offer : b.offers) {
        if (offer.awarded == 0) {
            continue;  // capped away: not used, stays activated
        }
        EventDraft event = purchase;
        event.pointsDelta = offer.awarded;
        event.purchaseAmount = 0;
        event.offerId = offer.id;
        event.reason = offerReason(offer, program_.findOffer(offer.id), b.amount);
        if (offer.awarded < offer.points) {
            event.reason += capNote;
        }
        decision.events.push_back(std::move(event));
    }
    return decision;
}

}  // namespace loyalty
