#include "loyalty/RewardRules.h"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <map>
#include <string>
#include <utility>

#include "loyalty/AccountStanding.h"
#include "loyalty/CheckedMath.h"
#include "loyalty/Formatting.h"
#include "loyalty/OfflinePolicy.h"
#include "loyalty/TierCalculator.h"
#include "loyalty/VelocityPolicy.h"

namespace loyalty {

namespace {

constexpr Points kMaxPoints = std::numeric_limits<Points>::max();
constexpr Points kMinPoints = std::numeric_limits<Points>::min();

// confirmed + pending, or nullopt if it does not fit in 64 bits.
std::optional<Points> checkedBalance(const MemberState& member) {
    return checkedAdd(member.confirmedBalance, member.pendingDelta);
}

// For display only (the catalogue): a balance that does not fit saturates.
Points saturatedBalance(const MemberState& member) {
    if (auto balance = checkedBalance(member)) {
        return *balance;
    }
    return member.confirmedBalance > 0 ? kMaxPoints : kMinPoints;
}

// cost - balance when positive, else 0; saturates instead of wrapping.
Points shortfall(Points cost, Points balance) {
    const auto diff = checkedSub(cost, balance);
    if (!diff) {
        return balance < 0 ? kMaxPoints : 0;
    }
    return *diff > 0 ? *diff : 0;
}

std::int32_t countOf(const std::map<std::string, std::int32_t>& counts, const std::string& id) {
    const auto it = counts.find(id);
    return it == counts.end() ? 0 : it->second;
}

bool notYetValid(const Reward& reward, const Date& today) {
    return reward.validFrom && today < *reward.validFrom;
}

bool expired(const Reward& reward, const Date& today) {
    return reward.validUntil && today > *reward.validUntil;
}

bool memberLimitReached(const Reward& reward, const MemberState& member) {
    return reward.perMemberLimit > 0 &&
           countOf(member.rewardRedemptions, reward.id) >= reward.perMemberLimit;
}

bool soldOut(const Reward& reward, const KioskState& kiosk) {
    return reward.totalLimit > 0 && countOf(kiosk.rewardTotals, reward.id) >= reward.totalLimit;
}

Refusal refuse(RefusalCode code, std::string message) {
    return Refusal{code, std::move(message)};
}

}  // namespace

const Tier* RewardRules::currentTier(const MemberState& member, const Instant& now) const {
    return TierCalculator(program_).status(member, now).current;
}

bool RewardRules::tierAllows(const Reward& reward, const Tier* current) const {
    if (reward.minimumTier.empty()) {
        return true;
    }
    const Tier* required = program_.findTier(reward.minimumTier);
    if (required == nullptr) {
        return false;  // a gate naming an unknown tier stays closed
    }
    return current != nullptr && current->threshold >= required->threshold;
}

RewardOption RewardRules::assess(const Reward& reward, const MemberState& member,
                                 const KioskState& kiosk, const Tier* current,
                                 const Instant& now) const {
    RewardOption option;
    option.reward = &reward;
    option.pointsShort = shortfall(reward.cost, saturatedBalance(member));
    const Date today = localDate(now);
    if (notYetValid(reward, today) || expired(reward, today)) {
        option.status = RewardOption::NotValidNow;
    } else if (!tierAllows(reward, current)) {
        option.status = RewardOption::TierLocked;
    } else if (memberLimitReached(reward, member)) {
        option.status = RewardOption::MemberLimitReached;
    } else if (soldOut(reward, kiosk)) {
        option.status = RewardOption::SoldOut;
    } else if (option.pointsShort > 0) {
        option.status = RewardOption::NeedMorePoints;
    } else {
        option.status = RewardOption::Available;
    }
    return option;
}

std::vector<RewardOption> RewardRules::catalogue(const MemberState& member,
                                                 const KioskState& kiosk,
                                                 const Instant& now) const {
    std::vector<RewardOption> options;
    options.reserve(program_.rewards.size());
    const Tier* current = currentTier(member, now);
    for (const Reward& reward : program_.rewards) {
        if (reward.cost < 0) {
            continue;
        }
        options.push_back(assess(reward, member, kiosk, current, now));
    }
    // Status order is the reading order; within a status the cheapest first
    // (for NeedMorePoints that is also the fewest points short, since the
    // balance is the same for every line).
    std::stable_sort(options.begin(), options.end(),
                     [](const RewardOption& a, const RewardOption& b) {
                         if (a.status != b.status) {
                             return a.status < b.status;
                         }
                         return a.reward->cost < b.reward->cost;
                     });
    return options;
}

std::optional<RewardOption> RewardRules::nextReward(const MemberState& member,
                                                    const KioskState& kiosk,
                                                    const Instant& now) const {
    for (const RewardOption& option : catalogue(member, kiosk, now)) {
        if (option.status == RewardOption::NeedMorePoints) {
            return option;  // the catalogue lists these fewest-short first
        }
    }
    return std::nullopt;
}

Expected<Decision, Refusal> RewardRules::redeem(const MemberState& member, const CardState& card,
                                                const KioskState& kiosk,
                                                const std::string& rewardId,
                                                const std::string& staffId, bool managerOverride,
                                                const Instant& now) const {
    if (auto refusal = AccountStanding::check(member, card)) {
        return unexpected(*refusal);
    }
    const Reward* reward = program_.findReward(rewardId);
    if (reward == nullptr) {
        return unexpected(refuse(RefusalCode::UnknownReward, "This reward is not available."));
    }
    if (reward->cost < 0) {
        return unexpected(refuse(RefusalCode::InvalidAmount,
                                 "This reward cannot be redeemed. Please ask staff."));
    }
    const Date today = localDate(now);
    if (notYetValid(*reward, today)) {
        return unexpected(refuse(RefusalCode::RewardNotYetValid,
                                 "This reward is available from " +
                                     dateText(*reward->validFrom) + "."));
    }
    if (expired(*reward, today)) {
        return unexpected(refuse(RefusalCode::RewardExpired,
                                 "This reward ended on " + dateText(*reward->validUntil) + "."));
    }
    if (!tierAllows(*reward, currentTier(member, now))) {
        const Tier* required = program_.findTier(reward->minimumTier);
        return unexpected(refuse(RefusalCode::TierTooLow,
                                 required != nullptr
                                     ? "This reward is for " + required->name + " members."
                                     : std::string("This reward is not available for your tier.")));
    }
    if (memberLimitReached(*reward, member)) {
        return unexpected(refuse(RefusalCode::MemberLimitReached,
                                 "You have already redeemed this reward as many times as allowed."));
    }
    if (soldOut(*reward, kiosk)) {
        return unexpected(refuse(RefusalCode::TotalLimitReached, "This reward has sold out."));
    }
    const auto balance = checkedBalance(member);
    if (!balance) {
        return unexpected(refuse(RefusalCode::Overflow,
                                 "The balance cannot be worked out. Please ask staff."));
    }
    if (*balance < reward->cost) {
        const Points missing = shortfall(reward->cost, *balance);
        return unexpected(refuse(RefusalCode::InsufficientPoints,
                                 "You need " + std::to_string(missing) +
                                     (missing == 1 ? " more point" : " more points") +
                                     " for this reward."));
    }
    if (card.assurance == Assurance::Low && !program_.offline.lowAssuranceMayRedeem) {
        return unexpected(refuse(RefusalCode::LowAssuranceCard,
                                 "This card can collect points but cannot redeem rewards. Please "
                                 "ask staff about a secure card."));
    }
    if (auto held = VelocityPolicy(program_.velocity).check(card, managerOverride)) {
        return unexpected(std::move(*held));
    }
    if (!kiosk.online) {
        if (auto limited = OfflinePolicy(program_.offline).check(kiosk, card, reward->cost, now)) {
            return unexpected(std::move(*limited));
        }
    }

    EventDraft event;
    event.type = EventType::Redeem;
    event.memberId = member.memberId;
    event.cardId = card.cardId;
    event.pointsDelta = -reward->cost;  // cost >= 0 here, so the negation cannot overflow
    event.rewardId = reward->id;
    event.staffId = staffId;
    event.reason = "Redeemed: " + reward->name;
    return Decision{{std::move(event)}};
}

}  // namespace loyalty
