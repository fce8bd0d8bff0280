#include "kiosk/CustomerDesk.h"

#include "kiosk/StaffDesk.h"
#include "loyalty/OfferRules.h"
#include "loyalty/RewardRules.h"

namespace kiosk {

namespace {
Outcome changed() { return Outcome{true, {}}; }
Outcome unchanged() { return Outcome{false, {}}; }
bool isDone(const Intent& intent) {
    return std::holds_alternative<Done>(intent) || std::holds_alternative<Confirm>(intent) ||
           std::holds_alternative<Cancel>(intent);
}
}  // namespace

Outcome CustomerDesk::handle(FlowContext context, const Intent& intent) {
    FlowState& state = context.state;
    switch (state.screen) {
        case ScreenId::Attract:
            if (std::holds_alternative<StartStaffLogin>(intent)) {
                return StaffDesk::startLogin(context, std::nullopt);
            }
            return unchanged();
        case ScreenId::Member:
            return onMember(context, intent);
        case ScreenId::UnknownCard:
            if (std::holds_alternative<StartStaffLogin>(intent)) {
                return StaffDesk::startLogin(context, std::nullopt);
            }
            return isDone(intent) ? finish(context) : unchanged();
        case ScreenId::RefusedCard:
            if (!isDone(intent)) {
                return unchanged();
            }
            if (state.staff) {
                state.screen = ScreenId::StaffMenu;  // staff go on; the refused card is not theirs to serve
                return changed();
            }
            FlowSteps::endSession(state);
            return changed();
        case ScreenId::Rating:
            if (const auto* rate = std::get_if<Rate>(&intent)) {
                if (rate->stars < 1 || rate->stars > 5 || !state.customer || !state.customer->isMember()) {
                    return unchanged();
                }
                state.draft = ActionDraft{};
                state.draft.byCustomer = true;
                Outcome outcome{true, {FlowSteps::record(state, RateVisit{rate->stars})}};
                // Nothing waits for the answer: the customer is done.
                FlowSteps::endSession(state);
                return outcome;
            }
            if (std::holds_alternative<SkipRating>(intent) || isDone(intent)) {
                FlowSteps::endSession(state);
                return changed();
            }
            return unchanged();
        case ScreenId::RewardCode:
            if (!isDone(intent)) {
                return unchanged();
            }
            state.rewardCode.clear();
            state.rewardName.clear();
            FlowSteps::toCustomerScreen(state);
            return changed();
        default:
            return unchanged();
    }
}

Outcome CustomerDesk::onMember(FlowContext context, const Intent& intent) {
    if (const auto* offer = std::get_if<ActivateOfferIntent>(&intent)) {
        return activateOffer(context, offer->offerId);
    }
    if (const auto* reward = std::get_if<ChooseReward>(&intent)) {
        return chooseReward(context, reward->rewardId);
    }
    if (std::holds_alternative<StartStaffLogin>(intent)) {
        return StaffDesk::startLogin(context, std::nullopt);
    }
    if (std::holds_alternative<Done>(intent)) {
        return finish(context);
    }
    return unchanged();
}

Outcome CustomerDesk::activateOffer(FlowContext context, const std::string& offerId) {
    FlowState& state = context.state;
    const MemberSnapshot* snapshot = state.customer ? state.customer->snapshot() : nullptr;
    if (!snapshot) {
        return unchanged();
    }
    const loyalty::OfferRules rules(context.program);
    const auto decision = rules.activate(snapshot->member, snapshot->card, offerId, state.now);
    if (!decision) {
        FlowSteps::showRefusal(state, decision.error(), ScreenId::Member);
        return changed();
    }
    state.draft = ActionDraft{};
    state.draft.byCustomer = true;
    return Outcome{true, {FlowSteps::record(state, ActivateOffer{offerId})}};
}

Outcome CustomerDesk::chooseReward(FlowContext context, const std::string& rewardId) {
    FlowState& state = context.state;
    const MemberSnapshot* snapshot = state.customer ? state.customer->snapshot() : nullptr;
    const loyalty::Reward* reward = context.program.findReward(rewardId);
    if (!snapshot || !reward) {
        return unchanged();
    }
    if (reward->kind == loyalty::Reward::Kind::Physical) {
        // Staff hand physical rewards over: the customer calls them.
        state.notice = Text{"member.ask_staff_for_reward",
                            {{"reward", loyalty::localName(*reward, context.catalogue.language())}}};
        return changed();
    }
    const loyalty::RewardRules rules(context.program);
    const auto decision = rules.redeem(snapshot->member, snapshot->card, FlowSteps::kioskState(state), rewardId, "",
                                       false, state.now);
    if (!decision) {
        FlowSteps::showRefusal(state, decision.error(), ScreenId::Member);
        return changed();
    }
    state.draft = ActionDraft{};
    state.draft.action = StaffAction::Redeem;
    state.draft.rewardId = rewardId;
    state.draft.byCustomer = true;
    state.screen = ScreenId::ConfirmAction;
    return changed();
}

Outcome CustomerDesk::finish(FlowContext context) {
    FlowState& state = context.state;
    if (state.customer && state.customer->isMember() && state.customer->interacted()) {
        state.screen = ScreenId::Rating;
        return changed();
    }
    FlowSteps::endSession(state);
    return changed();
}

}  // namespace kiosk
