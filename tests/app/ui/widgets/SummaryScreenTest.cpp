#include <cstdint>
#include <algorithm>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "app/ui/widgets/ScreenHarness.h"
#include "ui/screens/SummaryScreen.h"

// CppUTest last: its memory-leak macros redefine new.
#include <CppUTest/TestHarness.h>

using namespace screentest;

namespace {

kiosk::SummaryView summary() {
    kiosk::SummaryView view;
    view.title = "Resumen del d\u00eda";
    view.lines = {"Operaciones: 42", "Puntos sumados: 1.240 pts", "Puntos canjeados: 300 pts"};
    view.perHour = std::vector<std::int64_t>(24, 0);
    view.perHour[9] = 5;
    view.perHour[13] = 17;
    view.perHour[18] = 8;
    view.chartLabel = "Operaciones por hora";
    view.backLabel = "Volver";
    return view;
}

}  // namespace

TEST_GROUP(SummaryScreen) {
    ui::SummaryScreen screen;
};

TEST(SummaryScreen, ShowsTheLinesTheChartLabelItsScaleAndHoursEverySix) {
    for (const auto& [width, height] : {std::pair{1280.0f, 800.0f}, std::pair{800.0f, 480.0f}}) {
        ScreenHarness harness(width, height);
        const auto view = summary();
        const auto texts = harness.texts(screen, view);
        for (const std::string& text : {view.title, view.lines[0], view.lines[1], view.lines[2], view.chartLabel,
                                        view.backLabel}) {
            CHECK_TRUE(contains(texts, text));
        }
        CHECK_TRUE(contains(texts, "17"));  // the busiest hour sets the scale
        for (const char* hour : {"0", "6", "12", "18", "24"}) {
            CHECK_TRUE(contains(texts, hour));
        }
        CHECK_FALSE(contains(texts, "3"));  // no label between the sixes
        const auto layout = ui::SummaryScreen::layout(view, harness.ui());
        for (const ui::Box& box : {layout.lines, layout.chart, layout.plot, layout.back}) {
            CHECK_TRUE(harness.onScreen(box));
        }
        CHECK_FALSE(overlaps(layout.lines, layout.chart));
        CHECK_FALSE(overlaps(layout.chart, layout.back));
        // Room for 24 bars of at least a few pixels each.
        CHECK_TRUE(layout.plot.width() / 24.0f >= 8.0f);
        CHECK_TRUE(layout.plot.height() >= 60.0f);
    }
}

TEST(SummaryScreen, DrawsABarForEachHourWithTrafficScaledToTheBusiestHour) {
    ScreenHarness harness(1280.0f, 800.0f);
    const auto view = summary();
    const auto layout = ui::SummaryScreen::layout(view, harness.ui());
    harness.frame(screen, view, ImVec2(-1, -1), false);
    // The bars are the only accent-coloured shapes in the plot.
    const ImU32 accent = ui::toU32(harness.ui().theme.palette().accent);
    const float slot = layout.plot.width() / 24.0f;
    std::set<int> hours;
    float top = layout.plot.max.y;
    const ImDrawData* data = ImGui::GetDrawData();
    CHECK_TRUE(data != nullptr);
    for (int list = 0; list < data->CmdListsCount; ++list) {
        const ImDrawList* drawList = data->CmdLists[list];
        for (const ImDrawVert& vertex : drawList->VtxBuffer) {
            if (vertex.col != accent || vertex.pos.x < layout.plot.min.x || vertex.pos.x > layout.plot.max.x ||
                vertex.pos.y < layout.plot.min.y - 1.0f || vertex.pos.y > layout.plot.max.y + 1.0f) {
                continue;
            }
            hours.insert(static_cast<int>((vertex.pos.x - layout.plot.min.x) / slot));
            top = std::min(top, vertex.pos.y);
        }
    }
    CHECK_TRUE((hours == std::set<int>{9, 13, 18}));
    DOUBLES_EQUAL(layout.plot.min.y, top, 1.0);  // 17 transactions at 13:00 fill the plot
}

TEST(SummaryScreen, BackSendsCancelExceptWhileBusy) {
    ScreenHarness harness(800.0f, 480.0f, true);
    auto view = summary();
    const auto layout = ui::SummaryScreen::layout(view, harness.ui());
    CHECK_TRUE(holds<kiosk::Cancel>(harness.tap(screen, view, layout.back.centre())));
    view.chrome.busy = true;
    view.lines.clear();
    view.perHour.clear();  // still loading: axes only
    CHECK_FALSE(harness.tap(screen, view, layout.back.centre()).has_value());
}
