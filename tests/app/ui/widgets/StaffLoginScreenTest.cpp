#include <optional>
#include <string>
#include <vector>

#include "app/ui/widgets/ScreenHarness.h"
#include "ui/screens/StaffLoginScreen.h"
#include "ui/widgets/Keypad.h"

// CppUTest last: its memory-leak macros redefine new.
#include <CppUTest/TestHarness.h>

using namespace screentest;

namespace {

kiosk::StaffLoginView pinView() {
    kiosk::StaffLoginView view;
    view.title = "Acceso del personal";
    view.prompt = "Escriba su PIN";
    view.staffName = "Sam";
    view.keypad = kiosk::KeypadView{"\u2022\u2022\u2022", "OK", "\u2190", "Borrar", true};
    view.error = "PIN incorrecto. Quedan 2 intentos.";
    view.cancelLabel = "Cancelar";
    return view;
}

struct Size {
    float width;
    float height;
};
const std::vector<Size> kSizes{{1280.0f, 800.0f}, {800.0f, 480.0f}};

}  // namespace

TEST_GROUP(StaffLoginScreen) {
    ui::StaffLoginScreen screen;
};

TEST(StaffLoginScreen, ShowsTitlePromptStaffNameMaskedEntryErrorAndButtonsAtBothSizes) {
    for (const Size size : kSizes) {
        ScreenHarness harness(size.width, size.height);
        const auto texts = harness.texts(screen, pinView());
        CHECK_TRUE(contains(texts, "Acceso del personal"));
        CHECK_TRUE(contains(texts, "Escriba su PIN"));
        CHECK_TRUE(contains(texts, "Sam"));
        CHECK_TRUE(contains(texts, "\u2022\u2022\u2022"));
        CHECK_TRUE(contains(texts, "PIN incorrecto. Quedan 2 intentos."));
        CHECK_TRUE(contains(texts, "Borrar"));
        CHECK_TRUE(contains(texts, "7"));
        CHECK_TRUE(contains(texts, "OK"));
        CHECK_TRUE(contains(texts, "Cancelar"));
    }
}

TEST(StaffLoginScreen, TheLayoutFitsTheScreenAndKeepsTouchTargetsAtBothSizes) {
    for (const Size size : kSizes) {
        ScreenHarness harness(size.width, size.height);
        const auto view = pinView();
        const auto layout = ui::StaffLoginScreen::layout(view, harness.ui());
        const float target = harness.ui().theme.minTouchTarget();
        for (const ui::Box& box : {layout.keys.keypad, layout.keys.cancel, layout.keys.ok, layout.entry}) {
            CHECK_TRUE(harness.onScreen(box));
        }
        CHECK_FALSE(overlaps(layout.keys.keypad, layout.keys.ok));
        CHECK_FALSE(overlaps(layout.keys.keypad, layout.keys.cancel));
        CHECK_FALSE(overlaps(layout.keys.keypad, layout.entry));
        CHECK_FALSE(overlaps(layout.keys.cancel, layout.keys.ok));
        CHECK_TRUE(layout.keys.keypad.width() >= ui::Keypad::minimumSize(harness.ui()).x - 0.01f);
        CHECK_TRUE(layout.keys.keypad.height() >= ui::Keypad::minimumSize(harness.ui()).y - 0.01f);
        CHECK_TRUE(atLeast(layout.keys.ok.height(), target) && atLeast(layout.keys.cancel.height(), target));
        // The texts end above the bottom of the screen.
        CHECK_TRUE(layout.bottom <= size.height);
        CHECK_TRUE(layout.textTop >= 0.0f);
    }
}

TEST(StaffLoginScreen, KeypadKeysBecomeDigitBackAndClearIntents) {
    ScreenHarness harness(800.0f, 480.0f);
    const auto view = pinView();
    const ui::Box keypad = ui::StaffLoginScreen::layout(view, harness.ui()).keys.keypad;
    for (const char key : std::string("1234567890")) {
        const auto intent = harness.tap(screen, view, keypadKey(keypad, key, harness.ui()));
        CHECK_TRUE(holds<kiosk::KeypadDigit>(intent));
        LONGS_EQUAL(key - '0', std::get<kiosk::KeypadDigit>(*intent).digit);
    }
    CHECK_TRUE(holds<kiosk::KeypadBack>(harness.tap(screen, view, keypadKey(keypad, 'B', harness.ui()))));
    CHECK_TRUE(holds<kiosk::KeypadClear>(harness.tap(screen, view, keypadKey(keypad, 'C', harness.ui()))));
}

TEST(StaffLoginScreen, OkSendsKeypadOkOnlyWhenEnabled) {
    ScreenHarness harness(1280.0f, 800.0f);
    auto view = pinView();
    const ImVec2 ok = ui::StaffLoginScreen::layout(view, harness.ui()).keys.ok.centre();
    CHECK_TRUE(holds<kiosk::KeypadOk>(harness.tap(screen, view, ok)));
    view.keypad.okEnabled = false;
    CHECK_FALSE(harness.tap(screen, view, ok).has_value());
    CHECK_TRUE(contains(harness.texts(screen, view), "OK"));  // still shown, muted
}

TEST(StaffLoginScreen, CancelSendsCancel) {
    ScreenHarness harness(800.0f, 480.0f);
    const auto view = pinView();
    const ImVec2 cancel = ui::StaffLoginScreen::layout(view, harness.ui()).keys.cancel.centre();
    CHECK_TRUE(holds<kiosk::Cancel>(harness.tap(screen, view, cancel)));
}

TEST(StaffLoginScreen, WhileLockedTheKeypadTypesNothingButCancelWorks) {
    ScreenHarness harness(1280.0f, 800.0f);
    auto view = pinView();
    view.locked = true;
    view.keypad.okEnabled = false;
    view.error = "Demasiados PIN incorrectos. Vuelva a intentarlo en 5 min o avise a un encargado.";
    const auto layout = ui::StaffLoginScreen::layout(view, harness.ui());
    CHECK_FALSE(harness.tap(screen, view, keypadKey(layout.keys.keypad, '5', harness.ui())).has_value());
    CHECK_FALSE(harness.tap(screen, view, layout.keys.ok.centre()).has_value());
    CHECK_TRUE(holds<kiosk::Cancel>(harness.tap(screen, view, layout.keys.cancel.centre())));
    CHECK_TRUE(contains(harness.texts(screen, view), view.error));
}

TEST(StaffLoginScreen, BusyTakesNoInput) {
    ScreenHarness harness(1280.0f, 800.0f, true);  // and in the high-contrast theme
    auto view = pinView();
    const auto layout = ui::StaffLoginScreen::layout(view, harness.ui());
    CHECK_TRUE(holds<kiosk::KeypadOk>(harness.tap(screen, view, layout.keys.ok.centre())));
    view.chrome.busy = true;
    CHECK_FALSE(harness.tap(screen, view, layout.keys.ok.centre()).has_value());
    CHECK_FALSE(harness.tap(screen, view, keypadKey(layout.keys.keypad, '3', harness.ui())).has_value());
    CHECK_FALSE(harness.tap(screen, view, layout.keys.cancel.centre()).has_value());
}
