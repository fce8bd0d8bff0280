#include <optional>
#include <string>
#include <variant>

#include "app/ui/widgets/CustomerScreenRig.h"
#include "ui/screens/MessageScreen.h"

// CppUTest last: its memory-leak macros redefine new.
#include <CppUTest/TestHarness.h>

namespace {

kiosk::MessageView unknownCard() {
    kiosk::MessageView view;
    view.title = "Todavía no conocemos esta tarjeta";
    view.message = "Hágase socio en un minuto en el mostrador y empiece a sumar puntos hoy.";
    view.whatToDo = "Pida a un empleado que le dé de alta.";
    view.primaryLabel = "Hecho";
    view.secondaryLabel = "Llamar al personal";
    return view;
}

kiosk::MessageView refusedCard() {
    kiosk::MessageView view;
    view.title = "This card can't be used";
    view.message = "Sorry, we can't accept this card.";
    view.whatToDo = "Please ask a member of staff.";
    view.primaryLabel = "OK";
    return view;
}

struct MessageUnderTest {
    CustomerScreenRig& rig;
    ui::MessageScreen screen;
    kiosk::MessageView view;

    std::function<std::optional<kiosk::Intent>()> drawer() {
        return [this] { return screen.draw(view, rig.ui()); };
    }
    ui::MessageLayout layout() const { return ui::MessageScreen::layout(view, rig.ui()); }
};

}  // namespace

TEST_GROUP(MessageScreen){};

TEST(MessageScreen, UnknownCardShowsEveryTextAndBothButtonsSendTheirIntentsAtBothPanelSizes) {
    for (const auto& panel : kPanels) {
        CustomerScreenRig rig(panel.width, panel.height);
        MessageUnderTest message{rig, ui::MessageScreen(kiosk::ScreenId::UnknownCard), unknownCard()};
        STRCMP_EQUAL("unknown_card", message.screen.name());
        rig.idle(message.drawer());
        const auto& view = message.view;
        STRCMP_EQUAL("", rig.missing({view.title, view.message, view.whatToDo, view.primaryLabel, view.secondaryLabel}).c_str());

        const auto layout = message.layout();
        CHECK_TRUE(layout.primary.has_value());
        CHECK_TRUE(layout.secondary.has_value());
        STRCMP_EQUAL("", (rig.checkTarget("primary", *layout.primary) + rig.checkTarget("secondary", *layout.secondary)).c_str());
        CHECK_FALSE(layout.primary->overlaps(*layout.secondary));
        CHECK_TRUE(layout.primary->pos.x > layout.secondary->pos.x);  // the primary on the right

        auto intent = rig.tap(layout.primary->centre(), message.drawer());
        CHECK_TRUE(intent && std::holds_alternative<kiosk::Done>(*intent));
        intent = rig.tap(layout.secondary->centre(), message.drawer());
        CHECK_TRUE(intent && std::holds_alternative<kiosk::StartStaffLogin>(*intent));
        // Text is not a button.
        CHECK_FALSE(rig.tap(ImVec2(panel.width * 0.5f, panel.height * 0.3f), message.drawer()).has_value());
    }
}

TEST(MessageScreen, ARefusedCardHasOneCentredButtonThatSendsDone) {
    for (const auto& panel : kPanels) {
        CustomerScreenRig rig(panel.width, panel.height);
        MessageUnderTest message{rig, ui::MessageScreen(kiosk::ScreenId::RefusedCard), refusedCard()};
        rig.idle(message.drawer());
        STRCMP_EQUAL("", rig.missing({"This card can't be used", "Sorry, we can't accept this card.",
                                      "Please ask a member of staff.", "OK"})
                             .c_str());
        const auto layout = message.layout();
        CHECK_FALSE(layout.secondary.has_value());
        STRCMP_EQUAL("", rig.checkTarget("OK", *layout.primary).c_str());
        DOUBLES_EQUAL(panel.width * 0.5f, layout.primary->centre().x, 1.0);
        const auto intent = rig.tap(layout.primary->centre(), message.drawer());
        CHECK_TRUE(intent && std::holds_alternative<kiosk::Done>(*intent));
    }
}

