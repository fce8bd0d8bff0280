#pragma once
// The loyalty programme: tiers, earn rules, promotions, rewards, offers,
// stamp cards, expiry and limits. Plain data; loaded from TOML by app/config
// (ProgramLoader), validated there, consumed by the rules here.

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "loyalty/Types.h"

namespace loyalty {

// Percentages are integers: 100 = x1, 150 = x1.5, 200 = x2.
using Percent = std::int32_t;

// A text in other languages, by language code ("es" -> "Café gratis"). The
// plain field beside it (name, description) is the text in the programme
// file's own language and the fallback for every language not listed here.
// Read with localText() / localName().
using LocalTexts = std::map<std::string, std::string, std::less<>>;

struct Tier {
    std::string id;    // "silver"
    std::string name;  // "Silver"
    // Points *earned* over the rolling qualification window needed to hold
    // this tier. The lowest tier has threshold 0. Thresholds strictly rise.
    Points threshold = 0;
    Percent earnMultiplier = 100;  // applied to base points of a purchase
    LocalTexts names{};  // name in other languages
};

struct EarnRule {
    Money amountPerStep = 100;    // 1.00 in minor units
    Points pointsPerStep = 1;     // points per full step spent (rounded down)
    Money minimumPurchase = 0;    // below this, no points
    Points maxPointsPerTransaction = 0;  // 0 = no cap (applies after multipliers and promotions)
    Money maxPurchaseAmount = 0;  // 0 = no limit; larger amounts are refused as input errors
};

// Days of the week as a bit set: bit 0 Sunday .. bit 6 Saturday.
using WeekdayMask = std::uint8_t;
constexpr WeekdayMask kEveryDay = 0x7F;

// A time-boxed promotion: a multiplier on base points ("2x Tuesdays") or a
// fixed bonus ("+50 on coffee"), optionally limited to a category.
struct Promotion {
    enum class Kind { Multiplier, Bonus };
    std::string id;
    std::string name;      // shown to customers: "Double points Tuesday"
    Kind kind = Kind::Multiplier;
    Percent multiplier = 100;   // Kind::Multiplier
    Points bonusPoints = 0;     // Kind::Bonus
    std::string category;       // empty = whole purchase; else lines of that category
    WeekdayMask weekdays = kEveryDay;
    std::optional<Date> validFrom;   // inclusive, shop-local
    std::optional<Date> validUntil;  // inclusive, shop-local
    Money minimumPurchase = 0;       // of the qualifying amount
    LocalTexts names{};              // name in other languages
};

struct Reward {
    enum class Kind { Physical, Digital };  // physical: staff hands it over; digital: one-time code
    std::string id;
    std::string name;
    Points cost = 0;
    Kind kind = Kind::Physical;
    std::string minimumTier;       // empty = any tier
    std::int32_t perMemberLimit = 0;  // 0 = unlimited (over the member's lifetime)
    std::int32_t totalLimit = 0;      // 0 = unlimited (programme-wide)
    std::optional<Date> validFrom;
    std::optional<Date> validUntil;
    LocalTexts names{};  // name in other languages
};

// A personalised offer. The audience fields combine with AND; an empty field
// does not restrict.
struct Offer {
    std::string id;
    std::string name;
    std::string description;
    std::vector<std::string> tiers;     // member's tier is one of these
    std::vector<std::string> segments;  // member is in at least one of these
    bool birthdayMonth = false;         // only in the member's birthday month
    std::int32_t lapsedDays = 0;        // only if no activity for at least N days (win-back)
    std::int32_t newMemberDays = 0;     // only within N days of enrolment
    // What activating it does at the next purchase.
    Points bonusPoints = 0;
    Percent multiplier = 100;
    std::int32_t perMemberLimit = 1;    // times a member may activate it
    std::optional<Date> validFrom;
    std::optional<Date> validUntil;
    LocalTexts names{};         // name in other languages
    LocalTexts descriptions{};  // description in other languages
};

// Buy N get one free, per product family.
struct StampCard {
    std::string id;
    std::string family;     // "coffee"
    std::string name;       // "Coffee card"
    std::int32_t stampsRequired = 0;  // N
    std::string rewardName;           // "A free coffee"
    LocalTexts names{};        // name in other languages
    LocalTexts rewardNames{};  // rewardName in other languages
};

struct ExpiryPolicy {
    std::int32_t months = 0;     // 0 = points never expire; else a lot expires N months after it was earned
    std::int32_t warnDays = 30;  // "N pts expire on DATE" shown within this many days
};

// Modelled on card-terminal floor limits: earning always works offline;
// redemption offline is bounded.
struct OfflineLimits {
    Points maxRedeemPerTransaction = 0;        // points
    std::int32_t maxConsecutiveRedemptionsPerCard = 0;
    Points maxUnsyncedRedeemedPoints = 0;      // whole kiosk
    std::int64_t maxOfflineSeconds = 0;        // since last successful sync
    bool lowAssuranceMayRedeem = false;        // UID-only cards (online or offline)
};

struct VelocityLimits {
    std::int32_t maxTransactionsPerCardPerDay = 0;  // 0 = no limit; beyond it: held for a manager
};

struct TierPolicy {
    std::int32_t qualificationMonths = 12;  // rolling window of earned points
};

struct Program {
    std::string name;          // "Corner Rewards"
    std::string currency;      // ISO 4217 "EUR"
    std::vector<Tier> tiers;   // sorted by threshold, first has threshold 0
    TierPolicy tierPolicy;
    EarnRule earn;
    std::vector<Promotion> promotions;
    std::vector<Reward> rewards;
    std::vector<Offer> offers;
    std::vector<StampCard> stampCards;
    ExpiryPolicy expiry;
    OfflineLimits offline;
    VelocityLimits velocity;
    LocalTexts names{};        // name in other languages

    const Tier* findTier(const std::string& id) const;
    const Reward* findReward(const std::string& id) const;
    const Offer* findOffer(const std::string& id) const;
    const StampCard* findStampCard(const std::string& id) const;
};

// texts[language] when the programme gives one, else `fallback`.
const std::string& localText(const LocalTexts& texts, const std::string& fallback, std::string_view language);

// The name of a Program, Tier, Promotion, Reward, Offer or StampCard in
// `language` (a catalogue's code: "es"), falling back to its name.
template <class Item>
const std::string& localName(const Item& item, std::string_view language) {
    return localText(item.names, item.name, language);
}

// An offer's description in `language`, falling back to its description.
const std::string& localDescription(const Offer& offer, std::string_view language);

}  // namespace loyalty
