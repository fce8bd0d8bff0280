#include <optional>
#include <vector>

#include "app/ui/widgets/HeadlessImGui.h"
#include "ui/widgets/Keypad.h"

// CppUTest last: its memory-leak macros redefine new.
#include <CppUTest/TestHarness.h>

namespace {

const ui::KeypadLabels kLabels{"Clear", "Back"};
const ImVec2 kOrigin(100.0f, 120.0f);

// Every key released while the frames ran, in order.
struct KeypadUnderTest {
    HeadlessImGui& imgui;
    ImVec2 requested;
    std::vector<ui::KeypadKey> released;

    std::function<void()> drawer() {
        return [this] {
            if (auto key = ui::Keypad::draw("keypad", kOrigin, requested, kLabels, imgui.ui())) {
                released.push_back(*key);
            }
        };
    }

    // Centre of the key at column, row for the keypad as drawn.
    ImVec2 centreOf(int column, int row) const {
        const ImVec2 minimum = ui::Keypad::minimumSize(imgui.ui());
        const ImVec2 size(std::max(requested.x, minimum.x), std::max(requested.y, minimum.y));
        const float gap = imgui.ui().theme.mm(2.0f);
        const float keyW = (size.x - 2 * gap) / 3;
        const float keyH = (size.y - 3 * gap) / 4;
        return ImVec2(kOrigin.x + static_cast<float>(column) * (keyW + gap) + keyW / 2,
                      kOrigin.y + static_cast<float>(row) * (keyH + gap) + keyH / 2);
    }
};

}  // namespace

TEST_GROUP(Keypad) {
    HeadlessImGui imgui;
};

TEST(Keypad, EveryKeyIsAtLeastTheMinimumTouchTarget) {
    const float key = imgui.ui().theme.minTouchTarget();
    const ImVec2 minimum = ui::Keypad::minimumSize(imgui.ui());
    CHECK_TRUE(minimum.x >= 3 * key);
    CHECK_TRUE(minimum.y >= 4 * key);
    // 15 mm at 150 dpi is about 89 px.
    DOUBLES_EQUAL(88.6, key, 0.1);
}

TEST(Keypad, ATapOnAKeyReturnsItOnceWhenTheFingerLifts) {
    KeypadUnderTest keypad{imgui, ImVec2(420, 520), {}};
    imgui.frame(keypad.centreOf(0, 2), true, keypad.drawer());
    CHECK_TRUE(keypad.released.empty());  // pressed, not yet released
    imgui.frame(keypad.centreOf(0, 2), false, keypad.drawer());
    imgui.frame(keypad.centreOf(0, 2), false, keypad.drawer());
    LONGS_EQUAL(1, keypad.released.size());
    CHECK_TRUE(keypad.released[0] == ui::KeypadKey::Digit7);
}

TEST(Keypad, TheBottomRowIsClearZeroBack) {
    KeypadUnderTest keypad{imgui, ImVec2(420, 520), {}};
    imgui.tap(keypad.centreOf(0, 3), keypad.drawer());
    imgui.tap(keypad.centreOf(1, 3), keypad.drawer());
    imgui.tap(keypad.centreOf(2, 3), keypad.drawer());
    imgui.tap(keypad.centreOf(2, 0), keypad.drawer());
    LONGS_EQUAL(4, keypad.released.size());
    CHECK_TRUE(keypad.released[0] == ui::KeypadKey::Clear);
    CHECK_TRUE(keypad.released[1] == ui::KeypadKey::Digit0);
    CHECK_TRUE(keypad.released[2] == ui::KeypadKey::Back);
    CHECK_TRUE(keypad.released[3] == ui::KeypadKey::Digit3);
}

TEST(Keypad, AFingerThatSlidesOffTheKeyTypesNothing) {
    KeypadUnderTest keypad{imgui, ImVec2(420, 520), {}};
    const ImVec2 five = keypad.centreOf(1, 1);
    // Slides 4 mm within the key, then lifts: a drag, not a tap.
    imgui.drag(five, ImVec2(five.x + imgui.ui().theme.mm(4.0f), five.y), 4, keypad.drawer());
    CHECK_TRUE(keypad.released.empty());
    // A small wobble (1 mm) is still a tap.
    imgui.drag(five, ImVec2(five.x + imgui.ui().theme.mm(1.0f), five.y), 2, keypad.drawer());
    LONGS_EQUAL(1, keypad.released.size());
    CHECK_TRUE(keypad.released[0] == ui::KeypadKey::Digit5);
}

TEST(Keypad, ATooSmallRequestGrowsToTheMinimum) {
    KeypadUnderTest keypad{imgui, ImVec2(30, 30), {}};
    imgui.tap(keypad.centreOf(2, 2), keypad.drawer());
    LONGS_EQUAL(1, keypad.released.size());
    CHECK_TRUE(keypad.released[0] == ui::KeypadKey::Digit9);
}

TEST(Keypad, DigitsMapToTheirValuesAndTheOtherKeysToNone) {
    LONGS_EQUAL(0, *ui::keypadDigit(ui::KeypadKey::Digit0));
    LONGS_EQUAL(9, *ui::keypadDigit(ui::KeypadKey::Digit9));
    CHECK_FALSE(ui::keypadDigit(ui::KeypadKey::Clear).has_value());
    CHECK_FALSE(ui::keypadDigit(ui::KeypadKey::Back).has_value());
}
