#pragma once
// Today's summary for staff: transactions, points issued and redeemed, and a
// small bar chart of transactions per hour (24 bars, hours labelled every 6).

#include "kiosk/ViewModels.h"
#include "ui/Screen.h"
#include "ui/screens/StaffScreenParts.h"

namespace ui {

class SummaryScreen final : public Screen<kiosk::SummaryView> {
public:
    const char* name() const override { return "today_summary"; }

    struct Layout {
        float titleY = 0.0f;
        Box lines;
        Box chart;  // label, bars and axis labels
        Box plot;   // the bars alone
        Box back;
    };
    static Layout layout(const kiosk::SummaryView& view, const UiContext& ui);

protected:
    std::optional<kiosk::Intent> drawContent(const kiosk::SummaryView& view, const UiContext& ui) override;
};

}  // namespace ui
