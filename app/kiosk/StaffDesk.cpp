#include "kiosk/StaffDesk.h"

#include "kiosk/ActionDesk.h"

namespace kiosk {

namespace {
Outcome changed() { return Outcome{true, {}}; }
Outcome unchanged() { return Outcome{false, {}}; }
}  // namespace

const std::array<StaffAction, 8>& StaffDesk::menuOrder() {
    static constexpr std::array<StaffAction, 8> kOrder = {StaffAction::Award,   StaffAction::Redeem, StaffAction::Enrol,
                                                    StaffAction::Replace, StaffAction::Block,  StaffAction::Void,
                                                    StaffAction::Adjust,  StaffAction::Summary};
    return kOrder;
}

Availability StaffDesk::availability(const FlowState& state, StaffAction action) {
    if (!state.staff || !state.staff->may(action)) {
        return Availability::ManagerOnly;
    }
    const bool member = state.customer && state.customer->isMember();
    switch (action) {
        case StaffAction::Summary:
            return Availability::Available;
        case StaffAction::Enrol:
            return state.customer && !member ? Availability::Available : Availability::NeedsUnknownCard;
        case StaffAction::Void:
            if (!member) {
                return Availability::NeedsMember;
            }
            return state.customer->lastVoidable() ? Availability::Available : Availability::NothingToVoid;
        default:
            return member ? Availability::Available : Availability::NeedsMember;
    }
}

Outcome StaffDesk::handle(FlowContext context, const Intent& intent) {
    switch (context.state.screen) {
        case ScreenId::StaffLogin:
            return onLogin(context, intent);
        case ScreenId::StaffMenu:
            return onMenu(context, intent);
        case ScreenId::Technician:
            return onTechnician(context, intent);
        case ScreenId::TodaySummary:
            if (std::holds_alternative<Cancel>(intent) || std::holds_alternative<Done>(intent) ||
                std::holds_alternative<Confirm>(intent)) {
                context.state.summary.reset();
                context.state.screen = ScreenId::StaffMenu;
                return changed();
            }
            return unchanged();
        default:
            return ActionDesk::handle(context, intent);
    }
}

// ---- login -------------------------------------------------------------------------

Outcome StaffDesk::startLogin(FlowContext context, const std::optional<StaffCard>& card) {
    FlowState& state = context.state;
    state.login = LoginState{};
    if (card) {
        state.login.step = LoginStep::Pin;
        state.login.staffId = card->staffId;
        state.login.staffName = card->displayName;
        state.keypad.reset(context.settings.pinMaxDigits);
    } else {
        state.login.step = LoginStep::StaffCode;
        state.keypad.reset(context.settings.staffCodeMaxDigits);
    }
    state.screen = ScreenId::StaffLogin;
    return changed();
}

Outcome StaffDesk::onLogin(FlowContext context, const Intent& intent) {
    FlowState& state = context.state;
    if (std::holds_alternative<Cancel>(intent)) {
        state.login = LoginState{};
        state.keypad.clear();
        if (state.staff) {
            state.screen = state.staff->isTechnician() ? ScreenId::Technician : ScreenId::StaffMenu;
        } else {
            FlowSteps::toCustomerScreen(state);
        }
        return changed();
    }
    if (state.login.locked) {
        return unchanged();
    }
    if (const auto* digit = std::get_if<KeypadDigit>(&intent)) {
        state.login.error = Text{};
        return Outcome{state.keypad.press(digit->digit), {}};
    }
    if (std::holds_alternative<KeypadBack>(intent)) {
        return Outcome{state.keypad.back(), {}};
    }
    if (std::holds_alternative<KeypadClear>(intent)) {
        return Outcome{state.keypad.clear(), {}};
    }
    if (!std::holds_alternative<KeypadOk>(intent)) {
        return unchanged();
    }
    if (state.login.step == LoginStep::StaffCode) {
        if (state.keypad.empty()) {
            return unchanged();
        }
        state.login.staffCode = state.keypad.digits();
        state.login.step = LoginStep::Pin;
        state.keypad.reset(context.settings.pinMaxDigits);
        return changed();
    }
    if (state.keypad.size() < context.settings.pinMinDigits) {
        state.login.error = Text{"staff_login.pin_too_short", {{"n", std::to_string(context.settings.pinMinDigits)}}};
        return changed();
    }
    VerifyStaffPin verify;
    verify.request = FlowSteps::begin(state, PendingKind::StaffPin);
    verify.staffId = state.login.staffId;
    verify.staffCode = state.login.staffCode;
    verify.pin = state.keypad.digits();
    state.keypad.clear();
    return Outcome{true, {verify}};
}

Outcome StaffDesk::onVerified(FlowContext context, const StaffVerified& result) {
    FlowState& state = context.state;
    state.pending.reset();
    state.login = LoginState{};
    state.keypad.clear();
    state.staff = StaffSession(result.staffId, result.displayName, result.role);
    state.notice = Text{};
    if (state.staff->isTechnician()) {
        // Technicians see the kiosk, never a customer.
        state.customer.reset();
        state.screen = ScreenId::Technician;
        LoadDiagnostics load;
        load.request = FlowSteps::begin(state, PendingKind::Diagnostics);
        return Outcome{true, {load}};
    }
    state.screen = ScreenId::StaffMenu;
    return changed();
}

Outcome StaffDesk::onRefused(FlowContext context, const StaffRefused& result) {
    FlowState& state = context.state;
    state.pending.reset();
    state.keypad.clear();
    if (result.lockedUntilUnixMs) {
        const std::int64_t nowMs = state.now.utcSeconds * 1000;
        const std::int64_t left = *result.lockedUntilUnixMs - nowMs;
        const std::int64_t minutes = left <= 0 ? 1 : (left + 59'999) / 60'000;
        state.login.locked = true;
        state.login.error = Text{"staff_login.locked", {{"minutes", std::to_string(minutes)}}};
    } else {
        state.login.error = Text{"staff_login.wrong_pin", {{"n", std::to_string(result.attemptsLeft)}}};
    }
    return changed();
}

// ---- menu ---------------------------------------------------------------------------

Outcome StaffDesk::onMenu(FlowContext context, const Intent& intent) {
    FlowState& state = context.state;
    if (const auto* choice = std::get_if<ChooseStaffAction>(&intent)) {
        return chooseAction(context, choice->action);
    }
    if (std::holds_alternative<StaffLogout>(intent)) {
        state.staff.reset();
        state.notice = Text{};
        FlowSteps::toCustomerScreen(state);
        return changed();
    }
    if (std::holds_alternative<StartStaffLogin>(intent)) {
        return startLogin(context, std::nullopt);  // another member of staff (a manager) takes over
    }
    return unchanged();
}

Outcome StaffDesk::chooseAction(FlowContext context, StaffAction action) {
    FlowState& state = context.state;
    switch (availability(state, action)) {
        case Availability::Available:
            break;
        case Availability::ManagerOnly:
            state.notice = Text{"staff_menu.manager_only", {}};
            return changed();
        case Availability::NothingToVoid:
            FlowSteps::showRefusal(state, loyalty::Refusal{loyalty::RefusalCode::NothingToVoid, ""},
                                   ScreenId::StaffMenu);
            return changed();
        default:
            return unchanged();  // the button is disabled
    }
    state.notice = Text{};
    if (action == StaffAction::Summary) {
        LoadTodaySummary load;
        load.request = FlowSteps::begin(state, PendingKind::Summary);
        state.summary.reset();
        state.screen = ScreenId::TodaySummary;
        return Outcome{true, {load}};
    }
    return ActionDesk::start(context, action);
}

// ---- technician ----------------------------------------------------------------------

Outcome StaffDesk::onTechnician(FlowContext context, const Intent& intent) {
    FlowState& state = context.state;
    if (std::holds_alternative<RunReaderTest>(intent)) {
        TestReader test;
        test.request = FlowSteps::begin(state, PendingKind::ReaderTest);
        state.readerTest = Text{};
        return Outcome{true, {test}};
    }
    if (std::holds_alternative<RefreshDiagnostics>(intent)) {
        LoadDiagnostics load;
        load.request = FlowSteps::begin(state, PendingKind::Diagnostics);
        return Outcome{true, {load}};
    }
    if (std::holds_alternative<StaffLogout>(intent) || std::holds_alternative<Done>(intent)) {
        FlowSteps::endSession(state);
        return changed();
    }
    return unchanged();
}

// ---- delegated to ActionDesk ------------------------------------------------------------

Outcome StaffDesk::onNewCard(FlowContext context, const CardTapped& card) { return ActionDesk::onNewCard(context, card); }

Outcome StaffDesk::onRecorded(FlowContext context, const DecisionRecorded& result) {
    return ActionDesk::onRecorded(context, result);
}

}  // namespace kiosk
