#include "kiosk/MemberViewBuilder.h"

#include "kiosk/FlowSteps.h"
#include "loyalty/OfferRules.h"
#include "loyalty/PointLots.h"
#include "loyalty/RewardRules.h"
#include "loyalty/TierCalculator.h"

namespace kiosk {

namespace {
constexpr std::size_t kMaxRewardLines = 6;
constexpr std::size_t kMaxHistoryLines = 20;
}  // namespace

MemberView MemberViewBuilder::build(const CustomerSession& customer, const FlowState& state) const {
    MemberView view;
    const MemberSnapshot* snapshot = customer.snapshot();
    if (!snapshot) {
        return view;
    }
    const loyalty::MemberState& member = snapshot->member;
    view.greeting = catalogue_.format("member.greeting", {{"name", customer.firstName()}});
    view.balanceText = format_.points(member.balance());
    if (member.pendingDelta != 0) {
        view.pendingText = catalogue_.format("member.pending", {{"points", format_.number(member.pendingDelta)}});
    }
    fillTier(view, *snapshot, state);
    if (const auto notice = loyalty::PointLots::nextExpiry(program_, member, state.now)) {
        view.expiryText = catalogue_.format(
            "member.expiry", {{"points", format_.points(notice->points)}, {"date", format_.date(notice->date)}});
    }
    fillOffers(view, *snapshot, state);
    view.rewardsTitle = catalogue_.text("member.rewards_title");
    view.rewards = rewards(*snapshot, state, true);
    if (const auto next = loyalty::RewardRules(program_).nextReward(member, FlowSteps::kioskState(state), state.now)) {
        view.nextRewardText = catalogue_.format(
            "member.next_reward", {{"points", format_.points(next->pointsShort)}, {"reward", nameOf(*next->reward)}});
    }
    view.historyTitle = catalogue_.text("member.history_title");
    for (const auto& entry : snapshot->history) {
        if (view.history.size() == kMaxHistoryLines) {
            break;
        }
        view.history.push_back(historyLine(entry));
    }
    view.notice = state.notice.empty() ? std::string() : catalogue_.format(state.notice.key, state.notice.values);
    view.doneLabel = catalogue_.text("common.done");
    view.staffLabel = catalogue_.text("member.staff");
    return view;
}

void MemberViewBuilder::fillTier(MemberView& view, const MemberSnapshot& snapshot, const FlowState& state) const {
    const auto tier = loyalty::TierCalculator(program_).status(snapshot.member, state.now);
    if (!tier.current) {
        return;
    }
    view.tierName = nameOf(*tier.current);
    view.tierProgressPerMille = tier.progressPerMille;
    view.tierProgressText =
        tier.next ? catalogue_.format("member.to_next_tier",
                                      {{"points", format_.points(tier.pointsToNext)}, {"tier", nameOf(*tier.next)}})
                  : catalogue_.text("member.top_tier");
}

void MemberViewBuilder::fillOffers(MemberView& view, const MemberSnapshot& snapshot, const FlowState& state) const {
    view.offersTitle = catalogue_.text("member.offers_title");
    for (const auto& id : snapshot.member.activeOffers) {
        if (const loyalty::Offer* offer = program_.findOffer(id)) {
            view.offers.push_back({offer->id, nameOf(*offer), loyalty::localDescription(*offer, catalogue_.language()),
                                   true, catalogue_.text("member.offer_active")});
        }
    }
    for (const auto& eligible : loyalty::OfferRules(program_).eligible(snapshot.member, state.now)) {
        view.offers.push_back({eligible.offer->id, nameOf(*eligible.offer),
                               loyalty::localDescription(*eligible.offer, catalogue_.language()), false,
                               catalogue_.text("member.offer_activate")});
    }
}

std::vector<RewardLine> MemberViewBuilder::rewards(const MemberSnapshot& snapshot, const FlowState& state,
                                                   bool onlyInReach) const {
    std::vector<RewardLine> lines;
    const auto options = loyalty::RewardRules(program_).catalogue(snapshot.member, FlowSteps::kioskState(state), state.now);
    for (const auto& option : options) {
        const bool available = option.status == loyalty::RewardOption::Available;
        const bool short_ = option.status == loyalty::RewardOption::NeedMorePoints;
        if (onlyInReach && !available && !short_) {
            continue;
        }
        if (lines.size() == kMaxRewardLines) {
            break;
        }
        RewardLine line;
        line.id = option.reward->id;
        line.name = nameOf(*option.reward);
        line.costText = format_.points(option.reward->cost);
        line.digital = option.reward->kind == loyalty::Reward::Kind::Digital;
        line.affordable = available;
        if (available) {
            line.statusText = catalogue_.text(line.digital ? "reward.get_now" : "reward.ask_staff");
        } else if (short_) {
            line.statusText = catalogue_.format("reward.points_to_go", {{"points", format_.points(option.pointsShort)}});
        } else {
            line.statusText = catalogue_.text("reward.not_available");
        }
        lines.push_back(std::move(line));
    }
    return lines;
}

HistoryLine MemberViewBuilder::historyLine(const HistoryEntry& entry) const {
    HistoryLine line;
    line.dateText = format_.date(entry.on);
    line.voided = entry.voided;
    if (entry.points != 0) {
        line.pointsText = format_.signedPoints(entry.points);
    }
    const auto offerName = [&] {
        const loyalty::Offer* offer = program_.findOffer(entry.offerId);
        return offer ? nameOf(*offer) : entry.offerId;
    };
    using loyalty::EventType;
    switch (entry.type) {
        case EventType::Earn:
            if (entry.purchaseAmount > 0) {
                line.reasonText = catalogue_.format("history.earn_purchase", {{"amount", format_.money(entry.purchaseAmount)}});
            } else if (!entry.offerId.empty()) {
                line.reasonText = catalogue_.format("history.earn_offer", {{"offer", offerName()}});
            } else {
                line.reasonText = entry.reason;
            }
            break;
        case EventType::Redeem: {
            const loyalty::Reward* reward = program_.findReward(entry.rewardId);
            line.reasonText =
                catalogue_.format("history.redeem", {{"reward", reward ? nameOf(*reward) : entry.rewardId}});
            break;
        }
        case EventType::Adjust:
            line.reasonText = catalogue_.format("history.adjust", {{"reason", entry.reason}});
            break;
        case EventType::Void:
            line.reasonText = catalogue_.format("history.void", {{"reason", entry.reason}});
            break;
        case EventType::Enrol:
            line.reasonText = catalogue_.format("history.enrol", {{"program", nameOf(program_)}});
            break;
        case EventType::CardLink:
            line.reasonText = catalogue_.text("history.card_link");
            break;
        case EventType::CardBlock:
            line.reasonText = catalogue_.format("history.card_block", {{"reason", entry.reason}});
            break;
        case EventType::OfferActivate:
            line.reasonText = catalogue_.format("history.offer_activate", {{"offer", offerName()}});
            break;
        case EventType::Stamp:
            line.reasonText = entry.reason;
            break;
        case EventType::Rating:
            line.reasonText = catalogue_.format("history.rating", {{"stars", std::to_string(entry.rating)}});
            break;
        case EventType::Expire:
            line.reasonText = catalogue_.text("history.expire");
            break;
    }
    if (entry.voided) {
        line.reasonText = catalogue_.format("history.voided", {{"reason", line.reasonText}});
    }
    return line;
}

}  // namespace kiosk
