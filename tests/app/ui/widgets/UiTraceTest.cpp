#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/ui/widgets/HeadlessImGui.h"
#include "support/TempDir.h"
#include "ui/UiTrace.h"
#include "ui/Widgets.h"

// CppUTest last: its memory-leak macros redefine new.
#include <CppUTest/TestHarness.h>

namespace {

std::vector<nlohmann::json> readLines(const std::string& path) {
    std::ifstream in(path);
    std::vector<nlohmann::json> lines;
    std::string line;
    while (std::getline(in, line)) {
        lines.push_back(nlohmann::json::parse(line));
    }
    return lines;
}

}  // namespace

TEST_GROUP(UiTrace) {
    testsupport::TempDir dir{"ui-trace"};
    HeadlessImGui imgui;
    std::string path() const { return dir.path() + "/trace.jsonl"; }
};

TEST(UiTrace, EachFrameIsOneLineWithItsScreenAndTextsInDrawingOrder) {
    ui::UiTrace trace(path());
    STRCMP_EQUAL("", trace.error().c_str());
    const auto& context = imgui.ui();
    imgui.frame(ImVec2(-1, -1), false, [&] {
        trace.beginFrame("member");
        ui::centeredText("Hola, Ana. A long sentence that wraps over several lines on a narrow column",
                         context.fonts.get(ui::FontRole::Body), IM_COL32_WHITE, 0, 200, 10);
        ui::touchButton("ok", "Canjear", ImVec2(10, 300), ImVec2(200, 100), ui::ButtonStyle::Primary, context);
        ui::drawText(ImGui::GetWindowDrawList(), context.fonts.get(ui::FontRole::Small), ImVec2(0, 0),
                     IM_COL32_WHITE, "1.240 pts \"pendientes\"");
        trace.endFrame();
        trace.write();
    });
    imgui.frame(ImVec2(-1, -1), false, [&] {
        trace.beginFrame("attract");
        trace.endFrame();
        trace.write();
    });
    const auto lines = readLines(path());
    LONGS_EQUAL(2, lines.size());
    LONGS_EQUAL(1, lines[0]["frame"].get<int>());
    STRCMP_EQUAL("member", lines[0]["screen"].get<std::string>().c_str());
    const auto texts = lines[0]["texts"].get<std::vector<std::string>>();
    LONGS_EQUAL(3, texts.size());  // the wrapped sentence once, not once per line
    STRCMP_EQUAL("Hola, Ana. A long sentence that wraps over several lines on a narrow column", texts[0].c_str());
    STRCMP_EQUAL("Canjear", texts[1].c_str());
    STRCMP_EQUAL("1.240 pts \"pendientes\"", texts[2].c_str());
    STRCMP_EQUAL("attract", lines[1]["screen"].get<std::string>().c_str());
    CHECK_TRUE(lines[1]["texts"].empty());
}

TEST(UiTrace, TextsOutsideATracedFrameAreNotRecorded) {
    ui::UiTrace trace(path());
    imgui.frame(ImVec2(-1, -1), false, [&] {
        ui::drawText(ImGui::GetWindowDrawList(), imgui.ui().fonts.get(ui::FontRole::Small), ImVec2(0, 0),
                     IM_COL32_WHITE, "untraced");
        POINTERS_EQUAL(nullptr, ui::UiTrace::active());
    });
    imgui.frame(ImVec2(-1, -1), false, [&] {
        trace.beginFrame("attract");
        CHECK_TRUE(ui::UiTrace::active() == &trace);
        trace.endFrame();
        POINTERS_EQUAL(nullptr, ui::UiTrace::active());
        trace.write();
    });
    const auto lines = readLines(path());
    LONGS_EQUAL(1, lines.size());
    CHECK_TRUE(lines[0]["texts"].empty());
}

TEST(UiTrace, TouchTargetsAndTimingsAreWrittenSoAScriptCanTapByLabel) {
    ui::UiTrace trace(path());
    const auto& context = imgui.ui();
    imgui.frame(ImVec2(-1, -1), false, [&] {
        trace.beginFrame("staff_menu");
        ui::touchButton("award", "Award points", ImVec2(40, 300), ImVec2(260, 120), ui::ButtonStyle::Primary, context);
        ui::traceButton("Void", ImVec2(400, 300), ImVec2(200, 100));
        trace.endFrame();
        trace.write(ui::FrameTiming{1234.56, 2.04, 1220.0});
    });
    imgui.frame(ImVec2(-1, -1), false, [&] {
        trace.beginFrame("attract");
        trace.endFrame();
        trace.write();
    });
    const auto lines = readLines(path());
    LONGS_EQUAL(2, lines.size());
    const auto& buttons = lines[0]["buttons"];
    LONGS_EQUAL(2, buttons.size());
    STRCMP_EQUAL("Award points", buttons[0]["label"].get<std::string>().c_str());
    DOUBLES_EQUAL(40.0, buttons[0]["x"].get<double>(), 0.01);
    DOUBLES_EQUAL(300.0, buttons[0]["y"].get<double>(), 0.01);
    CHECK_TRUE(buttons[0]["w"].get<double>() >= 260.0);  // never smaller than asked, maybe larger (touch minimum)
    STRCMP_EQUAL("Void", buttons[1]["label"].get<std::string>().c_str());
    DOUBLES_EQUAL(1234.5, lines[0]["t_ms"].get<double>(), 0.01);
    DOUBLES_EQUAL(2.0, lines[0]["draw_ms"].get<double>(), 0.01);
    DOUBLES_EQUAL(1220.0, lines[0]["card_ms"].get<double>(), 0.01);
    // A frame without targets or timings carries neither.
    CHECK_FALSE(lines[1].contains("buttons"));
    CHECK_FALSE(lines[1].contains("t_ms"));
    CHECK_FALSE(lines[1].contains("card_ms"));
}

TEST(UiTrace, AnUnwritablePathIsAnErrorNotACrash) {
    ui::UiTrace trace(dir.path() + "/missing/dir/trace.jsonl");
    STRCMP_CONTAINS("cannot open", trace.error().c_str());
    trace.beginFrame("attract");
    POINTERS_EQUAL(nullptr, ui::UiTrace::active());
    trace.endFrame();
}
