#include <optional>
#include <string>

#include "app/ui/widgets/HeadlessImGui.h"
#include "ui/widgets/TextKeyboard.h"

// CppUTest last: its memory-leak macros redefine new.
#include <CppUTest/TestHarness.h>

namespace {

using Kind = ui::TextKeyboard::KeyKind;
using Layer = ui::TextKeyboard::Layer;

const ImVec2 kOrigin(40.0f, 300.0f);

struct KeyboardUnderTest {
    explicit KeyboardUnderTest(HeadlessImGui& harness) : imgui(harness) {}

    HeadlessImGui& imgui;
    ui::TextKeyboard keyboard{12};
    std::string text;
    int changes = 0;
    ImVec2 size = ui::TextKeyboard::preferredSize(imgui.ui());

    std::function<void()> drawer() {
        return [this] {
            if (keyboard.draw("kb", kOrigin, size, text, imgui.ui())) {
                ++changes;
            }
        };
    }

    ImVec2 centre(Kind kind, char32_t c = 0) {
        const auto at = ui::TextKeyboard::keyCentre(keyboard.layer(), kind, c, kOrigin, size, imgui.ui());
        CHECK_TRUE(at.has_value());
        return *at;
    }

    void type(char32_t c) { imgui.tap(centre(Kind::Character, c), drawer()); }
    void press(Kind kind) { imgui.tap(centre(kind), drawer()); }
};

}  // namespace

TEST_GROUP(TextKeyboard) {
    HeadlessImGui imgui;
};

TEST(TextKeyboard, EveryKeyIsAtLeastTheMinimumTouchTargetAtItsPreferredSize) {
    const ImVec2 size = ui::TextKeyboard::preferredSize(imgui.ui());
    const float target = imgui.ui().theme.minTouchTarget();
    for (const Layer layer : {Layer::Letters, Layer::Accents}) {
        for (const auto& key : ui::TextKeyboard::keys(layer)) {
            const ImVec2 extent = ui::TextKeyboard::keySize(key, size, imgui.ui());
            CHECK_TRUE(extent.x >= target - 0.01f);
            CHECK_TRUE(extent.y >= target - 0.01f);
            const ImVec2 min = ui::TextKeyboard::keyMin(key, ImVec2(0, 0), size, imgui.ui());
            CHECK_TRUE(min.x + extent.x <= size.x + 0.01f);  // no key sticks out
        }
    }
}

TEST(TextKeyboard, NoTwoKeysOverlap) {
    for (const Layer layer : {Layer::Letters, Layer::Accents}) {
        const auto& keys = ui::TextKeyboard::keys(layer);
        for (std::size_t i = 0; i < keys.size(); ++i) {
            for (std::size_t j = i + 1; j < keys.size(); ++j) {
                if (keys[i].row != keys[j].row) {
                    continue;
                }
                const float endI = keys[i].column + keys[i].span;
                const float endJ = keys[j].column + keys[j].span;
                CHECK_TRUE(endI <= keys[j].column || endJ <= keys[i].column);
            }
        }
        LONGS_EQUAL(ui::TextKeyboard::kRows, keys.back().row + 1);
    }
}

TEST(TextKeyboard, TheFirstLetterIsCapitalisedTheRestAreNot) {
    KeyboardUnderTest kb{imgui};
    CHECK_TRUE(kb.keyboard.shifted());
    kb.type(U'a');
    kb.type(U'n');
    kb.type(U'a');
    STRCMP_EQUAL("Ana", kb.text.c_str());
    LONGS_EQUAL(3, kb.changes);
}

TEST(TextKeyboard, TypesNWithTildeFromTheLettersLayerAndAccentsFromTheSecondLayer) {
    KeyboardUnderTest kb{imgui};
    kb.press(Kind::SwitchLayer);
    CHECK_TRUE(kb.keyboard.layer() == Layer::Accents);
    kb.type(U'\u00ed');  // í, capitalised: Í
    kb.press(Kind::SwitchLayer);
    CHECK_TRUE(kb.keyboard.layer() == Layer::Letters);
    kb.type(U'\u00f1');  // ñ
    kb.type(U'i');
    kb.type(U'g');
    kb.type(U'o');
    STRCMP_EQUAL("\u00cd\u00f1igo", kb.text.c_str());
}

