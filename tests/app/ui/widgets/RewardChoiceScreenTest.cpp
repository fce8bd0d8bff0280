#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/ui/widgets/ScreenHarness.h"
#include "ui/screens/RewardChoiceScreen.h"

// CppUTest last: its memory-leak macros redefine new.
#include <CppUTest/TestHarness.h>

using namespace screentest;

namespace {

kiosk::RewardChoiceView rewards(int count) {
    kiosk::RewardChoiceView view;
    view.title = "Elija un premio";
    view.cancelLabel = "Cancelar";
    for (int i = 0; i < count; ++i) {
        kiosk::RewardLine line;
        line.id = "reward-" + std::to_string(i);
        line.name = "Premio " + std::to_string(i);
        line.costText = std::to_string(100 * (i + 1)) + " pts";
        line.affordable = i != 1;
        line.statusText = i == 1 ? "40 pts para conseguirlo" : "P\u00eddalo al personal";
        view.rewards.push_back(line);
    }
    return view;
}

ImVec2 rowCentre(const ui::RewardChoiceScreen::Layout& layout, int row, float scroll, const ui::UiContext& ui) {
    const float step = layout.rowHeight + ui::layoutGap(ui);
    return ImVec2(layout.list.centre().x, layout.list.min.y + static_cast<float>(row) * step + layout.rowHeight * 0.5f - scroll);
}

}  // namespace

TEST_GROUP(RewardChoiceScreen) {
    ui::RewardChoiceScreen screen;
};

TEST(RewardChoiceScreen, ShowsEachRewardWithItsCostAndStatus) {
    for (const auto& [width, height] : {std::pair{1280.0f, 800.0f}, std::pair{800.0f, 480.0f}}) {
        ScreenHarness harness(width, height);
        const auto texts = harness.texts(screen, rewards(2));
        for (const char* text : {"Elija un premio", "Premio 0", "100 pts", "P\u00eddalo al personal", "Premio 1",
                                 "200 pts", "40 pts para conseguirlo", "Cancelar"}) {
            CHECK_TRUE(contains(texts, text));
        }
        const auto layout = ui::RewardChoiceScreen::layout(rewards(2), harness.ui());
        CHECK_TRUE(harness.onScreen(layout.list));
        CHECK_TRUE(harness.onScreen(layout.cancel));
        CHECK_TRUE(atLeast(layout.rowHeight, harness.ui().theme.minTouchTarget()));
        CHECK_FALSE(overlaps(layout.list, layout.cancel));
    }
}

TEST(RewardChoiceScreen, TappingAnAffordableRewardChoosesIt) {
    ScreenHarness harness(800.0f, 480.0f);
    const auto view = rewards(3);
    const auto layout = ui::RewardChoiceScreen::layout(view, harness.ui());
    const auto intent = harness.tap(screen, view, rowCentre(layout, 2, 0.0f, harness.ui()));
    CHECK_TRUE(holds<kiosk::ChooseReward>(intent));
    STRCMP_EQUAL("reward-2", std::get<kiosk::ChooseReward>(*intent).rewardId.c_str());
}

TEST(RewardChoiceScreen, ARewardOutOfReachDoesNothing) {
    ScreenHarness harness(1280.0f, 800.0f);
    const auto view = rewards(3);
    const auto layout = ui::RewardChoiceScreen::layout(view, harness.ui());
    CHECK_FALSE(harness.tap(screen, view, rowCentre(layout, 1, 0.0f, harness.ui())).has_value());
}

TEST(RewardChoiceScreen, ALongListScrollsWithAFingerAndADragChoosesNothing) {
    ScreenHarness harness(800.0f, 480.0f);
    const auto view = rewards(12);
    const auto layout = ui::RewardChoiceScreen::layout(view, harness.ui());
    const float step = layout.rowHeight + ui::layoutGap(harness.ui());
    // Row 10 is below the visible list at first.
    CHECK_TRUE(rowCentre(layout, 10, 0.0f, harness.ui()).y > layout.list.max.y);
    const ImVec2 from(layout.list.centre().x, layout.list.max.y - 10.0f);
    const float distance = step * 8.0f;
    CHECK_FALSE(harness.drag(screen, view, from, ImVec2(from.x, from.y - distance)).has_value());
    // Dragged 8 rows up: row 10 is now where row 2 was.
    const auto intent = harness.tap(screen, view, rowCentre(layout, 10, distance, harness.ui()));
    CHECK_TRUE(holds<kiosk::ChooseReward>(intent));
    STRCMP_EQUAL("reward-10", std::get<kiosk::ChooseReward>(*intent).rewardId.c_str());
}

TEST(RewardChoiceScreen, CancelGoesBackAndBusyTakesNoInput) {
    ScreenHarness harness(1280.0f, 800.0f, true);
    auto view = rewards(2);
    const auto layout = ui::RewardChoiceScreen::layout(view, harness.ui());
    CHECK_TRUE(holds<kiosk::Cancel>(harness.tap(screen, view, layout.cancel.centre())));
    view.chrome.busy = true;
    CHECK_FALSE(harness.tap(screen, view, layout.cancel.centre()).has_value());
    CHECK_FALSE(harness.tap(screen, view, rowCentre(layout, 0, 0.0f, harness.ui())).has_value());
}
