#pragma once
// The kiosk's flow state machine: which screen shows, in which language, and
// what it says. No ImGui, no SDL, no I/O, no clock: the app hands it messages
// (card reader, sync, clock ticks, answers to effects) and the intents people
// express on screens; it answers with what changed and the effects to run.
// The design is written down in docs/kiosk-flow.md.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "config/Catalog.h"
#include "kiosk/Effects.h"
#include "kiosk/FlowState.h"
#include "kiosk/FlowSteps.h"
#include "kiosk/Intent.h"
#include "kiosk/Messages.h"
#include "kiosk/ViewModels.h"
#include "loyalty/Program.h"

namespace kiosk {

class KioskFlow {
public:
    // catalogues: one per offered language, in button order; the first is
    // the default every customer session starts in.
    KioskFlow(loyalty::Program program, std::vector<config::Catalog> catalogues, FlowSettings settings = {});

    ScreenId screen() const { return state_.screen; }
    const std::string& language() const;
    // An effect is outstanding: screens show busy and intents are ignored.
    bool busy() const { return state_.pending.has_value(); }
    // Anything about a customer or a member of staff is held (false on the
    // attract screen, always).
    bool holdsPersonalData() const;
    // When the next idle timeout falls due (monotonic ms), so the UI loop can
    // sleep until then; nullopt when nothing is due.
    std::optional<std::int64_t> nextDeadlineMs() const;

    Outcome handle(const Intent& intent);
    Outcome handle(const Message& message);

    AttractView attractView() const;
    MessageView messageView() const;  // CardReading, UnknownCard, RefusedCard, Confirmation, ActionRefused
    MemberView memberView() const;
    StaffLoginView staffLoginView() const;
    StaffMenuView staffMenuView() const;
    AmountEntryView amountEntryView() const;
    RewardChoiceView rewardChoiceView() const;
    MessageView tapNewCardView() const;
    ConfirmActionView confirmActionView() const;
    RatingView ratingView() const;
    RewardCodeView rewardCodeView() const;
    SummaryView summaryView() const;
    TechnicianView technicianView() const;

private:
    const config::Catalog& catalogue() const { return catalogues_[state_.language]; }
    FlowContext context() { return FlowContext{state_, program_, settings_, catalogue()}; }
    std::int64_t idleLimitMs() const;

    Outcome onIntent(const Intent& intent);
    Outcome onCardTapped(const CardTapped& card);
    Outcome onCardRemoved();
    Outcome onTick(const Tick& tick);
    Outcome onLookedUp(const CardLookedUp& result);
    Outcome onRecorded(const DecisionRecorded& result);
    Outcome onRefused(const DecisionRefused& result);
    Outcome onFailed(const DecisionFailed& result);
    Outcome onResultScreen(const Intent& intent);

    loyalty::Program program_;
    std::vector<config::Catalog> catalogues_;
    FlowSettings settings_;
    FlowState state_;
};

}  // namespace kiosk