TEST(MessageScreen, TapNewCardHasOnlyCancel) {
    CustomerScreenRig rig(800, 480);
    kiosk::MessageView view;
    view.title = "Tap the new card";
    view.message = "Hold the new card to the reader.";
    view.secondaryLabel = "Cancel";
    MessageUnderTest message{rig, ui::MessageScreen(kiosk::ScreenId::TapNewCard), view};
    const auto layout = message.layout();
    CHECK_FALSE(layout.primary.has_value());
    CHECK_TRUE(layout.secondary.has_value());
    const auto intent = rig.tap(layout.secondary->centre(), message.drawer());
    CHECK_TRUE(intent && std::holds_alternative<kiosk::Cancel>(*intent));
    STRCMP_EQUAL("", rig.missing({"Tap the new card", "Hold the new card to the reader.", "Cancel"}).c_str());
}

TEST(MessageScreen, CardReadingHasNoButtonAndSendsNothing) {
    CustomerScreenRig rig(1280, 800);
    kiosk::MessageView view;
    view.title = "One moment";
    view.message = "Reading your card…";
    MessageUnderTest message{rig, ui::MessageScreen(kiosk::ScreenId::CardReading), view};
    STRCMP_EQUAL("card_reading", message.screen.name());
    const auto layout = message.layout();
    CHECK_FALSE(layout.primary.has_value());
    CHECK_FALSE(layout.secondary.has_value());
    CHECK_FALSE(rig.tap(ImVec2(640, 400), message.drawer()).has_value());
    CHECK_FALSE(rig.tap(ImVec2(640, 740), message.drawer()).has_value());
    STRCMP_EQUAL("", rig.missing({"One moment", "Reading your card…"}).c_str());
}

TEST(MessageScreen, ConfirmationWithBothBannersInHighContrastKeepsItsButtonOnScreen) {
    CustomerScreenRig rig(800, 480, true);
    kiosk::MessageView view;
    view.chrome = kiosk::Chrome{"Sin conexión: los puntos se guardan aquí y se envían más tarde",
                                "El lector de tarjetas no funciona. Por favor, avise al personal.", false, ""};
    view.title = "Puntos sumados";
    view.message = "Ana suma 18 pts. Saldo: 1.258 pts";
    view.primaryLabel = "Aceptar";
    MessageUnderTest message{rig, ui::MessageScreen(kiosk::ScreenId::Confirmation), view};
    rig.idle(message.drawer());
    STRCMP_EQUAL("", rig.missing({view.chrome.offlineBanner, view.chrome.readerBanner, view.title, view.message,
                                  view.primaryLabel})
                         .c_str());
    const auto layout = message.layout();
    CHECK_TRUE(layout.top > 0.0f);
    CHECK_TRUE(layout.primary->pos.y > layout.top);
    STRCMP_EQUAL("", rig.checkTarget("OK", *layout.primary).c_str());
    const auto intent = rig.tap(layout.primary->centre(), message.drawer());
    CHECK_TRUE(intent && std::holds_alternative<kiosk::Done>(*intent));
}

TEST(MessageScreen, WhileBusyTheButtonsSendNothing) {
    CustomerScreenRig rig(1280, 800);
    auto view = unknownCard();
    view.chrome.busy = true;
    view.chrome.busyText = "Reading your card…";
    MessageUnderTest message{rig, ui::MessageScreen(kiosk::ScreenId::UnknownCard), view};
    const auto layout = message.layout();
    CHECK_FALSE(rig.tap(layout.primary->centre(), message.drawer()).has_value());
    CHECK_FALSE(rig.tap(layout.secondary->centre(), message.drawer()).has_value());
    CHECK_TRUE(rig.drew("Reading your card…"));
}

TEST(MessageScreen, EachScreenGetsTheActionsTheFlowExpects) {
    const auto unknown = ui::MessageScreen::actionsFor(kiosk::ScreenId::UnknownCard);
    CHECK_TRUE(std::holds_alternative<kiosk::Done>(unknown.primary));
    CHECK_TRUE(std::holds_alternative<kiosk::StartStaffLogin>(unknown.secondary));
    for (auto id : {kiosk::ScreenId::RefusedCard, kiosk::ScreenId::Confirmation, kiosk::ScreenId::ActionRefused,
                    kiosk::ScreenId::TapNewCard, kiosk::ScreenId::CardReading}) {
        const auto actions = ui::MessageScreen::actionsFor(id);
        CHECK_TRUE(std::holds_alternative<kiosk::Done>(actions.primary));
        CHECK_TRUE(std::holds_alternative<kiosk::Cancel>(actions.secondary));
    }
}
