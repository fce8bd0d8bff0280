#include "kiosk/KioskFlow.h"

#include <cassert>
#include <type_traits>
#include <utility>

#include "kiosk/CustomerDesk.h"
#include "kiosk/FlowSteps.h"
#include "kiosk/Formatter.h"
#include "kiosk/StaffDesk.h"
#include "kiosk/ViewBuilder.h"

namespace kiosk {

namespace {

template <class... Ts>
struct Overloaded : Ts... {
    using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

Outcome changed() { return Outcome{true, {}}; }
Outcome unchanged() { return Outcome{false, {}}; }

// The catalogue section that says what went wrong and what to do.
std::string failureKey(FailureReason reason) {
    switch (reason) {
        case FailureReason::CardNotOnReader: return "failed.card_not_on_reader";
        case FailureReason::CardMoved: return "failed.card_moved";
        case FailureReason::CardUnsuitable: return "failed.card_unsuitable";
        case FailureReason::CannotIssueCards: return "failed.cannot_issue_cards";
        case FailureReason::ReaderUnavailable: return "failed.reader_unavailable";
        case FailureReason::Storage: break;
    }
    return "failed";
}

std::string lastCardText(const CardTapped& card) {
    const char* kind = card.kind == CardKind::Ntag424 ? "NTAG 424" : card.kind == CardKind::Ntag21x ? "NTAG 21x" : "UID";
    const std::string tail = card.uidHex.size() > 4 ? card.uidHex.substr(card.uidHex.size() - 4) : card.uidHex;
    return std::string(kind) + " \u2026" + tail;
}

bool isResultScreen(ScreenId screen) {
    return screen == ScreenId::Confirmation || screen == ScreenId::ActionRefused;
}

}  // namespace

KioskFlow::KioskFlow(loyalty::Program program, std::vector<config::Catalog> catalogues, FlowSettings settings)
    : program_(std::move(program)), catalogues_(std::move(catalogues)), settings_(settings) {
    assert(!catalogues_.empty());
}

const std::string& KioskFlow::language() const { return catalogue().language(); }

bool KioskFlow::holdsPersonalData() const {
    return state_.customer.has_value() || state_.staff.has_value() || !state_.keypad.empty() ||
           !state_.login.staffId.empty() || !state_.login.staffName.empty() || !state_.login.staffCode.empty() ||
           state_.draft.newCard.has_value() || !state_.draft.name.empty() || !state_.rewardCode.empty() ||
           (state_.pending && !state_.pending->card.token.empty());
}

std::int64_t KioskFlow::idleLimitMs() const {
    const bool staffScreen = state_.staff.has_value() || state_.screen == ScreenId::StaffLogin;
    return staffScreen ? settings_.staffIdleMs : settings_.customerIdleMs;
}

std::optional<std::int64_t> KioskFlow::nextDeadlineMs() const {
    if (state_.screen == ScreenId::Attract && state_.language == 0) {
        return std::nullopt;
    }
    return state_.lastActivityMs + idleLimitMs();
}

// ---- messages -------------------------------------------------------------------

Outcome KioskFlow::handle(const Message& message) {
    return std::visit(
        Overloaded{
            [this](const CardTapped& card) { return onCardTapped(card); },
            [this](const CardRemoved&) { return onCardRemoved(); },
            [this](const ReaderStatusChanged& status) {
                const bool differs = status.state != state_.reader.state || status.firmware != state_.reader.firmware ||
                                     status.lastError != state_.reader.lastError;
                state_.reader = status;
                return Outcome{differs, {}};
            },
            [this](const SyncStatusChanged& status) {
                const bool differs = status.online != state_.sync.online || status.queueDepth != state_.sync.queueDepth ||
                                     status.oldestUnsentAgeMs != state_.sync.oldestUnsentAgeMs ||
                                     status.lastSuccessAtMs != state_.sync.lastSuccessAtMs;
                state_.sync = status;
                return Outcome{differs, {}};
            },
            [this](const Tick& tick) { return onTick(tick); },
            [this](const CardLookedUp& result) { return onLookedUp(result); },
            [this](const StaffVerified& result) {
                if (!FlowSteps::awaited(state_, result.request, PendingKind::StaffPin)) {
                    return unchanged();
                }
                state_.lastActivityMs = state_.nowMs;
                return StaffDesk::onVerified(context(), result);
            },
            [this](const StaffRefused& result) {
                if (!FlowSteps::awaited(state_, result.request, PendingKind::StaffPin)) {
                    return unchanged();
                }
                state_.lastActivityMs = state_.nowMs;
                return StaffDesk::onRefused(context(), result);
            },
            [this](const DecisionRecorded& result) { return onRecorded(result); },
            [this](const DecisionRefused& result) { return onRefused(result); },
            [this](const DecisionFailed& result) { return onFailed(result); },
            [this](const TodaySummaryLoaded& result) {
                if (!FlowSteps::awaited(state_, result.request, PendingKind::Summary)) {
                    return unchanged();
                }
                state_.pending.reset();
                state_.summary = result.summary;
                return changed();
            },
            [this](const DiagnosticsLoaded& result) {
                if (!FlowSteps::awaited(state_, result.request, PendingKind::Diagnostics)) {
                    return unchanged();
                }
                state_.pending.reset();
                state_.diagnostics = result.diagnostics;
                return changed();
            },
            [this](const ReaderTested& result) {
                if (!FlowSteps::awaited(state_, result.request, PendingKind::ReaderTest)) {
                    return unchanged();
                }
                state_.pending.reset();
                state_.readerTest = Text{result.ok ? "technician.reader_test_ok" : "technician.reader_test_failed",
                                         {{"detail", result.detail}}};
                return changed();
            },
        },
        message);
}

Outcome KioskFlow::onTick(const Tick& tick) {
    state_.now = tick.now;
    state_.nowMs = tick.monotonicMs;
    const auto deadline = nextDeadlineMs();
    if (!deadline || tick.monotonicMs < *deadline) {
        return unchanged();
    }
    FlowSteps::endSession(state_);
    return changed();
}

Outcome KioskFlow::onCardTapped(const CardTapped& card) {
    state_.lastCardText = lastCardText(card);
    if (state_.screen == ScreenId::Technician) {
        return changed();  // the technician sees "last card read"; no customer session
    }
    if (state_.pending &&
        (state_.pending->kind == PendingKind::Decision || state_.pending->kind == PendingKind::StaffPin)) {
        return unchanged();  // never drop an answer that records something or logs someone in
    }
    state_.lastActivityMs = state_.nowMs;
    if (state_.screen == ScreenId::TapNewCard) {
        return StaffDesk::onNewCard(context(), card);
    }
    if (card.refusedByReader || card.token.empty()) {
        state_.pending.reset();
        state_.customer.reset();
        state_.screen = ScreenId::RefusedCard;
        return changed();
    }
    LookupCard lookup;
    lookup.request = FlowSteps::begin(state_, PendingKind::Lookup);
    lookup.token = card.token;
    state_.pending->card = card;
    if (!state_.staff && state_.screen != ScreenId::StaffLogin) {
        state_.screen = ScreenId::CardReading;
    }
    return Outcome{true, {lookup}};
}

Outcome KioskFlow::onCardRemoved() {
    if (!state_.pending || state_.pending->kind != PendingKind::Lookup) {
        return unchanged();  // a session goes on without the card: staff tap theirs next
    }
    if (state_.staff) {
        state_.pending.reset();  // keep serving; the lookup's answer is now stale
        return changed();
    }
    if (state_.customer) {
        // A second card (often a staff card) tapped and taken away before it
        // was read: the customer already served stays, as they were.
        state_.pending.reset();
        FlowSteps::toCustomerScreen(state_);
        return changed();
    }
    FlowSteps::endSession(state_);
    return changed();
}

Outcome KioskFlow::onLookedUp(const CardLookedUp& result) {
    if (!FlowSteps::awaited(state_, result.request, PendingKind::Lookup)) {
        return unchanged();
    }
    const CardTapped card = state_.pending->card;
    state_.pending.reset();
    state_.lastActivityMs = state_.nowMs;
    state_.notice = Text{};
    if (state_.staff) {
        // Staff were preparing something for the previous card: start over.
        state_.keypad.clear();
        state_.draft = ActionDraft{};
    }
    return std::visit(
        Overloaded{
            [&](const MemberSnapshot& snapshot) {
                state_.customer = CustomerSession::forMember(card, snapshot);
                state_.screen = state_.staff ? ScreenId::StaffMenu : ScreenId::Member;
                return changed();
            },
            [&](const UnknownCard&) {
                state_.customer = CustomerSession::forUnknownCard(card);
                state_.screen = state_.staff ? ScreenId::StaffMenu : ScreenId::UnknownCard;
                return changed();
            },
            [&](const RefusedCard&) {
                state_.customer.reset();
                state_.screen = ScreenId::RefusedCard;
                return changed();
            },
            [&](const StaffCard& staff) { return StaffDesk::startLogin(context(), staff); },
            [&](const LookupFailed&) {
                state_.customer.reset();
                state_.resultTitle = Text{"lookup_failed.title", {}};
                state_.resultMessage = Text{"lookup_failed.message", {}};
                state_.resultHint = Text{"lookup_failed.what_to_do", {}};
                state_.returnTo = state_.staff ? ScreenId::StaffMenu : ScreenId::Attract;
                state_.screen = ScreenId::ActionRefused;
                return changed();
            },
        },
        result.result);
}

Outcome KioskFlow::onRecorded(const DecisionRecorded& result) {
    if (!FlowSteps::awaited(state_, result.request, PendingKind::Decision)) {
        return unchanged();
    }
    state_.lastActivityMs = state_.nowMs;
    return StaffDesk::onRecorded(context(), result);
}

Outcome KioskFlow::onRefused(const DecisionRefused& result) {
    if (!FlowSteps::awaited(state_, result.request, PendingKind::Decision)) {
        return unchanged();
    }
    state_.pending.reset();
    state_.lastActivityMs = state_.nowMs;
    FlowSteps::showRefusal(state_, result.refusal, state_.staff ? ScreenId::StaffMenu : ScreenId::Member);
    return changed();
}

Outcome KioskFlow::onFailed(const DecisionFailed& result) {
    if (!FlowSteps::awaited(state_, result.request, PendingKind::Decision)) {
        return unchanged();
    }
    state_.pending.reset();
    state_.lastActivityMs = state_.nowMs;
    const std::string key = failureKey(result.reason);
    state_.resultTitle = Text{key + ".title", {}};
    state_.resultMessage = Text{key + ".message", {}};
    state_.resultHint = Text{key + ".what_to_do", {}};
    state_.returnTo = state_.staff ? ScreenId::StaffMenu : ScreenId::Member;
    state_.screen = ScreenId::ActionRefused;
    return changed();
}

// ---- intents ----------------------------------------------------------------------

Outcome KioskFlow::handle(const Intent& intent) {
    if (state_.pending) {
        return unchanged();  // busy: a double tap never records twice
    }
    state_.lastActivityMs = state_.nowMs;
    return onIntent(intent);
}

Outcome KioskFlow::onIntent(const Intent& intent) {
    if (const auto* choice = std::get_if<ChooseLanguage>(&intent)) {
        for (std::size_t i = 0; i < catalogues_.size(); ++i) {
            if (catalogues_[i].language() == choice->language) {
                const bool differs = i != state_.language;
                state_.language = i;
                return Outcome{differs, {}};
            }
        }
        return unchanged();  // a language we do not offer
    }
    if (std::holds_alternative<BackToStart>(intent)) {
        FlowSteps::endSession(state_);
        return changed();
    }
    if (isResultScreen(state_.screen)) {
        return onResultScreen(intent);
    }
    switch (state_.screen) {
        case ScreenId::Attract:
        case ScreenId::CardReading:
        case ScreenId::Member:
        case ScreenId::UnknownCard:
        case ScreenId::RefusedCard:
        case ScreenId::Rating:
        case ScreenId::RewardCode:
            return CustomerDesk::handle(context(), intent);
        default:
            return StaffDesk::handle(context(), intent);
    }
}

Outcome KioskFlow::onResultScreen(const Intent& intent) {
    const bool dismiss = std::holds_alternative<Confirm>(intent) || std::holds_alternative<Done>(intent) ||
                         std::holds_alternative<Cancel>(intent);
    if (!dismiss) {
        return unchanged();
    }
    const ScreenId back = state_.returnTo;
    if (back == ScreenId::Attract || (back == ScreenId::StaffMenu && !state_.staff)) {
        FlowSteps::endSession(state_);
    } else if (back == ScreenId::Member || back == ScreenId::UnknownCard) {
        FlowSteps::toCustomerScreen(state_);
    } else {
        state_.screen = back;
    }
    return changed();
}

// ---- views ------------------------------------------------------------------------

AttractView KioskFlow::attractView() const { return ViewBuilder(state_, program_, catalogues_).attract(); }
MessageView KioskFlow::messageView() const { return ViewBuilder(state_, program_, catalogues_).message(); }
MemberView KioskFlow::memberView() const { return ViewBuilder(state_, program_, catalogues_).member(); }
StaffLoginView KioskFlow::staffLoginView() const { return ViewBuilder(state_, program_, catalogues_).staffLogin(); }
StaffMenuView KioskFlow::staffMenuView() const { return ViewBuilder(state_, program_, catalogues_).staffMenu(); }
AmountEntryView KioskFlow::amountEntryView() const { return ViewBuilder(state_, program_, catalogues_).amountEntry(); }
RewardChoiceView KioskFlow::rewardChoiceView() const {
    return ViewBuilder(state_, program_, catalogues_).rewardChoice();
}
MessageView KioskFlow::tapNewCardView() const { return ViewBuilder(state_, program_, catalogues_).tapNewCard(); }
ConfirmActionView KioskFlow::confirmActionView() const {
    return ViewBuilder(state_, program_, catalogues_).confirmAction();
}
RatingView KioskFlow::ratingView() const { return ViewBuilder(state_, program_, catalogues_).rating(); }
RewardCodeView KioskFlow::rewardCodeView() const { return ViewBuilder(state_, program_, catalogues_).rewardCode(); }
SummaryView KioskFlow::summaryView() const { return ViewBuilder(state_, program_, catalogues_).summary(); }
TechnicianView KioskFlow::technicianView() const { return ViewBuilder(state_, program_, catalogues_).technician(); }

}  // namespace kiosk
