#include "kiosk/ViewBuilder.h"

#include <algorithm>
#include <string_view>

#include "kiosk/ActionDesk.h"
#include "kiosk/MemberViewBuilder.h"
#include "kiosk/StaffDesk.h"

namespace kiosk {

namespace {

const char* actionKey(StaffAction action) {
    switch (action) {
        case StaffAction::Award: return "award";
        case StaffAction::Redeem: return "redeem";
        case StaffAction::Enrol: return "enrol";
        case StaffAction::Replace: return "replace";
        case StaffAction::Block: return "block";
        case StaffAction::Void: return "void";
        case StaffAction::Adjust: return "adjust";
        case StaffAction::Summary: return "summary";
    }
    return "award";
}

const char* roleKey(StaffRole role) {
    switch (role) {
        case StaffRole::Cashier: return "role.cashier";
        case StaffRole::Manager: return "role.manager";
        case StaffRole::Technician: return "role.technician";
    }
    return "role.cashier";
}

const char* readerStateKey(ReaderState state) {
    switch (state) {
        case ReaderState::Starting: return "reader_state.starting";
        case ReaderState::Ready: return "reader_state.ready";
        case ReaderState::Reopening: return "reader_state.reopening";
        case ReaderState::Unavailable: return "reader_state.unavailable";
        case ReaderState::Stopped: return "reader_state.stopped";
    }
    return "reader_state.unavailable";
}

// The name of the item with this id in `language`; `fallback` when the
// programme has no such item (a bonus line names what the rules applied).
template <class Item>
std::string localNameById(const std::vector<Item>& items, const std::string& id, const std::string& fallback,
                          std::string_view language) {
    const auto it = std::find_if(items.begin(), items.end(), [&](const Item& item) { return item.id == id; });
    return it == items.end() ? fallback : loyalty::localName(*it, language);
}

const char* busyKey(PendingKind kind) {
    switch (kind) {
        case PendingKind::Lookup: return "busy.lookup";
        case PendingKind::StaffPin: return "busy.pin";
        case PendingKind::Decision: return "busy.decision";
        default: return "busy.loading";
    }
}

}  // namespace

const char* screenName(ScreenId screen) {
    switch (screen) {
        case ScreenId::Attract: return "attract";
        case ScreenId::CardReading: return "card_reading";
        case ScreenId::Member: return "member";
        case ScreenId::UnknownCard: return "unknown_card";
        case ScreenId::RefusedCard: return "refused_card";
        case ScreenId::StaffLogin: return "staff_login";
        case ScreenId::StaffMenu: return "staff_menu";
        case ScreenId::AmountEntry: return "amount_entry";
        case ScreenId::RewardChoice: return "reward_choice";
        case ScreenId::TapNewCard: return "tap_new_card";
        case ScreenId::ConfirmAction: return "confirm_action";
        case ScreenId::Confirmation: return "confirmation";
        case ScreenId::ActionRefused: return "action_refused";
        case ScreenId::Rating: return "rating";
        case ScreenId::RewardCode: return "reward_code";
        case ScreenId::TodaySummary: return "today_summary";
        case ScreenId::Technician: return "technician";
    }
    return "unknown";
}

ViewBuilder::ViewBuilder(const FlowState& state, const loyalty::Program& program,
                         const std::vector<config::Catalog>& catalogues)
    : state_(state),
      program_(program),
      catalogues_(catalogues),
      catalogue_(catalogues[state.language]),
      format_(catalogue_, program.currency) {}

std::string ViewBuilder::text(const Text& text) const {
    return text.empty() ? std::string() : catalogue_.format(text.key, text.values);
}

Chrome ViewBuilder::chrome() const {
    Chrome chrome;
    if (!state_.sync.online) {
        chrome.offlineBanner = text("banner.offline");
    }
    const ReaderState reader = state_.reader.state;
    if (reader == ReaderState::Reopening || reader == ReaderState::Unavailable || reader == ReaderState::Stopped) {
        chrome.readerBanner = text("banner.reader_unavailable");
    }
    if (state_.pending) {
        chrome.busy = true;
        chrome.busyText = text(busyKey(state_.pending->kind));
    }
    return chrome;
}

std::vector<LanguageOption> ViewBuilder::languages() const {
    std::vector<LanguageOption> options;
    for (std::size_t i = 0; i < catalogues_.size(); ++i) {
        options.push_back({catalogues_[i].language(), catalogues_[i].text("language.name"), i == state_.language});
    }
    return options;
}

KeypadView ViewBuilder::keypad(std::string entry, bool okEnabled) const {
    return KeypadView{std::move(entry), text("keypad.ok"), text("keypad.back"), text("keypad.clear"), okEnabled};
}

AttractView ViewBuilder::attract() const {
    AttractView view;
    view.chrome = chrome();
    view.programName = loyalty::localName(program_, catalogue_.language());
    view.title = text("attract.title");
    view.subtitle = text("attract.subtitle");
    view.hint = text("attract.hint");
    view.chooseLanguage = text("attract.choose_language");
    view.readerLabel = text("attract.reader_below");
    view.languages = languages();
    return view;
}

MessageView ViewBuilder::message() const {
    MessageView view;
    view.chrome = chrome();
    const auto fill = [&](const char* prefix) {
        const std::string p(prefix);
        view.title = text(p + ".title");
        view.message = text(p + ".message");
        view.whatToDo = text(p + ".what_to_do");
    };
    switch (state_.screen) {
        case ScreenId::CardReading:
            view.title = text("reading.title");
            view.message = text("reading.message");
            break;
        case ScreenId::UnknownCard:
            fill("unknown");
            view.primaryLabel = text("common.done");
            view.secondaryLabel = text("unknown.call_staff");
            break;
        case ScreenId::RefusedCard:
            fill("refused");
            view.primaryLabel = text("common.ok");
            break;
        case ScreenId::Confirmation:
        case ScreenId::ActionRefused:
            view.title = text(state_.resultTitle);
            view.message = text(state_.resultMessage);
            view.whatToDo = text(state_.resultHint);
            view.primaryLabel = text("common.ok");
            break;
        default:
            break;
    }
    return view;
}

MemberView ViewBuilder::member() const {
    MemberView view;
    if (state_.customer) {
        view = MemberViewBuilder(program_, catalogue_, format_).build(*state_.customer, state_);
    }
    view.chrome = chrome();
    view.languages = languages();
    return view;
}

StaffLoginView ViewBuilder::staffLogin() const {
    StaffLoginView view;
    view.chrome = chrome();
    view.title = text("staff_login.title");
    const bool pin = state_.login.step == LoginStep::Pin;
    view.prompt = text(pin ? "staff_login.enter_pin" : "staff_login.enter_code");
    view.staffName = state_.login.staffName;
    const std::string entry = pin ? state_.keypad.masked() : state_.keypad.digits();
    view.keypad = keypad(entry, !state_.keypad.empty() && !state_.login.locked);
    view.error = text(state_.login.error);
    view.locked = state_.login.locked;
    view.cancelLabel = text("common.cancel");
    return view;
}

StaffMenuView ViewBuilder::staffMenu() const {
    StaffMenuView view;
    view.chrome = chrome();
    if (state_.staff) {
        view.staffLine = state_.staff->displayName() + " \u00b7 " + text(roleKey(state_.staff->role()));
    }
    if (state_.customer && state_.customer->snapshot()) {
        view.customerLine =
            state_.customer->firstName() + " \u00b7 " + format_.points(state_.customer->snapshot()->member.balance());
    } else if (state_.customer) {
        view.customerLine = text("staff_menu.unknown_card");
    } else {
        view.customerLine = text("staff_menu.no_card");
    }
    for (const StaffAction action : StaffDesk::menuOrder()) {
        StaffActionLine line;
        line.action = action;
        line.label = text(std::string("staff_menu.action.") + actionKey(action));
        switch (StaffDesk::availability(state_, action)) {
            case Availability::Available: break;
            case Availability::ManagerOnly: line.disabledReason = text("staff_menu.manager_only"); break;
            case Availability::NeedsMember: line.disabledReason = text("staff_menu.needs_member"); break;
            case Availability::NeedsUnknownCard: line.disabledReason = text("staff_menu.needs_unknown_card"); break;
            case Availability::NothingToVoid: line.disabledReason = text("staff_menu.nothing_to_void"); break;
        }
        line.enabled = line.disabledReason.empty();
        view.actions.push_back(std::move(line));
    }
    view.notice = text(state_.notice);
    view.switchStaffLabel = text("staff_menu.switch_staff");
    view.logoutLabel = text("staff_menu.logout");
    return view;
}

std::vector<std::string> ViewBuilder::reasons() const {
    std::vector<std::string> texts;
    for (const auto& key : ActionDesk::reasonKeys(state_.draft.action)) {
        texts.push_back(text(key));
    }
    return texts;
}

AmountEntryView ViewBuilder::amountEntry() const {
    AmountEntryView view;
    view.chrome = chrome();
    view.cancelLabel = text("common.cancel");
    const bool okEnabled = ActionDesk::canConfirm(state_, program_);
    const MemberSnapshot* snapshot = state_.customer ? state_.customer->snapshot() : nullptr;
    if (state_.draft.action == StaffAction::Adjust) {
        view.title = text("amount.adjust_title");
        view.prompt = text("amount.adjust_prompt");
        const loyalty::Points points = state_.keypad.value();
        const loyalty::Points delta = state_.draft.negative ? -points : points;
        view.keypad = keypad((state_.draft.negative ? "-" : "+") + format_.number(points), okEnabled);
        view.showSign = true;
        view.signLabel = text(state_.draft.negative ? "amount.add_instead" : "amount.remove_instead");
        view.previewText = format_.signedPoints(delta);
        if (snapshot) {
            view.previewLines.push_back(catalogue_.format(
                "amount.line_new_balance", {{"balance", format_.points(snapshot->member.balance() + delta)}}));
        }
        view.reasons = reasons();
        view.reasonSelected = state_.draft.reason.has_value();
        view.selectedReason = state_.draft.reason.value_or(0);
        return view;
    }
    view.title = text("amount.award_title");
    view.prompt = text("amount.award_prompt");
    view.keypad = keypad(format_.money(state_.keypad.value()), okEnabled);
    if (state_.keypad.empty()) {
        return view;
    }
    const auto preview = ActionDesk::previewEarn(state_, program_);
    if (!preview) {
        const std::string code(loyalty::refusalCodeName(preview.error().code));
        view.error = text("refusal." + code + ".message") + " " + text("refusal." + code + ".what_to_do");
        return view;
    }
    view.previewText = format_.signedPoints(preview->total);
    view.previewLines.push_back(catalogue_.format("amount.line_base", {{"points", format_.points(preview->basePoints)}}));
    const std::string& language = catalogue_.language();
    if (preview->tierBonus != 0) {
        const std::string tier = localNameById(program_.tiers, preview->tierId, preview->tierName, language);
        view.previewLines.push_back(catalogue_.format(
            "amount.line_tier", {{"tier", tier}, {"points", format_.signedPoints(preview->tierBonus)}}));
    }
    const auto bonusLine = [&](const loyalty::AppliedBonus& bonus, const std::string& name) {
        view.previewLines.push_back(
            catalogue_.format("amount.line_bonus", {{"name", name}, {"points", format_.signedPoints(bonus.awarded)}}));
    };
    for (const auto& bonus : preview->promotions) {
        bonusLine(bonus, localNameById(program_.promotions, bonus.id, bonus.name, language));
    }
    for (const auto& bonus : preview->offers) {
        bonusLine(bonus, localNameById(program_.offers, bonus.id, bonus.name, language));
    }
    if (preview->capped) {
        view.previewLines.push_back(text("amount.line_capped"));
    }
    if (preview->total == 0) {
        view.previewLines.push_back(text("amount.line_nothing"));
    }
    return view;
}

RewardChoiceView ViewBuilder::rewardChoice() const {
    RewardChoiceView view;
    view.chrome = chrome();
    view.title = text("reward_choice.title");
    view.cancelLabel = text("common.cancel");
    if (state_.customer && state_.customer->snapshot()) {
        view.rewards = MemberViewBuilder(program_, catalogue_, format_).rewards(*state_.customer->snapshot(), state_, false);
    }
    return view;
}

MessageView ViewBuilder::tapNewCard() const {
    MessageView view;
    view.chrome = chrome();
    view.title = text("tap_new_card.title");
    view.message = text("tap_new_card.message");
    view.whatToDo = text(state_.notice);
    view.secondaryLabel = text("common.cancel");
    return view;
}

std::vector<std::string> ViewBuilder::confirmLines() const {
    std::vector<std::string> lines;
    const MemberSnapshot* snapshot = state_.customer ? state_.customer->snapshot() : nullptr;
    switch (state_.draft.action) {
        case StaffAction::Redeem:
            if (const loyalty::Reward* reward = program_.findReward(state_.draft.rewardId); reward && snapshot) {
                lines.push_back(catalogue_.format("confirm_action.redeem.line",
                                                  {{"reward", loyalty::localName(*reward, catalogue_.language())},
                                                   {"points", format_.points(reward->cost)}}));
                lines.push_back(catalogue_.format("confirm_action.balance_after",
                                                  {{"balance", format_.points(snapshot->member.balance() - reward->cost)}}));
            }
            break;
        case StaffAction::Void:
            if (const HistoryEntry* target = state_.customer ? state_.customer->lastVoidable() : nullptr) {
                const HistoryLine line = MemberViewBuilder(program_, catalogue_, format_).historyLine(*target);
                lines.push_back(catalogue_.format(
                    "confirm_action.void.line",
                    {{"date", line.dateText}, {"points", line.pointsText}, {"reason", line.reasonText}}));
            }
            break;
        default:
            lines.push_back(text(std::string("confirm_action.") + actionKey(state_.draft.action) + ".line"));
            break;
    }
    return lines;
}

ConfirmActionView ViewBuilder::confirmAction() const {
    ConfirmActionView view;
    view.chrome = chrome();
    view.title = text(std::string("confirm_action.") + actionKey(state_.draft.action) + ".title");
    view.lines = confirmLines();
    view.reasons = reasons();
    view.reasonSelected = state_.draft.reason.has_value();
    view.selectedReason = state_.draft.reason.value_or(0);
    view.needsName = state_.draft.action == StaffAction::Enrol;
    if (view.needsName) {
        view.namePrompt = text("confirm_action.enrol.name_prompt");
        view.name = state_.draft.name;
    }
    view.error = text(state_.notice);
    view.confirmEnabled = ActionDesk::canConfirm(state_, program_);
    view.confirmLabel = text("common.confirm");
    view.cancelLabel = text("common.cancel");
    return view;
}

RatingView ViewBuilder::rating() const {
    RatingView view;
    view.chrome = chrome();
    view.question = text("rating.question");
    for (int stars = 1; stars <= 5; ++stars) {
        view.starLabels.push_back(text("rating." + std::to_string(stars)));
    }
    view.skipLabel = text("rating.skip");
    return view;
}

RewardCodeView ViewBuilder::rewardCode() const {
    RewardCodeView view;
    view.chrome = chrome();
    view.title = text("reward_code.title");
    view.rewardName = state_.rewardName;
    view.code = state_.rewardCode;
    view.qrPayload = state_.rewardCode;
    view.hint = text("reward_code.hint");
    view.doneLabel = text("common.done");
    return view;
}

SummaryView ViewBuilder::summary() const {
    SummaryView view;
    view.chrome = chrome();
    view.title = text("summary.title");
    view.chartLabel = text("summary.chart");
    view.backLabel = text("common.back");
    if (state_.summary) {
        const TodaySummary& summary = *state_.summary;
        view.lines.push_back(catalogue_.format("summary.transactions", {{"n", format_.number(summary.transactions)}}));
        view.lines.push_back(catalogue_.format("summary.issued", {{"points", format_.points(summary.pointsIssued)}}));
        view.lines.push_back(catalogue_.format("summary.redeemed", {{"points", format_.points(summary.pointsRedeemed)}}));
        view.perHour = summary.transactionsPerHour;
    }
    return view;
}

TechnicianView ViewBuilder::technician() const {
    TechnicianView view;
    view.chrome = chrome();
    view.title = text("technician.title");
    const auto row = [&](const char* key, std::string value) { view.rows.push_back({text(key), std::move(value)}); };
    row("technician.reader", text(readerStateKey(state_.reader.state)));
    row("technician.firmware", state_.reader.firmware);
    row("technician.reader_error", state_.reader.lastError);
    row("technician.last_card", state_.lastCardText);
    row("technician.sync", text(state_.sync.online ? "technician.online" : "technician.offline"));
    row("technician.queue", format_.number(state_.sync.queueDepth));
    row("technician.oldest_unsent",
        state_.sync.oldestUnsentAgeMs ? catalogue_.format("technician.seconds",
                                                          {{"n", format_.number(*state_.sync.oldestUnsentAgeMs / 1000)}})
                                      : std::string("-"));
    if (state_.diagnostics) {
        const Diagnostics& d = *state_.diagnostics;
        row("technician.database", catalogue_.format("technician.megabytes", {{"n", format_.number(d.databaseBytes / 1'000'000)}}));
        row("technician.database_check", d.databaseCheck);
        row("technician.version", d.version);
        std::string addresses;
        for (const auto& address : d.addresses) {
            addresses += (addresses.empty() ? "" : ", ") + address;
        }
        row("technician.addresses", addresses);
        row("technician.disk_free", catalogue_.format("technician.megabytes", {{"n", format_.number(d.diskFreeBytes / 1'000'000)}}));
        view.logLines = d.logLines;
    }
    view.testReaderLabel = text("technician.test_reader");
    view.refreshLabel = text("technician.refresh");
    view.testResult = text(state_.readerTest);
    view.logoutLabel = text("staff_menu.logout");
    return view;
}

}  // namespace kiosk
