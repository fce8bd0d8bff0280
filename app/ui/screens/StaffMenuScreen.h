#pragma once
// The staff menu: who is logged in, whose card is on the reader, and a grid
// of large action tiles. Actions the flow cannot offer now are drawn muted
// with the reason ("Manager only") and do nothing when tapped.

#include <vector>

#include "kiosk/ViewModels.h"
#include "ui/Screen.h"
#include "ui/screens/StaffScreenParts.h"

namespace ui {

class StaffMenuScreen final : public Screen<kiosk::StaffMenuView> {
public:
    const char* name() const override { return "staff_menu"; }

    struct Layout {
        float headerY = 0.0f;
        std::vector<Box> actions;  // one per view.actions, in order
        float noticeY = 0.0f;
        Box switchStaff;
        Box logout;
    };
    static Layout layout(const kiosk::StaffMenuView& view, const UiContext& ui);

protected:
    std::optional<kiosk::Intent> drawContent(const kiosk::StaffMenuView& view, const UiContext& ui) override;
};

}  // namespace ui
