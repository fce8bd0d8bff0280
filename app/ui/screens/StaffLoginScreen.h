#pragma once
// Staff log in: tap a staff card or type the staff number, then the PIN, on
// the numeric keypad. Shows who is logging in, the masked entry, a wrong-PIN
// or lockout message, OK and Cancel.

#include "kiosk/ViewModels.h"
#include "ui/Screen.h"
#include "ui/screens/StaffScreenParts.h"

namespace ui {

class StaffLoginScreen final : public Screen<kiosk::StaffLoginView> {
public:
    const char* name() const override { return "staff_login"; }

    struct Layout {
        KeypadColumn keys;  // keypad, Cancel, OK; keys.rest holds the texts
        Box entry;
        float textTop = 0.0f;   // title, prompt, staff name start here
        float errorTop = 0.0f;  // the error starts here, below the entry
        float bottom = 0.0f;    // where the error ends
    };
    static Layout layout(const kiosk::StaffLoginView& view, const UiContext& ui);

protected:
    std::optional<kiosk::Intent> drawContent(const kiosk::StaffLoginView& view, const UiContext& ui) override;
};

}  // namespace ui