TEST(TextKeyboard, ShiftFlipsTheNextLetterOnly) {
    KeyboardUnderTest kb{imgui};
    kb.press(Kind::Shift);  // off: the first letter comes out small
    CHECK_FALSE(kb.keyboard.shifted());
    kb.type(U'd');
    kb.press(Kind::Shift);
    kb.type(U'j');
    kb.type(U'o');
    STRCMP_EQUAL("dJo", kb.text.c_str());
}

TEST(TextKeyboard, EachWordStartsCapitalisedAndSpacesAreNeverLeadingOrDoubled) {
    KeyboardUnderTest kb{imgui};
    kb.press(Kind::Space);  // nothing to separate yet
    LONGS_EQUAL(0, kb.changes);
    kb.type(U'm');
    kb.press(Kind::Space);
    kb.press(Kind::Space);
    kb.type(U'j');
    STRCMP_EQUAL("M J", kb.text.c_str());
}

TEST(TextKeyboard, BackspaceRemovesAWholeAccentedLetter) {
    KeyboardUnderTest kb{imgui};
    kb.type(U'j');
    kb.type(U'o');
    kb.press(Kind::SwitchLayer);
    kb.type(U'\u00e9');  // é: two bytes in UTF-8
    STRCMP_EQUAL("Jo\u00e9", kb.text.c_str());
    kb.press(Kind::Backspace);
    STRCMP_EQUAL("Jo", kb.text.c_str());
    kb.press(Kind::Backspace);
    kb.press(Kind::Backspace);
    STRCMP_EQUAL("", kb.text.c_str());
    CHECK_TRUE(kb.keyboard.shifted());  // back at the start: capitals again
    const int before = kb.changes;
    kb.press(Kind::Backspace);  // nothing left to remove
    LONGS_EQUAL(before, kb.changes);
}

TEST(TextKeyboard, StopsAtTheByteLimit) {
    KeyboardUnderTest kb{imgui};  // 12 bytes
    for (int i = 0; i < 15; ++i) {
        kb.type(U'a');
    }
    LONGS_EQUAL(12, kb.text.size());
    kb.press(Kind::SwitchLayer);
    kb.text = "Aaaaaaaaaaa";  // 11 bytes: a two-byte letter no longer fits
    kb.type(U'\u00f1');
    STRCMP_EQUAL("Aaaaaaaaaaa", kb.text.c_str());
}

TEST(TextKeyboard, AFingerSlidingAcrossKeysTypesNothing) {
    KeyboardUnderTest kb{imgui};
    const ImVec2 from = kb.centre(Kind::Character, U'q');
    const ImVec2 to = kb.centre(Kind::Character, U'e');
    imgui.drag(from, to, 6, kb.drawer());
    STRCMP_EQUAL("", kb.text.c_str());
}

TEST(TextKeyboard, ATextChangedElsewhereResetsTheAutomaticCapital) {
    KeyboardUnderTest kb{imgui};
    kb.type(U'a');
    CHECK_FALSE(kb.keyboard.shifted());
    kb.text.clear();  // e.g. the flow started a new enrolment
    imgui.frame(ImVec2(-1, -1), false, kb.drawer());
    CHECK_TRUE(kb.keyboard.shifted());
}

TEST(TextKeyboard, Utf8HelpersEncodeUpperCaseAndErase) {
    STRCMP_EQUAL("\u00f1", ui::TextKeyboard::encode(U'\u00f1').c_str());
    LONGS_EQUAL(U'\u00d1', ui::TextKeyboard::upper(U'\u00f1'));
    LONGS_EQUAL(U'\u00c1', ui::TextKeyboard::upper(U'\u00e1'));
    LONGS_EQUAL(U'-', ui::TextKeyboard::upper(U'-'));
    std::string text = "A\u00f1";
    ui::TextKeyboard::eraseLast(text);
    STRCMP_EQUAL("A", text.c_str());
}
