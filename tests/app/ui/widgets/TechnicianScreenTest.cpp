#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <imgui_internal.h>

#include "app/ui/widgets/ScreenHarness.h"
#include "ui/screens/TechnicianScreen.h"

// CppUTest last: its memory-leak macros redefine new.
#include <CppUTest/TestHarness.h>

using namespace screentest;

namespace {

kiosk::TechnicianView diagnostics(int logLines = 3) {
    kiosk::TechnicianView view;
    view.title = "Technician";
    view.rows = {{"Card reader", "Ready"},          {"Firmware", "PN532 v1.6"},     {"Last reader error", ""},
                 {"Last card read", "NTAG 424 \u2026A1B2"}, {"Head office", "Online"}, {"Events waiting", "3"},
                 {"Oldest unsent event", "42 s"},   {"Database size", "12 MB"},     {"Database check", "ok"},
                 {"Version", "0.1.0"},              {"Addresses", "192.168.1.20"},  {"Disk free", "3,120 MB"}};
    for (int i = 0; i < logLines; ++i) {
        view.logLines.push_back("12:00:0" + std::to_string(i % 10) + " sync: uploaded batch " + std::to_string(i));
    }
    view.testReaderLabel = "Test reader";
    view.refreshLabel = "Refresh";
    view.testResult = "Reader OK: PN532 v1.6";
    view.logoutLabel = "Log out";
    return view;
}

}  // namespace

TEST_GROUP(TechnicianScreen) {
    ui::TechnicianScreen screen;
};

TEST(TechnicianScreen, ShowsEveryRowTheLogTheResultAndTheButtons) {
    for (const auto& [width, height] : {std::pair{1280.0f, 800.0f}, std::pair{800.0f, 480.0f}}) {
        ScreenHarness harness(width, height);
        const auto view = diagnostics();
        const auto texts = harness.texts(screen, view);
        for (const auto& row : view.rows) {
            CHECK_TRUE(contains(texts, row.label));
            CHECK_TRUE(row.value.empty() || contains(texts, row.value));
        }
        for (const auto& line : view.logLines) {
            CHECK_TRUE(contains(texts, line));
        }
        for (const std::string& text : {view.title, view.testResult, view.testReaderLabel, view.refreshLabel,
                                        view.logoutLabel}) {
            CHECK_TRUE(contains(texts, text));
        }
        const auto layout = ui::TechnicianScreen::layout(view, harness.ui());
        std::vector<ui::Box> boxes{layout.rows, layout.logs, layout.testReader, layout.refresh, layout.logout};
        for (std::size_t i = 0; i < boxes.size(); ++i) {
            CHECK_TRUE(harness.onScreen(boxes[i]));
            for (std::size_t j = i + 1; j < boxes.size(); ++j) {
                CHECK_FALSE(overlaps(boxes[i], boxes[j]));
            }
        }
        CHECK_TRUE(layout.resultY > layout.rows.max.y && layout.resultY < layout.logout.min.y);
    }
}

TEST(TechnicianScreen, ButtonsSendTestRefreshAndLogout) {
    ScreenHarness harness(800.0f, 480.0f);
    const auto view = diagnostics();
    const auto layout = ui::TechnicianScreen::layout(view, harness.ui());
    CHECK_TRUE(holds<kiosk::RunReaderTest>(harness.tap(screen, view, layout.testReader.centre())));
    CHECK_TRUE(holds<kiosk::RefreshDiagnostics>(harness.tap(screen, view, layout.refresh.centre())));
    CHECK_TRUE(holds<kiosk::StaffLogout>(harness.tap(screen, view, layout.logout.centre())));
}

TEST(TechnicianScreen, TheLogScrollsWithAFinger) {
    ScreenHarness harness(800.0f, 480.0f);
    const auto view = diagnostics(60);
    const auto layout = ui::TechnicianScreen::layout(view, harness.ui());
    harness.drag(screen, view, ImVec2(layout.logs.centre().x, layout.logs.max.y - 20.0f),
                 ImVec2(layout.logs.centre().x, layout.logs.min.y + 20.0f));
    ImGuiWindow* log = nullptr;
    for (ImGuiWindow* window : ImGui::GetCurrentContext()->Windows) {
        if (std::string(window->Name).find("/log_") != std::string::npos) {
            log = window;
        }
    }
    CHECK_TRUE(log != nullptr);
    CHECK_TRUE(log->Scroll.y > layout.logs.height() * 0.5f);
}

TEST(TechnicianScreen, BusyTakesNoInput) {
    ScreenHarness harness(1280.0f, 800.0f, true);
    auto view = diagnostics();
    view.chrome.busy = true;
    const auto layout = ui::TechnicianScreen::layout(view, harness.ui());
    CHECK_FALSE(harness.tap(screen, view, layout.testReader.centre()).has_value());
    CHECK_FALSE(harness.tap(screen, view, layout.logout.centre()).has_value());
}
