#pragma once
// The staff actions, from the menu to the answer: award points for a
// purchase (keypad, the rules' preview, confirm), redeem a reward, enrol an
// unknown card, replace a lost card, block a card, and for managers void the
// last transaction and adjust with a reason. Each is checked with the loyalty
// rules on the member's snapshot first, so the usual refusals (a velocity
// hold, an offline limit) show at once; the app checks again when it records.

#include <string>
#include <vector>

#include "kiosk/FlowSteps.h"
#include "loyalty/EarnCalculator.h"

namespace kiosk {

class ActionDesk {
public:
    static Outcome start(FlowContext context, StaffAction action);
    static Outcome handle(FlowContext context, const Intent& intent);
    static Outcome onNewCard(FlowContext context, const CardTapped& card);
    static Outcome onRecorded(FlowContext context, const DecisionRecorded& result);

    // The points the rules give for the amount on the keypad.
    static loyalty::Expected<loyalty::EarnBreakdown, loyalty::Refusal> previewEarn(const FlowState& state,
                                                                                    const loyalty::Program& program);
    // Catalogue keys of the reasons staff pick from (empty: no reason needed).
    static std::vector<std::string> reasonKeys(StaffAction action);
    // Everything the current action needs has been entered.
    static bool canConfirm(const FlowState& state, const loyalty::Program& program);

private:
    static Outcome onAmountEntry(FlowContext context, const Intent& intent);
    static Outcome onConfirmAction(FlowContext context, const Intent& intent);
    static Outcome confirmAmount(FlowContext context);
    static Outcome confirmAction(FlowContext context);
    static Outcome chooseReward(FlowContext context, const std::string& rewardId);
    static std::string reasonText(FlowContext context);
    static Outcome refuse(FlowContext context, const loyalty::Refusal& refusal, ScreenId back);
};

}  // namespace kiosk
