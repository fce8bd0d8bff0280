#include <string>
#include <vector>

#include "app/ui/widgets/HeadlessImGui.h"
#include "ui/Widgets.h"
#include "ui/widgets/DragScrollArea.h"

// CppUTest last: its memory-leak macros redefine new.
#include <CppUTest/TestHarness.h>

namespace {

const ImVec2 kAreaPos(200.0f, 100.0f);
const ImVec2 kAreaSize(600.0f, 400.0f);
constexpr int kRows = 30;

// A history-like list of 30 touch buttons, each the minimum target tall.
struct ListUnderTest {
    HeadlessImGui& imgui;
    std::vector<int> tapped;
    float scroll = 0.0f;
    int rows = kRows;
    int thumbVertices = 0;  // what end() added to the list's draw list: the scroll thumb

    float rowHeight() const { return imgui.ui().theme.minTouchTarget() + 8.0f; }

    std::function<void()> drawer() {
        return [this] {
            ui::DragScrollArea::begin("history", kAreaPos, kAreaSize, imgui.ui());
            scroll = ImGui::GetScrollY();
            const ImVec2 origin = ImGui::GetCursorScreenPos();
            for (int row = 0; row < rows; ++row) {
                ImGui::PushID(row);
                if (ui::touchButton("row", "Row " + std::to_string(row),
                                    ImVec2(origin.x, origin.y + static_cast<float>(row) * rowHeight()),
                                    ImVec2(kAreaSize.x, imgui.ui().theme.minTouchTarget()),
                                    ui::ButtonStyle::Secondary, imgui.ui())) {
                    tapped.push_back(row);
                }
                ImGui::PopID();
            }
            ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + static_cast<float>(rows) * rowHeight()));
            ImGui::Dummy(ImVec2(1, 1));  // the content's extent, for the scroll range
            ImDrawList* drawList = ImGui::GetWindowDrawList();
            const int before = drawList->VtxBuffer.Size;
            ui::DragScrollArea::end(imgui.ui());
            thumbVertices = drawList->VtxBuffer.Size - before;
        };
    }

    ImVec2 rowCentre(int row) const {
        return ImVec2(kAreaPos.x + kAreaSize.x / 2,
                      kAreaPos.y + static_cast<float>(row) * rowHeight() - scroll + rowHeight() / 2 - 4.0f);
    }
};

}  // namespace

TEST_GROUP(DragScrollArea) {
    HeadlessImGui imgui;
};

TEST(DragScrollArea, AFingerDraggedUpScrollsTheListByTheSameDistance) {
    ListUnderTest list{imgui, {}};
    imgui.frame(ImVec2(0, 0), false, list.drawer());
    DOUBLES_EQUAL(0.0, list.scroll, 0.01);
    const ImVec2 from = list.rowCentre(3);
    imgui.drag(from, ImVec2(from.x, from.y - 250.0f), 10, list.drawer());
    DOUBLES_EQUAL(250.0, list.scroll, 1.0);
    CHECK_TRUE(list.tapped.empty());  // the row the drag started on was not tapped
}

TEST(DragScrollArea, ScrollingStopsAtTheEndsOfTheList) {
    ListUnderTest list{imgui, {}};
    imgui.frame(ImVec2(0, 0), false, list.drawer());
    const ImVec2 from = list.rowCentre(1);
    imgui.drag(from, ImVec2(from.x, from.y + 300.0f), 6, list.drawer());  // pull down at the top
    DOUBLES_EQUAL(0.0, list.scroll, 0.01);
    const float maxScroll = kRows * list.rowHeight() + 1.0f - kAreaSize.y;
    for (int i = 0; i < 12; ++i) {
        const ImVec2 start = list.rowCentre(3);
        imgui.drag(ImVec2(start.x, kAreaPos.y + 350.0f), ImVec2(start.x, kAreaPos.y + 20.0f), 6, list.drawer());
    }
    DOUBLES_EQUAL(maxScroll, list.scroll, 1.0);
    CHECK_TRUE(list.tapped.empty());
}

TEST(DragScrollArea, ATapOnARowStillTapsItAfterScrolling) {
    ListUnderTest list{imgui, {}};
    imgui.frame(ImVec2(0, 0), false, list.drawer());
    const ImVec2 from = list.rowCentre(3);
    imgui.drag(from, ImVec2(from.x, from.y - 3 * list.rowHeight()), 6, list.drawer());
    DOUBLES_EQUAL(3 * list.rowHeight(), list.scroll, 1.0);
    imgui.tap(list.rowCentre(6), list.drawer());  // now where row 3 was
    LONGS_EQUAL(1, list.tapped.size());
    LONGS_EQUAL(6, list.tapped[0]);
}

TEST(DragScrollArea, ADragOutsideTheListDoesNotScrollIt) {
    ListUnderTest list{imgui, {}};
    imgui.frame(ImVec2(0, 0), false, list.drawer());
    imgui.drag(ImVec2(kAreaPos.x - 100.0f, 600.0f), ImVec2(kAreaPos.x + 300.0f, 200.0f), 6, list.drawer());
    DOUBLES_EQUAL(0.0, list.scroll, 0.01);
}

TEST(DragScrollArea, AListThatScrollsShowsAThumbAndOneThatFitsDoesNot) {
    ListUnderTest longList{imgui, {}};
    imgui.frame(ImVec2(0, 0), false, longList.drawer());  // ImGui learns the content's height
    imgui.frame(ImVec2(0, 0), false, longList.drawer());
    CHECK_TRUE(longList.thumbVertices > 0);
    ListUnderTest shortList{imgui, {}};
    shortList.rows = 2;
    imgui.frame(ImVec2(0, 0), false, shortList.drawer());
    imgui.frame(ImVec2(0, 0), false, shortList.drawer());
    LONGS_EQUAL(0, shortList.thumbVertices);
}
