#pragma once
// Award points for a purchase amount, or (managers) adjust points: the
// numeric keypad, the amount as typed, the points the rules give with their
// breakdown, the rules' refusal if any, and for an adjustment the sign and
// the reason to pick.

#include "kiosk/ViewModels.h"
#include "ui/Screen.h"
#include "ui/screens/StaffScreenParts.h"

namespace ui {

class AmountEntryScreen final : public Screen<kiosk::AmountEntryView> {
public:
    const char* name() const override { return "amount_entry"; }

    struct Layout {
        KeypadColumn keys;  // keys.extra: the sign toggle when view.showSign
        float textTop = 0.0f;
        Box entry;
        float previewTop = 0.0f;
        float previewBottom = 0.0f;
        Box reasons;  // empty when the view has none
        int reasonColumns = 1;
    };
    static Layout layout(const kiosk::AmountEntryView& view, const UiContext& ui);

protected:
    std::optional<kiosk::Intent> drawContent(const kiosk::AmountEntryView& view, const UiContext& ui) override;
};

}  // namespace ui
