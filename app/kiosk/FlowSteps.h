#pragma once
// The steps the flow's handlers share: issuing an effect's request id,
// ending a session (back to attract, personal data dropped), building a
// RecordDecision with the session's context, showing a refusal.

#include "config/Catalog.h"
#include "kiosk/FlowState.h"
#include "loyalty/Program.h"
#include "loyalty/Refusal.h"

namespace kiosk {

// What a handler works with: the state it changes and what it reads.
struct FlowContext {
    FlowState& state;
    const loyalty::Program& program;
    const FlowSettings& settings;
    const config::Catalog& catalogue;  // the session's language (reasons are stored in it)
};

class FlowSteps {
public:
    // A new request id, now outstanding: the screen is busy until its answer.
    static RequestId begin(FlowState& state, PendingKind kind);
    // The answer to `request` is the one the flow waits for.
    static bool awaited(const FlowState& state, RequestId request, PendingKind kind);

    // Back to the attract screen: customer, staff, keypad, drafts, results and
    // any outstanding request are dropped; the language returns to the default.
    static void endSession(FlowState& state);
    // Staff logged out (or never logged in): the customer's screen, or attract.
    static void toCustomerScreen(FlowState& state);

    // The kiosk as the rules see it now: the snapshot's counters with the
    // current online state.
    static loyalty::KioskState kioskState(const FlowState& state);

    // A RecordDecision for the customer in hand, pending and ready to emit.
    static Effect record(FlowState& state, DecisionRequest what);

    // The ActionRefused screen for a refusal by the rules; OK goes to `back`.
    static void showRefusal(FlowState& state, const loyalty::Refusal& refusal, ScreenId back);
    // The Confirmation screen; OK goes to `back`.
    static void showConfirmation(FlowState& state, Text title, Text message, ScreenId back);
};

}  // namespace kiosk
