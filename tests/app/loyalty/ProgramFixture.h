#pragma once
// Shared test fixtures for the loyalty rules: a small demo programme, member
// and card, and a helper that builds an Instant from a shop-local date/time.
// Tests copy these and change what they need; nothing here is shared state.

#include <cstdint>
#include <string>

#include "loyalty/MemberState.h"
#include "loyalty/Program.h"
#include "loyalty/Types.h"

namespace loyalty::test {

// Bit of one weekday in a WeekdayMask.
inline WeekdayMask weekdayBit(Weekday day) {
    return static_cast<WeekdayMask>(1u << static_cast<unsigned>(day));
}

// The Instant at a shop-local date and time, with the given UTC offset.
inline Instant at(int year, unsigned month, unsigned day, int hour = 12, int minute = 0,
                  std::int32_t utcOffsetSeconds = 0) {
    const std::int64_t local = daysSinceEpoch(Date{year, month, day}) * 86400 +
                               std::int64_t{hour} * 3600 + std::int64_t{minute} * 60;
    return Instant{local - utcOffsetSeconds, utcOffsetSeconds};
}

// Tiers bronze(0, x1) / silver(500, x1.25) / gold(2000, x1.5); 1 pt per 1.00;
// "Double points Tuesday" (x2, every Tuesday); "+50 on coffee" (bonus on the
// coffee lines); three rewards (physical, digital, gold-only with limits);
// two offers; a coffee stamp card; expiry after 12 months with a 30-day
// warning; offline limits; velocity 10 transactions per card per day.
inline Program demoProgram() {
    Program p;
    p.name = "Corner Rewards";
    p.currency = "EUR";
    p.tiers = {
        Tier{"bronze", "Bronze", 0, 100},
        Tier{"silver", "Silver", 500, 125},
        Tier{"gold", "Gold", 2000, 150},
    };
    p.tierPolicy.qualificationMonths = 12;
    p.earn = EarnRule{100, 1, 0, 0, 0};

    Promotion tuesday;
    tuesday.id = "double-tuesday";
    tuesday.name = "Double points Tuesday";
    tuesday.kind = Promotion::Kind::Multiplier;
    tuesday.multiplier = 200;
    tuesday.weekdays = weekdayBit(Weekday::Tuesday);
    p.promotions.push_back(tuesday);

    Promotion coffee;
    coffee.id = "coffee-bonus";
    coffee.name = "Coffee bonus";
    coffee.kind = Promotion::Kind::Bonus;
    coffee.bonusPoints = 50;
    coffee.category = "coffee";
    p.promotions.push_back(coffee);

    Reward freeCoffee;
    freeCoffee.id = "free-coffee";
    freeCoffee.name = "A free coffee";
    freeCoffee.cost = 150;
    freeCoffee.kind = Reward::Kind::Physical;
    p.rewards.push_back(freeCoffee);

    Reward voucher;
    voucher.id = "voucher-5";
    voucher.name = "5.00 voucher";
    voucher.cost = 500;
    voucher.kind = Reward::Kind::Digital;
    p.rewards.push_back(voucher);

    Reward lounge;
    lounge.id = "gold-tasting";
    lounge.name = "Gold members' tasting evening";
    lounge.cost = 1000;
    lounge.kind = Reward::Kind::Physical;
    lounge.minimumTier = "gold";
    lounge.perMemberLimit = 1;
    lounge.totalLimit = 20;
    lounge.validFrom = Date{2024, 1, 1};
    lounge.validUntil = Date{2030, 12, 31};
    p.rewards.push_back(lounge);

    Offer birthday;
    birthday.id = "birthday-treat";
    birthday.name = "Birthday treat";
    birthday.description = "100 bonus points on a purchase in your birthday month";
    birthday.birthdayMonth = true;
    birthday.bonusPoints = 100;
    birthday.perMemberLimit = 1;
    p.offers.push_back(birthday);

    Offer winBack;
    winBack.id = "welcome-back";
    winBack.name = "Welcome back";
    winBack.description = "Triple points on your next purchase";
    winBack.lapsedDays = 60;
    winBack.multiplier = 300;
    winBack.perMemberLimit = 1;
    winBack.validFrom = Date{2024, 1, 1};
    winBack.validUntil = Date{2030, 12, 31};
    p.offers.push_back(winBack);

    StampCard stampCard;
    stampCard.id = "coffee-card";
    stampCard.family = "coffee";
    stampCard.name = "Coffee card";
    stampCard.stampsRequired = 9;
    stampCard.rewardName = "A free coffee";
    p.stampCards.push_back(stampCard);

    p.expiry = ExpiryPolicy{12, 30};
    p.offline = OfflineLimits{1000, 3, 5000, 3 * 86400, false};
    p.velocity = VelocityLimits{10};
    return p;
}

// An active member with no points, enrolled on 2024-01-15.
inline MemberState demoMember() {
    MemberState m;
    m.memberId = "member-1";
    m.displayName = "Ana";
    m.status = MemberStatus::Active;
    m.birthdayMonth = 6u;
    m.enrolledOn = Date{2024, 1, 15};
    return m;
}

// An active signed card with no transactions today.
inline CardState demoCard() {
    CardState c;
    c.cardId = "card-1";
    c.status = CardStatus::Active;
    c.assurance = Assurance::Signed;
    return c;
}

}  // namespace loyalty::test
