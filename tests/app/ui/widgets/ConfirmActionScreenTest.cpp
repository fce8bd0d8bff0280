#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/ui/widgets/ScreenHarness.h"
#include "ui/screens/ConfirmActionScreen.h"
#include "ui/widgets/TextKeyboard.h"

// CppUTest last: its memory-leak macros redefine new.
#include <CppUTest/TestHarness.h>

using namespace screentest;

namespace {

using Kind = ui::TextKeyboard::KeyKind;

kiosk::ConfirmActionView blockView() {
    kiosk::ConfirmActionView view;
    view.title = "\u00bfBloquear esta tarjeta?";
    view.lines = {"La tarjeta dejar\u00e1 de funcionar. Los puntos se conservan."};
    view.reasons = {"Tarjeta perdida", "Tarjeta robada", "Uso indebido de la tarjeta"};
    view.confirmEnabled = false;
    view.confirmLabel = "Confirmar";
    view.cancelLabel = "Cancelar";
    return view;
}

kiosk::ConfirmActionView enrolView() {
    kiosk::ConfirmActionView view;
    view.title = "\u00bfDar de alta esta tarjeta?";
    view.lines = {"Una cuenta nueva para la tarjeta que est\u00e1 en el lector"};
    view.needsName = true;
    view.namePrompt = "Nombre";
    view.confirmLabel = "Confirmar";
    view.cancelLabel = "Cancelar";
    return view;
}

const std::vector<std::pair<float, float>> kSizes{{1280.0f, 800.0f}, {800.0f, 480.0f}};

// Plays the flow's part: each EnterName becomes the view's name.
struct Enrolment {
    Enrolment(ScreenHarness& rig, ui::ConfirmActionScreen& shown) : harness(rig), screen(shown) {}

    ScreenHarness& harness;
    ui::ConfirmActionScreen& screen;
    kiosk::ConfirmActionView view = enrolView();
    int names = 0;

    void tapKey(Kind kind, char32_t c = 0) {
        const auto layout = ui::ConfirmActionScreen::layout(view, harness.ui());
        const auto at = ui::TextKeyboard::keyCentre(screen.keyboard().layer(), kind, c, layout.keyboard.min,
                                                    layout.keyboard.size(), harness.ui());
        CHECK_TRUE(at.has_value());
        const auto intent = harness.tap(screen, view, *at);
        if (holds<kiosk::EnterName>(intent)) {
            view.name = std::get<kiosk::EnterName>(*intent).name;
            ++names;
        }
    }
};

}  // namespace

TEST_GROUP(ConfirmActionScreen) {
    ui::ConfirmActionScreen screen;
};

TEST(ConfirmActionScreen, ShowsWhatWillHappenTheReasonsAndTheButtons) {
    for (const auto& [width, height] : kSizes) {
        ScreenHarness harness(width, height);
        auto view = blockView();
        view.error = "No se pudo bloquear.";
        const auto texts = harness.texts(screen, view);
        for (const std::string& text : {view.title, view.lines[0], view.reasons[0], view.reasons[1], view.reasons[2],
                                        view.error, view.confirmLabel, view.cancelLabel}) {
            CHECK_TRUE(contains(texts, text));
        }
        const auto layout = ui::ConfirmActionScreen::layout(view, harness.ui());
        for (const ui::Box& box : {layout.reasons, layout.cancel, layout.confirm}) {
            CHECK_TRUE(harness.onScreen(box));
        }
        CHECK_TRUE(atLeast(layout.reasons.height(), harness.ui().theme.minTouchTarget()));
        CHECK_TRUE(layout.text.max.y <= layout.reasons.min.y);
        CHECK_TRUE(layout.errorTop < layout.cancel.min.y);
        CHECK_FALSE(overlaps(layout.reasons, layout.cancel));
        CHECK_FALSE(overlaps(layout.reasons, layout.confirm));
    }
}

TEST(ConfirmActionScreen, ReasonsAreChosenAndConfirmWaitsUntilEnabled) {
    ScreenHarness harness(800.0f, 480.0f);
    auto view = blockView();
    const auto layout = ui::ConfirmActionScreen::layout(view, harness.ui());
    const ImVec2 last(layout.reasons.max.x - 5.0f, layout.reasons.max.y - 5.0f);
    const auto reason = harness.tap(screen, view, last);
    CHECK_TRUE(holds<kiosk::ChooseReason>(reason));
    LONGS_EQUAL(2, std::get<kiosk::ChooseReason>(*reason).index);
    CHECK_FALSE(harness.tap(screen, view, layout.confirm.centre()).has_value());
    view.reasonSelected = true;
    view.selectedReason = 2;
    view.confirmEnabled = true;
    CHECK_TRUE(holds<kiosk::Confirm>(harness.tap(screen, view, layout.confirm.centre())));
    CHECK_TRUE(holds<kiosk::Cancel>(harness.tap(screen, view, layout.cancel.centre())));
}

TEST(ConfirmActionScreen, TypingANameWithNTildeSendsEnterNameOnEachChange) {
    for (const auto& [width, height] : kSizes) {
        ScreenHarness harness(width, height);
        ui::ConfirmActionScreen fresh;
        Enrolment enrolment{harness, fresh};
        enrolment.tapKey(Kind::Character, U'n');
        enrolment.tapKey(Kind::Character, U'u');
        enrolment.tapKey(Kind::Character, U'\u00f1');
        enrolment.tapKey(Kind::Character, U'o');
        STRCMP_EQUAL("Nu\u00f1o", enrolment.view.name.c_str());
        LONGS_EQUAL(4, enrolment.names);
        enrolment.tapKey(Kind::Backspace);
        STRCMP_EQUAL("Nu\u00f1", enrolment.view.name.c_str());
        LONGS_EQUAL(5, enrolment.names);
        CHECK_TRUE(contains(harness.texts(fresh, enrolment.view), "Nu\u00f1"));
    }
}

