#include "kiosk/FlowSteps.h"

#include <string>
#include <utility>

namespace kiosk {

RequestId FlowSteps::begin(FlowState& state, PendingKind kind) {
    Pending pending;
    pending.id = ++state.lastRequest;
    pending.kind = kind;
    state.pending = std::move(pending);
    return state.lastRequest;
}

bool FlowSteps::awaited(const FlowState& state, RequestId request, PendingKind kind) {
    return state.pending && state.pending->id == request && state.pending->kind == kind;
}

void FlowSteps::endSession(FlowState& state) {
    state.screen = ScreenId::Attract;
    state.language = 0;
    state.customer.reset();
    state.staff.reset();
    state.login = LoginState{};
    state.keypad.clear();
    state.draft = ActionDraft{};
    state.pending.reset();
    state.notice = Text{};
    state.resultTitle = Text{};
    state.resultMessage = Text{};
    state.resultHint = Text{};
    state.rewardName.clear();
    state.rewardCode.clear();
    state.summary.reset();
    state.readerTest = Text{};
}

void FlowSteps::toCustomerScreen(FlowState& state) {
    state.keypad.clear();
    state.draft = ActionDraft{};
    if (!state.customer) {
        endSession(state);
        return;
    }
    state.screen = state.customer->isMember() ? ScreenId::Member : ScreenId::UnknownCard;
}

loyalty::KioskState FlowSteps::kioskState(const FlowState& state) {
    loyalty::KioskState kiosk;
    if (state.customer && state.customer->snapshot()) {
        kiosk = state.customer->snapshot()->kiosk;
    }
    kiosk.online = state.sync.online;
    return kiosk;
}

Effect FlowSteps::record(FlowState& state, DecisionRequest what) {
    RecordDecision effect;
    effect.request = begin(state, PendingKind::Decision);
    state.pending->what = what;
    if (state.customer) {
        effect.memberId = state.customer->memberId();
        effect.cardToken = state.customer->card().token;
    }
    if (state.staff && !state.draft.byCustomer) {
        effect.staffId = state.staff->staffId();
        effect.managerOverride = state.staff->isManager();
    }
    effect.offline = !state.sync.online;
    effect.what = std::move(what);
    return effect;
}

void FlowSteps::showRefusal(FlowState& state, const loyalty::Refusal& refusal, ScreenId back) {
    const std::string code(loyalty::refusalCodeName(refusal.code));
    state.resultTitle = Text{"refusal." + code + ".title", {}};
    state.resultMessage = Text{"refusal." + code + ".message", {}};
    state.resultHint = Text{"refusal." + code + ".what_to_do", {}};
    state.returnTo = back;
    state.screen = ScreenId::ActionRefused;
}

void FlowSteps::showConfirmation(FlowState& state, Text title, Text message, ScreenId back) {
    state.resultTitle = std::move(title);
    state.resultMessage = std::move(message);
    state.resultHint = Text{};
    state.returnTo = back;
    state.screen = ScreenId::Confirmation;
}

}  // namespace kiosk
