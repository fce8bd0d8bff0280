#pragma once
// The technician's diagnostics: reader, sync, database, version, addresses,
// disk as label/value rows, the recent log lines (both scroll with a
// finger), "Test reader" with its result, Refresh and Logout.

#include "kiosk/ViewModels.h"
#include "ui/Screen.h"
#include "ui/screens/StaffScreenParts.h"

namespace ui {

class TechnicianScreen final : public Screen<kiosk::TechnicianView> {
public:
    const char* name() const override { return "technician"; }

    struct Layout {
        float titleY = 0.0f;
        Box rows;
        float rowHeight = 0.0f;
        Box logs;
        float logLineHeight = 0.0f;
        float resultY = 0.0f;
        Box testReader;
        Box refresh;
        Box logout;
    };
    static Layout layout(const kiosk::TechnicianView& view, const UiContext& ui);

protected:
    std::optional<kiosk::Intent> drawContent(const kiosk::TechnicianView& view, const UiContext& ui) override;
};

}  // namespace ui