TEST(ConfirmActionScreen, AccentedCapitalsComeFromTheSecondLayer) {
    ScreenHarness harness(800.0f, 480.0f);
    Enrolment enrolment{harness, screen};
    enrolment.tapKey(Kind::SwitchLayer);
    enrolment.tapKey(Kind::Character, U'\u00e1');
    enrolment.tapKey(Kind::SwitchLayer);
    enrolment.tapKey(Kind::Character, U'n');
    enrolment.tapKey(Kind::Character, U'g');
    enrolment.tapKey(Kind::Character, U'e');
    enrolment.tapKey(Kind::Character, U'l');
    STRCMP_EQUAL("\u00c1ngel", enrolment.view.name.c_str());
    LONGS_EQUAL(5, enrolment.names);  // the layer key changes no text
}

TEST(ConfirmActionScreen, TheEnrolmentLayoutFitsWithTheKeyboardAsLargeAsTheScreenAllows) {
    for (const auto& [width, height] : kSizes) {
        ScreenHarness harness(width, height);
        auto view = enrolView();
        view.name = "Ana";
        view.error = "Escriba el nombre del socio (hasta 64 caracteres).";
        const auto texts = harness.texts(screen, view);
        for (const std::string& text : {view.title, view.lines[0], view.namePrompt, view.name, view.error,
                                        view.confirmLabel, view.cancelLabel}) {
            CHECK_TRUE(contains(texts, text));
        }
        // After "Ana" the keys show small letters, ñ among them.
        CHECK_TRUE(contains(texts, "q"));
        CHECK_TRUE(contains(texts, "\u00f1"));
        CHECK_FALSE(contains(texts, "Q"));
        const auto layout = ui::ConfirmActionScreen::layout(view, harness.ui());
        for (const ui::Box& box : {layout.nameField, layout.keyboard, layout.cancel, layout.confirm}) {
            CHECK_TRUE(harness.onScreen(box));
        }
        CHECK_FALSE(overlaps(layout.keyboard, layout.nameField));
        CHECK_FALSE(overlaps(layout.keyboard, layout.cancel));
        CHECK_FALSE(overlaps(layout.nameField, layout.confirm));
        CHECK_TRUE(layout.text.max.y <= layout.nameField.min.y);
        CHECK_TRUE(atLeast(layout.cancel.height(), harness.ui().theme.minTouchTarget()));
        // Keys: full targets on the large panel; at least 10 mm on the small one.
        const auto& keys = ui::TextKeyboard::keys(ui::TextKeyboard::Layer::Letters);
        const ImVec2 key = ui::TextKeyboard::keySize(keys[0], layout.keyboard.size(), harness.ui());
        const float floor = width >= 1280.0f ? harness.ui().theme.minTouchTarget() : ui::TextKeyboard::minimumKeySize(harness.ui());
        CHECK_TRUE(atLeast(key.x, floor));
        CHECK_TRUE(atLeast(key.y, floor));
    }
}

TEST(ConfirmActionScreen, OnASevenInchPanelTheLetterKeysAreAtLeastTwelveMillimetres) {
    ScreenHarness harness(800.0f, 480.0f, false, 133.0f);  // 800x480 at 7": 133 dpi
    const auto layout = ui::ConfirmActionScreen::layout(enrolView(), harness.ui());
    const auto& keys = ui::TextKeyboard::keys(ui::TextKeyboard::Layer::Letters);
    const ImVec2 key = ui::TextKeyboard::keySize(keys[0], layout.keyboard.size(), harness.ui());
    CHECK_TRUE(atLeast(key.x, harness.ui().theme.mm(12.0f)));
    CHECK_TRUE(atLeast(key.y, harness.ui().theme.mm(12.0f)));
    CHECK_TRUE(harness.onScreen(layout.keyboard));
}

TEST(ConfirmActionScreen, ConfirmIsMutedUntilThereIsAName) {
    ScreenHarness harness(1280.0f, 800.0f, true);
    auto view = enrolView();
    const auto layout = ui::ConfirmActionScreen::layout(view, harness.ui());
    CHECK_FALSE(harness.tap(screen, view, layout.confirm.centre()).has_value());
    view.name = "Ana";
    view.confirmEnabled = true;
    CHECK_TRUE(holds<kiosk::Confirm>(harness.tap(screen, view, layout.confirm.centre())));
    CHECK_TRUE(holds<kiosk::Cancel>(harness.tap(screen, view, layout.cancel.centre())));
}

TEST(ConfirmActionScreen, BusyTakesNoInputAndTypesNothing) {
    ScreenHarness harness(800.0f, 480.0f);
    auto view = enrolView();
    view.name = "Ana";
    view.confirmEnabled = true;
    view.chrome.busy = true;
    const auto layout = ui::ConfirmActionScreen::layout(view, harness.ui());
    CHECK_FALSE(harness.tap(screen, view, layout.confirm.centre()).has_value());
    const auto letter = ui::TextKeyboard::keyCentre(ui::TextKeyboard::Layer::Letters, Kind::Character, U'a',
                                                    layout.keyboard.min, layout.keyboard.size(), harness.ui());
    CHECK_FALSE(harness.tap(screen, view, *letter).has_value());
    const auto layer = ui::TextKeyboard::keyCentre(ui::TextKeyboard::Layer::Letters, Kind::SwitchLayer, 0,
                                                   layout.keyboard.min, layout.keyboard.size(), harness.ui());
    harness.tap(screen, view, *layer);
    CHECK_TRUE(screen.keyboard().layer() == ui::TextKeyboard::Layer::Letters);
}
