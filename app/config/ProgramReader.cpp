#include "config/ProgramReader.h"

#include <algorithm>
#include <array>

#include "config/ConfigText.h"

namespace config {

namespace {

constexpr std::string_view kPercentHint = "multipliers are whole percentages: 100 = x1, 125 = x1.25, 200 = x2";
constexpr std::int64_t kMinPercent = 100;
constexpr std::int64_t kMaxPercent = 1000;
constexpr std::int64_t kMaxOfflineHours = 24 * 366;
constexpr std::int64_t kSecondsPerHour = 3600;

std::int32_t toInt32(std::int64_t value) {
    return static_cast<std::int32_t>(value);  // callers range-check against kInt32Max first
}

// "multiplier_percent": a whole percentage, 100 (x1) to 1000 (x10).
std::optional<std::int64_t> readMultiplierPercent(TomlTableReader& reader) {
    return reader.integer("multiplier_percent", Presence::Optional, kMinPercent, kMaxPercent, kPercentHint,
                          kPercentHint);
}

bool isCurrencyCode(std::string_view code) {
    return code.size() == 3 && std::all_of(code.begin(), code.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

}  // namespace

int ProgramReader::currencyDecimals(std::string_view currency) {
    // ISO 4217 currencies whose minor unit is not hundredths.
    static constexpr std::array<std::string_view, 17> kNone = {"BIF", "CLP", "DJF", "GNF", "ISK", "JPY",
                                                               "KMF", "KRW", "PYG", "RWF", "UGX", "UYI",
                                                               "VND", "VUV", "XAF", "XOF", "XPF"};
    static constexpr std::array<std::string_view, 7> kThree = {"BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"};
    if (std::find(kNone.begin(), kNone.end(), currency) != kNone.end()) {
        return 0;
    }
    if (std::find(kThree.begin(), kThree.end(), currency) != kThree.end()) {
        return 3;
    }
    return 2;
}

loyalty::Program ProgramReader::read(const toml::table& root) {
    TomlTableReader reader(problems_, root, "");
    if (root.empty()) {
        reader.reportTable("the programme is empty; it needs at least [program], [earn], [[tiers]] and [offline]");
        return std::move(program_);
    }
    // Tiers first: rewards and offers refer to them, wherever they stand in the file.
    readProgram(reader);
    readTiers(reader);
    readTierPolicy(reader);
    readEarn(reader);
    readPromotions(reader);
    readRewards(reader);
    readOffers(reader);
    readStampCards(reader);
    readExpiry(reader);
    readOffline(reader);
    readVelocity(reader);
    reader.rejectUnknownKeys();
    return std::move(program_);
}

void ProgramReader::readProgram(TomlTableReader& root) {
    const toml::table* table = root.subTable("program", Presence::Required);
    if (table == nullptr) {
        return;
    }
    TomlTableReader reader(problems_, *table, "program");
    program_.name = reader.text("name", Presence::Required).value_or("");
    program_.names = reader.localTexts("names", "Premios Corner").value_or(loyalty::LocalTexts{});
    if (auto currency = reader.text("currency", Presence::Required)) {
        if (isCurrencyCode(*currency)) {
            program_.currency = *currency;
            decimals_ = currencyDecimals(*currency);
        } else {
            reader.report(
                "currency",
                "\"" + *currency + "\" is not an ISO 4217 currency code; use three capital letters such as \"EUR\"");
        }
    }
    reader.rejectUnknownKeys();
}

void ProgramReader::readEarn(TomlTableReader& root) {
    const toml::table* table = root.subTable("earn", Presence::Required);
    if (table == nullptr) {
        return;
    }
    TomlTableReader reader(problems_, *table, "earn");
    loyalty::EarnRule& earn = program_.earn;
    earn.amountPerStep = reader.money("amount_per_step", Presence::Required, decimals_, 1).value_or(earn.amountPerStep);
    earn.pointsPerStep =
        reader.integer("points_per_step", Presence::Required, 1, kInt64Max).value_or(earn.pointsPerStep);
    const auto minimum = reader.money("minimum_purchase", Presence::Optional, decimals_, 0);
    earn.minimumPurchase = minimum.value_or(0);
    earn.maxPointsPerTransaction =
        reader.integer("max_points_per_transaction", Presence::Optional, 0, kInt64Max, "0 means no cap").value_or(0);
    const auto maximum = reader.money("max_purchase_amount", Presence::Optional, decimals_, 0);
    earn.maxPurchaseAmount = maximum.value_or(0);
    if (minimum && maximum && *maximum > 0 && *minimum > *maximum) {
        reader.report("minimum_purchase", formatMoney(*minimum, decimals_) + " is above max_purchase_amount (" +
                                              formatMoney(*maximum, decimals_) + ")");
    }
    reader.rejectUnknownKeys();
}

void ProgramReader::readTierPolicy(TomlTableReader& root) {
    const toml::table* table = root.subTable("tier_policy", Presence::Optional);
    if (table == nullptr) {
        return;
    }
    TomlTableReader reader(problems_, *table, "tier_policy");
    program_.tierPolicy.qualificationMonths = toInt32(reader.integer("qualification_months", Presence::Optional, 1, 120)
                                                          .value_or(program_.tierPolicy.qualificationMonths));
    reader.rejectUnknownKeys();
}

void ProgramReader::readTiers(TomlTableReader& root) {
    std::vector<std::pair<std::string, std::string>> seen;
    std::optional<std::pair<std::size_t, loyalty::Points>> previous;  // index and threshold of the last good tier
    const toml::array* list =
        root.forEachTable("tiers", Presence::Required, [&](TomlTableReader& reader, std::size_t index) {
            loyalty::Tier tier;
            tier.id = readUniqueId(reader, seen);
            if (!tier.id.empty()) {
                tierIds_.push_back(tier.id);
            }
            tier.name = reader.text("name", Presence::Required).value_or("");
            tier.names = reader.localTexts("names", "Oro").value_or(loyalty::LocalTexts{});
            const auto threshold = reader.integer("threshold", Presence::Required, 0, kInt64Max);
            tier.earnMultiplier = toInt32(readMultiplierPercent(reader).value_or(tier.earnMultiplier));
            if (threshold) {
                tier.threshold = *threshold;
                if (index == 0 && *threshold != 0) {
                    reader.report("threshold", "the first tier must start at 0 (got " + std::to_string(*threshold) +
                                                   "); every member begins there");
                } else if (previous && *threshold <= previous->second) {
                    reader.report("threshold", "must be greater than tiers[" + std::to_string(previous->first) + "] (" +
                                                   std::to_string(previous->second) + ")");
                } else {
                    previous = std::make_pair(index, *threshold);
                }
            }
            program_.tiers.push_back(std::move(tier));
        });
    if (list != nullptr && list->empty()) {
        root.report("tiers", "at least one tier is required");
    }
}

void ProgramReader::readPromotions(TomlTableReader& root) {
    std::vector<std::pair<std::string, std::string>> seen;
    root.forEachTable("promotions", Presence::Optional, [&](TomlTableReader& reader, std::size_t) {
        loyalty::Promotion promotion;
        promotion.id = readUniqueId(reader, seen);
        promotion.name = reader.text("name", Presence::Required).value_or("");
        promotion.names = reader.localTexts("names", "Martes de puntos dobles").value_or(loyalty::LocalTexts{});
        const auto kind = reader.choice("kind", Presence::Required, {"multiplier", "bonus"}, "promotion kind");
        const auto multiplier = readMultiplierPercent(reader);
        const auto bonus = reader.integer("bonus_points", Presence::Optional, 1, kInt64Max);
        if (kind == 0u) {
            promotion.kind = loyalty::Promotion::Kind::Multiplier;
            if (!reader.has("multiplier_percent")) {
                reader.report("multiplier_percent", "required when kind = \"multiplier\" (200 = double points)",
                              ProblemKind::Missing);
            }
            if (reader.has("bonus_points")) {
                reader.report("bonus_points", "only applies when kind = \"bonus\"");
            }
            promotion.multiplier = toInt32(multiplier.value_or(promotion.multiplier));
        } else if (kind == 1u) {
            promotion.kind = loyalty::Promotion::Kind::Bonus;
            if (!reader.has("bonus_points")) {
                reader.report("bonus_points", "required when kind = \"bonus\" (points added to the purchase)",
                              ProblemKind::Missing);
            }
            if (reader.has("multiplier_percent")) {
                reader.report("multiplier_percent", "only applies when kind = \"multiplier\"");
            }
            promotion.bonusPoints = bonus.value_or(0);
        }
        promotion.category = reader.text("category", Presence::Optional).value_or("");
        promotion.weekdays = reader.weekdays("weekdays", Presence::Optional).value_or(loyalty::kEveryDay);
        readValidity(reader, promotion.validFrom, promotion.validUntil);
        promotion.minimumPurchase = reader.money("minimum_purchase", Presence::Optional, decimals_, 0).value_or(0);
        program_.promotions.push_back(std::move(promotion));
    });
}

void ProgramReader::readRewards(TomlTableReader& root) {
    std::vector<std::pair<std::string, std::string>> seen;
    root.forEachTable("rewards", Presence::Optional, [&](TomlTableReader& reader, std::size_t) {
        loyalty::Reward reward;
        reward.id = readUniqueId(reader, seen);
        reward.name = reader.text("name", Presence::Required).value_or("");
        reward.names = reader.localTexts("names", "Café gratis").value_or(loyalty::LocalTexts{});
        reward.cost = reader.integer("cost", Presence::Required, 1, kInt64Max).value_or(0);
        const auto kind = reader.choice("kind", Presence::Required, {"physical", "digital"}, "reward kind");
        reward.kind = kind == 1u ? loyalty::Reward::Kind::Digital : loyalty::Reward::Kind::Physical;
        if (auto tier = reader.identifier("minimum_tier", Presence::Optional)) {
            checkTierReference(reader.pathOf("minimum_tier"), *tier, reader.where("minimum_tier"));
            reward.minimumTier = *tier;
        }
        reward.perMemberLimit = toInt32(
            reader.integer("per_member_limit", Presence::Optional, 0, kInt32Max, "0 means unlimited").value_or(0));
        reward.totalLimit =
            toInt32(reader.integer("total_limit", Presence::Optional, 0, kInt32Max, "0 means unlimited").value_or(0));
        readValidity(reader, reward.validFrom, reward.validUntil);
        program_.rewards.push_back(std::move(reward));
    });
}

void ProgramReader::readOffers(TomlTableReader& root) {
    std::vector<std::pair<std::string, std::string>> seen;
    root.forEachTable("offers", Presence::Optional, [&](TomlTableReader& reader, std::size_t) {
        loyalty::Offer offer;
        offer.id = readUniqueId(reader, seen);
        offer.name = reader.text("name", Presence::Required).value_or("");
        offer.names = reader.localTexts("names", "¡Feliz cumpleaños!").value_or(loyalty::LocalTexts{});
        offer.description = reader.text("description", Presence::Optional).value_or("");
        offer.descriptions =
            reader.localTexts("descriptions", "100 puntos extra en su próxima compra.").value_or(loyalty::LocalTexts{});
        if (reader.has("descriptions") && !reader.has("description")) {
            reader.report("descriptions",
                          "needs the description in the programme's own language too (description = \"...\"); "
                          "other languages fall back to it",
                          ProblemKind::Missing);
        }
        if (auto tiers = reader.textList("tiers", Presence::Optional, true)) {
            for (std::size_t i = 0; i < tiers->size(); ++i) {
                const TextItem& item = (*tiers)[i];
                checkTierReference(reader.pathOf("tiers") + "[" + std::to_string(i) + "]", item.value, item.where);
                offer.tiers.push_back(item.value);
            }
        }
        if (auto segments = reader.textList("segments", Presence::Optional, false)) {
            for (const TextItem& item : *segments) {
                offer.segments.push_back(item.value);
            }
        }
        offer.birthdayMonth = reader.boolean("birthday_month", Presence::Optional).value_or(false);
        offer.lapsedDays = toInt32(reader.integer("lapsed_days", Presence::Optional, 0, kInt32Max).value_or(0));
        offer.newMemberDays = toInt32(reader.integer("new_member_days", Presence::Optional, 0, kInt32Max).value_or(0));
        const auto bonus = reader.integer("bonus_points", Presence::Optional, 0, kInt64Max);
        const auto multiplier = readMultiplierPercent(reader);
        offer.bonusPoints = bonus.value_or(0);
        offer.multiplier = toInt32(multiplier.value_or(100));
        const bool bonusOk = bonus || !reader.has("bonus_points");
        const bool multiplierOk = multiplier || !reader.has("multiplier_percent");
        if (bonusOk && multiplierOk && offer.bonusPoints == 0 && offer.multiplier == 100) {
            reader.reportTable("the offer gives nothing; set bonus_points above 0 or multiplier_percent above 100");
        }
        offer.perMemberLimit = toInt32(
            reader
                .integer("per_member_limit", Presence::Optional, 1, kInt32Max, "times a member may activate the offer")
                .value_or(1));
        readValidity(reader, offer.validFrom, offer.validUntil);
        program_.offers.push_back(std::move(offer));
    });
}

void ProgramReader::readStampCards(TomlTableReader& root) {
    std::vector<std::pair<std::string, std::string>> seen;
    root.forEachTable("stamp_cards", Presence::Optional, [&](TomlTableReader& reader, std::size_t) {
        loyalty::StampCard card;
        card.id = readUniqueId(reader, seen);
        card.family = reader.text("family", Presence::Required).value_or("");
        card.name = reader.text("name", Presence::Required).value_or("");
        card.names = reader.localTexts("names", "Tarjeta del café").value_or(loyalty::LocalTexts{});
        card.stampsRequired = toInt32(
            reader.integer("stamps_required", Presence::Required, 1, 1000, "purchases needed before the free one")
                .value_or(0));
        card.rewardName = reader.text("reward_name", Presence::Required).value_or("");
        card.rewardNames = reader.localTexts("reward_names", "Un café gratis").value_or(loyalty::LocalTexts{});
        program_.stampCards.push_back(std::move(card));
    });
}

void ProgramReader::readExpiry(TomlTableReader& root) {
    const toml::table* table = root.subTable("expiry", Presence::Optional);
    if (table == nullptr) {
        return;
    }
    TomlTableReader reader(problems_, *table, "expiry");
    program_.expiry.months =
        toInt32(reader.integer("months", Presence::Optional, 0, 1200, "0 means points never expire").value_or(0));
    program_.expiry.warnDays =
        toInt32(reader.integer("warn_days", Presence::Optional, 0, 366).value_or(program_.expiry.warnDays));
    reader.rejectUnknownKeys();
}

void ProgramReader::readOffline(TomlTableReader& root) {
    const toml::table* table = root.subTable("offline", Presence::Required);
    if (table == nullptr) {
        return;
    }
    TomlTableReader reader(problems_, *table, "offline");
    loyalty::OfflineLimits& offline = program_.offline;
    offline.maxRedeemPerTransaction =
        reader.integer("max_redeem_per_transaction", Presence::Required, 0, kInt64Max).value_or(0);
    offline.maxConsecutiveRedemptionsPerCard =
        toInt32(reader.integer("max_consecutive_redemptions_per_card", Presence::Required, 0, kInt32Max).value_or(0));
    offline.maxUnsyncedRedeemedPoints =
        reader.integer("max_unsynced_redeemed_points", Presence::Required, 0, kInt64Max).value_or(0);
    offline.maxOfflineSeconds =
        reader.integer("max_offline_hours", Presence::Required, 0, kMaxOfflineHours).value_or(0) * kSecondsPerHour;
    offline.lowAssuranceMayRedeem = reader.boolean("low_assurance_may_redeem", Presence::Optional).value_or(false);
    reader.rejectUnknownKeys();
}

void ProgramReader::readVelocity(TomlTableReader& root) {
    const toml::table* table = root.subTable("velocity", Presence::Optional);
    if (table == nullptr) {
        return;
    }
    TomlTableReader reader(problems_, *table, "velocity");
    program_.velocity.maxTransactionsPerCardPerDay = toInt32(
        reader.integer("max_transactions_per_card_per_day", Presence::Optional, 0, kInt32Max, "0 means no limit")
            .value_or(0));
    reader.rejectUnknownKeys();
}

void ProgramReader::readValidity(TomlTableReader& table, std::optional<loyalty::Date>& from,
                                 std::optional<loyalty::Date>& until) {
    from = table.date("valid_from", Presence::Optional);
    until = table.date("valid_until", Presence::Optional);
    if (from && until && *until < *from) {
        table.report("valid_until", formatDate(*until) + " is before valid_from (" + formatDate(*from) + ")");
    }
}

std::string ProgramReader::readUniqueId(TomlTableReader& table,
                                        std::vector<std::pair<std::string, std::string>>& seen) {
    auto id = table.identifier("id", Presence::Required);
    if (!id) {
        return {};
    }
    const auto it = std::find_if(seen.begin(), seen.end(), [&](const auto& entry) { return entry.first == *id; });
    if (it != seen.end()) {
        table.report("id", "\"" + *id + "\" is already used by " + it->second);
        return {};
    }
    seen.emplace_back(*id, table.path());
    return *id;
}

void ProgramReader::checkTierReference(const std::string& path, const std::string& tierId,
                                       const toml::source_region& where) {
    if (std::find(tierIds_.begin(), tierIds_.end(), tierId) != tierIds_.end()) {
        return;
    }
    std::string message = path + ": \"" + tierId + "\" is not a defined tier" + didYouMean(tierId, tierIds_);
    if (!tierIds_.empty()) {
        message += "; the tiers are " + joinNames(tierIds_);
    }
    problems_.add(where, std::move(message), ProblemKind::Reference);
}

}  // namespace config
