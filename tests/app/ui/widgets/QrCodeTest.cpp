#include <string>

#include "app/ui/widgets/HeadlessImGui.h"
#include "ui/widgets/QrCode.h"

// CppUTest last: its memory-leak macros redefine new.
#include <CppUTest/TestHarness.h>

namespace {

// A finder pattern: 7x7 dark ring, light ring, 3x3 dark centre, at (x, y).
bool finderAt(const ui::QrCode& code, int x, int y) {
    for (int dy = 0; dy < 7; ++dy) {
        for (int dx = 0; dx < 7; ++dx) {
            const bool ring = dx == 0 || dy == 0 || dx == 6 || dy == 6;
            const bool centre = dx >= 2 && dx <= 4 && dy >= 2 && dy <= 4;
            if (code.dark(x + dx, y + dy) != (ring || centre)) {
                return false;
            }
        }
    }
    return true;
}

}  // namespace

TEST_GROUP(QrCode){};

TEST(QrCode, AShortOneTimeCodeFitsVersionOneWithItsThreeFinderPatterns) {
    auto code = ui::QrCode::encode("RWD-7F3K-92QX");
    CHECK_TRUE(code.hasValue());
    LONGS_EQUAL(21, code->width());
    CHECK_TRUE(finderAt(*code, 0, 0));
    CHECK_TRUE(finderAt(*code, 14, 0));
    CHECK_TRUE(finderAt(*code, 0, 14));
    CHECK_FALSE(finderAt(*code, 14, 14));  // the fourth corner holds data
    CHECK_FALSE(code->dark(-1, 0));
    CHECK_FALSE(code->dark(21, 0));
}

TEST(QrCode, LongerTextTakesALargerVersion) {
    auto code = ui::QrCode::encode(std::string(120, 'A'));
    CHECK_TRUE(code.hasValue());
    CHECK_TRUE(code->width() > 21);
    LONGS_EQUAL(1, (code->width() - 17) % 4 == 0 ? 1 : 0);  // 17 + 4 x version
}

TEST(QrCode, EmptyOrOversizedTextIsRefusedWithAMessage) {
    auto empty = ui::QrCode::encode("");
    CHECK_FALSE(empty.hasValue());
    STRCMP_CONTAINS("nothing to encode", empty.error().c_str());
    auto huge = ui::QrCode::encode(std::string(4000, 'x'));
    CHECK_FALSE(huge.hasValue());
    STRCMP_CONTAINS("cannot hold 4000 bytes", huge.error().c_str());
}

TEST(QrCode, DrawsWholePixelModulesWithAQuietZone) {
    HeadlessImGui imgui;
    auto code = ui::QrCode::encode("RWD-7F3K-92QX");
    CHECK_TRUE(code.hasValue());
    float used = 0.0f;
    int vertices = 0;
    imgui.frame(ImVec2(0, 0), false, [&] {
        ImDrawList* drawList = ImGui::GetWindowDrawList();
        const int before = drawList->VtxBuffer.Size;
        used = code->draw(drawList, ImVec2(10.5f, 20.5f), 300.0f);
        vertices = drawList->VtxBuffer.Size - before;
    });
    // 21 modules + 2 x 4 quiet zone = 29; 300 / 29 = 10 whole pixels each.
    DOUBLES_EQUAL(290.0, used, 0.001);
    CHECK_TRUE(vertices > 4);  // the white square and the dark runs
    float tiny = 0.0f;
    imgui.frame(ImVec2(0, 0), false, [&] { tiny = code->draw(ImGui::GetWindowDrawList(), ImVec2(0, 0), 5.0f); });
    DOUBLES_EQUAL(29.0, tiny, 0.001);  // never below one pixel per module
}
