#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/ui/widgets/ScreenHarness.h"
#include "ui/screens/AmountEntryScreen.h"

// CppUTest last: its memory-leak macros redefine new.
#include <CppUTest/TestHarness.h>

using namespace screentest;

namespace {

kiosk::AmountEntryView awardView() {
    kiosk::AmountEntryView view;
    view.title = "Sumar puntos";
    view.prompt = "Importe de la compra";
    view.keypad = kiosk::KeypadView{"12,34 \u20ac", "OK", "\u2190", "Borrar", true};
    view.previewText = "+24 pts";
    view.previewLines = {"Base: 12 pts", "Nivel Oro: +12 pts"};
    view.cancelLabel = "Cancelar";
    return view;
}

kiosk::AmountEntryView adjustView() {
    kiosk::AmountEntryView view;
    view.title = "Ajustar puntos";
    view.prompt = "Puntos que se suman o se restan, y por qu\u00e9";
    view.keypad = kiosk::KeypadView{"-25", "OK", "\u2190", "Borrar", false};
    view.previewText = "-25 pts";
    view.previewLines = {"Nuevo saldo: 1.215 pts"};
    view.showSign = true;
    view.signLabel = "Sumar en lugar de restar";
    view.reasons = {"Faltaban puntos de una compra", "Detalle de la tienda", "Correcci\u00f3n del encargado"};
    view.cancelLabel = "Cancelar";
    return view;
}

const std::vector<std::pair<float, float>> kSizes{{1280.0f, 800.0f}, {800.0f, 480.0f}};

}  // namespace

TEST_GROUP(AmountEntryScreen) {
    ui::AmountEntryScreen screen;
};

TEST(AmountEntryScreen, ShowsTheAmountThePreviewAndItsBreakdown) {
    for (const auto& [width, height] : kSizes) {
        ScreenHarness harness(width, height);
        const auto texts = harness.texts(screen, awardView());
        for (const char* text : {"Sumar puntos", "Importe de la compra", "12,34 \u20ac", "+24 pts", "Base: 12 pts",
                                 "Nivel Oro: +12 pts", "OK", "Cancelar", "Borrar"}) {
            CHECK_TRUE(contains(texts, text));
        }
    }
}

TEST(AmountEntryScreen, AnAdjustmentShowsTheSignToggleAndTheReasonsAndEverythingFits) {
    for (const auto& [width, height] : kSizes) {
        ScreenHarness harness(width, height);
        const auto view = adjustView();
        const auto texts = harness.texts(screen, view);
        CHECK_TRUE(contains(texts, "Sumar en lugar de restar"));
        for (const auto& reason : view.reasons) {
            CHECK_TRUE(contains(texts, reason));
        }
        CHECK_TRUE(contains(texts, "Nuevo saldo: 1.215 pts"));
        const auto layout = ui::AmountEntryScreen::layout(view, harness.ui());
        const float target = harness.ui().theme.minTouchTarget();
        for (const ui::Box& box : {layout.keys.keypad, layout.keys.cancel, layout.keys.extra, layout.keys.ok,
                                   layout.entry, layout.reasons}) {
            CHECK_TRUE(harness.onScreen(box));
        }
        CHECK_TRUE(atLeast(layout.keys.extra.height(), target));
        // Texts end above the reasons; the reasons are targets.
        CHECK_TRUE(layout.previewBottom <= layout.reasons.min.y);
        CHECK_TRUE(atLeast(layout.reasons.height(), 2 * target));
        CHECK_FALSE(overlaps(layout.reasons, layout.keys.keypad));
        CHECK_FALSE(overlaps(layout.entry, layout.keys.keypad));
    }
}

TEST(AmountEntryScreen, KeysSignReasonsOkAndCancelBecomeTheirIntents) {
    ScreenHarness harness(800.0f, 480.0f);
    auto view = adjustView();
    const auto layout = ui::AmountEntryScreen::layout(view, harness.ui());
    const auto digit = harness.tap(screen, view, keypadKey(layout.keys.keypad, '8', harness.ui()));
    CHECK_TRUE(holds<kiosk::KeypadDigit>(digit));
    LONGS_EQUAL(8, std::get<kiosk::KeypadDigit>(*digit).digit);
    CHECK_TRUE(holds<kiosk::KeypadBack>(harness.tap(screen, view, keypadKey(layout.keys.keypad, 'B', harness.ui()))));
    CHECK_TRUE(holds<kiosk::KeypadClear>(harness.tap(screen, view, keypadKey(layout.keys.keypad, 'C', harness.ui()))));
    CHECK_TRUE(holds<kiosk::ToggleSign>(harness.tap(screen, view, layout.keys.extra.centre())));
    CHECK_TRUE(holds<kiosk::Cancel>(harness.tap(screen, view, layout.keys.cancel.centre())));

    // The third reason: in the grid's second row.
    const ui::Box& reasons = layout.reasons;
    const ImVec2 third(reasons.min.x + 5.0f, reasons.max.y - 5.0f);
    const auto reason = harness.tap(screen, view, third);
    CHECK_TRUE(holds<kiosk::ChooseReason>(reason));
    LONGS_EQUAL(2, std::get<kiosk::ChooseReason>(*reason).index);

    CHECK_FALSE(harness.tap(screen, view, layout.keys.ok.centre()).has_value());  // OK disabled
    view.keypad.okEnabled = true;
    CHECK_TRUE(holds<kiosk::KeypadOk>(harness.tap(screen, view, layout.keys.ok.centre())));
}

TEST(AmountEntryScreen, AnAwardHasNoSignToggle) {
    ScreenHarness harness(1280.0f, 800.0f);
    const auto view = awardView();
    const auto layout = ui::AmountEntryScreen::layout(view, harness.ui());
    CHECK_TRUE(layout.reasons.empty());
    CHECK_FALSE(harness.tap(screen, view, layout.keys.extra.centre()).has_value());
}

TEST(AmountEntryScreen, ARefusalIsShown) {
    ScreenHarness harness(800.0f, 480.0f, true);
    auto view = awardView();
    view.previewText.clear();
    view.previewLines.clear();
    view.error = "Demasiadas operaciones hoy con esta tarjeta. Avise a un encargado.";
    view.keypad.okEnabled = false;
    CHECK_TRUE(contains(harness.texts(screen, view), view.error));
}

TEST(AmountEntryScreen, BusyTakesNoInput) {
    ScreenHarness harness(1280.0f, 800.0f);
    auto view = awardView();
    view.chrome.busy = true;
    const auto layout = ui::AmountEntryScreen::layout(view, harness.ui());
    CHECK_FALSE(harness.tap(screen, view, layout.keys.ok.centre()).has_value());
    CHECK_FALSE(harness.tap(screen, view, keypadKey(layout.keys.keypad, '1', harness.ui())).has_value());
}
