#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/ui/widgets/ScreenHarness.h"
#include "ui/screens/StaffMenuScreen.h"

// CppUTest last: its memory-leak macros redefine new.
#include <CppUTest/TestHarness.h>

using namespace screentest;

namespace {

using kiosk::StaffAction;

kiosk::StaffMenuView cashierMenu() {
    kiosk::StaffMenuView view;
    view.staffLine = "Sam \u00b7 Cajero";
    view.customerLine = "Ana \u00b7 1.240 pts";
    view.actions = {
        {StaffAction::Award, "Sumar puntos", true, ""},
        {StaffAction::Redeem, "Canjear un premio", true, ""},
        {StaffAction::Enrol, "Dar de alta la tarjeta", false, "Primero acerque una tarjeta nueva"},
        {StaffAction::Replace, "Sustituir tarjeta perdida", true, ""},
        {StaffAction::Block, "Bloquear tarjeta", true, ""},
        {StaffAction::Void, "Anular la \u00faltima operaci\u00f3n", false, "Solo encargados"},
        {StaffAction::Adjust, "Ajustar puntos", false, "Solo encargados"},
        {StaffAction::Summary, "Resumen del d\u00eda", true, ""},
    };
    view.notice = "Anular y ajustar requieren un encargado";
    view.switchStaffLabel = "Cambiar de empleado";
    view.logoutLabel = "Salir";
    return view;
}

}  // namespace

TEST_GROUP(StaffMenuScreen) {
    ui::StaffMenuScreen screen;
};

TEST(StaffMenuScreen, ShowsWhoServesWhoseCardEveryActionWhyDisabledAndTheNotice) {
    for (const auto& [width, height] : {std::pair{1280.0f, 800.0f}, std::pair{800.0f, 480.0f}}) {
        ScreenHarness harness(width, height);
        const auto view = cashierMenu();
        const auto texts = harness.texts(screen, view);
        CHECK_TRUE(contains(texts, "Sam \u00b7 Cajero"));
        CHECK_TRUE(contains(texts, "Ana \u00b7 1.240 pts"));
        for (const auto& action : view.actions) {
            CHECK_TRUE(contains(texts, action.label));
        }
        CHECK_TRUE(contains(texts, "Solo encargados"));
        CHECK_TRUE(contains(texts, "Primero acerque una tarjeta nueva"));
        CHECK_TRUE(contains(texts, "Anular y ajustar requieren un encargado"));
        CHECK_TRUE(contains(texts, "Cambiar de empleado"));
        CHECK_TRUE(contains(texts, "Salir"));
    }
}

TEST(StaffMenuScreen, EveryTileIsATouchTargetOnScreenAndNoneOverlap) {
    for (const auto& [width, height] : {std::pair{1280.0f, 800.0f}, std::pair{800.0f, 480.0f}}) {
        ScreenHarness harness(width, height);
        const auto layout = ui::StaffMenuScreen::layout(cashierMenu(), harness.ui());
        const float target = harness.ui().theme.minTouchTarget();
        LONGS_EQUAL(8, layout.actions.size());
        std::vector<ui::Box> boxes = layout.actions;
        boxes.push_back(layout.switchStaff);
        boxes.push_back(layout.logout);
        for (std::size_t i = 0; i < boxes.size(); ++i) {
            CHECK_TRUE(harness.onScreen(boxes[i]));
            CHECK_TRUE(atLeast(boxes[i].width(), target) && atLeast(boxes[i].height(), target));
            for (std::size_t j = i + 1; j < boxes.size(); ++j) {
                CHECK_FALSE(overlaps(boxes[i], boxes[j]));
            }
        }
        CHECK_TRUE(layout.noticeY > layout.actions.back().max.y);
        CHECK_TRUE(layout.noticeY < layout.logout.min.y);
    }
}

TEST(StaffMenuScreen, AnEnabledTileChoosesItsAction) {
    ScreenHarness harness(800.0f, 480.0f);
    const auto view = cashierMenu();
    const auto layout = ui::StaffMenuScreen::layout(view, harness.ui());
    for (std::size_t i : {0u, 1u, 3u, 4u, 7u}) {
        const auto intent = harness.tap(screen, view, layout.actions[i].centre());
        CHECK_TRUE(holds<kiosk::ChooseStaffAction>(intent));
        CHECK_TRUE(std::get<kiosk::ChooseStaffAction>(*intent).action == view.actions[i].action);
    }
}

TEST(StaffMenuScreen, ADisabledTileDoesNothing) {
    ScreenHarness harness(1280.0f, 800.0f);
    const auto view = cashierMenu();
    const auto layout = ui::StaffMenuScreen::layout(view, harness.ui());
    CHECK_FALSE(harness.tap(screen, view, layout.actions[2].centre()).has_value());
    CHECK_FALSE(harness.tap(screen, view, layout.actions[5].centre()).has_value());
    CHECK_FALSE(harness.tap(screen, view, layout.actions[6].centre()).has_value());
}

TEST(StaffMenuScreen, SwitchStaffStartsALoginAndLogoutLogsOut) {
    ScreenHarness harness(1280.0f, 800.0f, true);
    const auto view = cashierMenu();
    const auto layout = ui::StaffMenuScreen::layout(view, harness.ui());
    CHECK_TRUE(holds<kiosk::StartStaffLogin>(harness.tap(screen, view, layout.switchStaff.centre())));
    CHECK_TRUE(holds<kiosk::StaffLogout>(harness.tap(screen, view, layout.logout.centre())));
}

TEST(StaffMenuScreen, BusyTakesNoInput) {
    ScreenHarness harness(1280.0f, 800.0f);
    auto view = cashierMenu();
    view.chrome.busy = true;
    const auto layout = ui::StaffMenuScreen::layout(view, harness.ui());
    CHECK_FALSE(harness.tap(screen, view, layout.actions[0].centre()).has_value());
    CHECK_FALSE(harness.tap(screen, view, layout.logout.centre()).has_value());
}
