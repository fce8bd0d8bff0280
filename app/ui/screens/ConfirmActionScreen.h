#pragma once
// Staff confirm what is about to happen (redeem, enrol, replace, block,
// void): what will happen, the reason to pick where one is needed, and for
// an enrolment the member's first name typed on an on-screen letter keyboard
// (each change is sent as EnterName). Confirm stays muted until the flow
// says everything needed is there.

#include "kiosk/ViewModels.h"
#include "ui/Screen.h"
#include "ui/screens/StaffScreenParts.h"
#include "ui/widgets/TextKeyboard.h"

namespace ui {

class ConfirmActionScreen final : public Screen<kiosk::ConfirmActionView> {
public:
    // Names longer than this (UTF-8 bytes) are refused by the rules
    // (loyalty::MembershipRules::kMaxDisplayNameBytes); the keyboard stops there.
    static constexpr std::size_t kMaxNameBytes = 64;

    const char* name() const override { return "confirm_action"; }

    struct Layout {
        float textTop = 0.0f;
        Box text;        // title and lines are centred in this box's width
        Box nameField;   // empty unless view.needsName
        Box reasons;     // empty when there are none
        int reasonColumns = 1;
        float errorTop = 0.0f;  // with a name to type, the error is one of the texts
        Box keyboard;    // empty unless view.needsName
        Box cancel;
        Box confirm;
    };
    static Layout layout(const kiosk::ConfirmActionView& view, const UiContext& ui);

    const TextKeyboard& keyboard() const { return keyboard_; }

protected:
    std::optional<kiosk::Intent> drawContent(const kiosk::ConfirmActionView& view, const UiContext& ui) override;

private:
    TextKeyboard keyboard_{kMaxNameBytes};
};

}  // namespace ui
