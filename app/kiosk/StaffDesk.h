#pragma once
// Staff at the kiosk: logging in (staff card and/or staff code, then PIN),
// the staff menu with its role gating, today's summary and the technician
// screen. The actions themselves (award, redeem, enrol, replace, block, void,
// adjust) are ActionDesk's.

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/FlowSteps.h"

namespace kiosk {

// Whether a staff action can be offered now.
enum class Availability {
    Available,
    ManagerOnly,       // the role does not allow it
    NeedsMember,       // no member card in hand
    NeedsUnknownCard,  // enrolment: an unknown card must be in hand
    NothingToVoid,     // void: no voidable transaction in the history
};

class StaffDesk {
public:
    static Outcome handle(FlowContext context, const Intent& intent);

    // The login screen; with a staff card (from a lookup) it asks for the PIN only.
    static Outcome startLogin(FlowContext context, const std::optional<StaffCard>& card);
    static Outcome onVerified(FlowContext context, const StaffVerified& result);
    static Outcome onRefused(FlowContext context, const StaffRefused& result);
    static Outcome onNewCard(FlowContext context, const CardTapped& card);
    static Outcome onRecorded(FlowContext context, const DecisionRecorded& result);

    static Availability availability(const FlowState& state, StaffAction action);
    static const std::array<StaffAction, 8>& menuOrder();

private:
    static Outcome onLogin(FlowContext context, const Intent& intent);
    static Outcome onMenu(FlowContext context, const Intent& intent);
    static Outcome onTechnician(FlowContext context, const Intent& intent);
    static Outcome chooseAction(FlowContext context, StaffAction action);
};

}  // namespace kiosk
