#include <optional>
#include <string>
#include <variant>

#include "app/ui/widgets/CustomerScreenRig.h"
#include "ui/screens/RewardCodeScreen.h"

// CppUTest last: its memory-leak macros redefine new.
#include <CppUTest/TestHarness.h>

namespace {

kiosk::RewardCodeView freeCoffee() {
    kiosk::RewardCodeView view;
    view.title = "Your reward";
    view.rewardName = "Free coffee";
    view.code = "RWD-7F3K-92QX";
    view.qrPayload = "RWD-7F3K-92QX";
    view.hint = "Show this code at the till. It works once.";
    view.doneLabel = "Done";
    return view;
}

struct RewardCodeUnderTest {
    CustomerScreenRig& rig;
    ui::RewardCodeScreen screen;
    kiosk::RewardCodeView view;

    std::function<std::optional<kiosk::Intent>()> drawer() {
        return [this] { return screen.draw(view, rig.ui()); };
    }
};

}  // namespace

TEST_GROUP(RewardCodeScreen){};

TEST(RewardCodeScreen, ShowsALargeQrCodeWithTheCodeUnderItAndDoneSendsDoneAtBothPanelSizes) {
    for (const auto& panel : kPanels) {
        for (bool highContrast : {false, true}) {
            CustomerScreenRig rig(panel.width, panel.height, highContrast);
            RewardCodeUnderTest reward{rig, {}, freeCoffee()};
            rig.idle(reward.drawer());
            CHECK_TRUE(reward.screen.showsQrCode());
            const auto& view = reward.view;
            STRCMP_EQUAL("", rig.missing({view.title, view.rewardName, view.code, view.hint, view.doneLabel}).c_str());

            const auto layout = ui::RewardCodeScreen::layout(view, rig.ui());
            // Large: well over half the screen's height, and whole on screen.
            CHECK_TRUE(layout.qrSide > panel.height * 0.55f);
            CHECK_TRUE(layout.card.pos.x >= 0.0f && layout.card.pos.y >= 0.0f);
            CHECK_TRUE(layout.card.max().x <= panel.width && layout.card.max().y <= panel.height);
            CHECK_TRUE(layout.qrSide < layout.card.size.x && layout.qrSide < layout.card.size.y);
            CHECK_FALSE(layout.card.overlaps(layout.text));
            CHECK_FALSE(layout.card.overlaps(layout.done));
            STRCMP_EQUAL("", rig.checkTarget("done", layout.done).c_str());

            const auto intent = rig.tap(layout.done.centre(), reward.drawer());
            CHECK_TRUE(intent && std::holds_alternative<kiosk::Done>(*intent));
            CHECK_FALSE(rig.tap(layout.card.centre(), reward.drawer()).has_value());  // the code is not a button
        }
    }
}

TEST(RewardCodeScreen, APayloadThatCannotBeEncodedShowsTheCodeAlone) {
    CustomerScreenRig rig(800, 480);
    RewardCodeUnderTest reward{rig, {}, freeCoffee()};
    reward.view.qrPayload = "";  // nothing to encode
    rig.idle(reward.drawer());
    CHECK_FALSE(reward.screen.showsQrCode());
    CHECK_TRUE(rig.drew("RWD-7F3K-92QX"));

    reward.view.qrPayload = std::string(8000, 'x');  // too long for any QR code
    rig.idle(reward.drawer());
    CHECK_FALSE(reward.screen.showsQrCode());
    CHECK_TRUE(rig.drew("RWD-7F3K-92QX"));
    const auto intent = rig.tap(ui::RewardCodeScreen::layout(reward.view, rig.ui()).done.centre(), reward.drawer());
    CHECK_TRUE(intent && std::holds_alternative<kiosk::Done>(*intent));

    // A new code that encodes brings the QR code back.
    reward.view.qrPayload = "RWD-NEW1-CODE";
    rig.idle(reward.drawer());
    CHECK_TRUE(reward.screen.showsQrCode());
}

TEST(RewardCodeScreen, WhileBusyDoneSendsNothing) {
    CustomerScreenRig rig(1280, 800);
    RewardCodeUnderTest reward{rig, {}, freeCoffee()};
    reward.view.chrome.busy = true;
    reward.view.chrome.busyText = "Saving…";
    CHECK_FALSE(rig.tap(ui::RewardCodeScreen::layout(reward.view, rig.ui()).done.centre(), reward.drawer()).has_value());
    CHECK_TRUE(rig.drew("Saving…"));
}

TEST(RewardCodeScreen, BannersPushTheCardDownButItStaysOnScreen) {
    CustomerScreenRig rig(800, 480);
    auto view = freeCoffee();
    view.chrome.offlineBanner = "Offline: points are saved here and sent to head office later";
    view.chrome.readerBanner = "The card reader is not working. Please ask a member of staff.";
    const auto layout = ui::RewardCodeScreen::layout(view, rig.ui());
    CHECK_TRUE(layout.card.pos.y >= layout.top);
    CHECK_TRUE(layout.card.max().y <= 480.0f);
    CHECK_TRUE(layout.qrSide > 200.0f);  // still scannable from the till: ~7 px per module
    RewardCodeUnderTest reward{rig, {}, view};
    rig.idle(reward.drawer());
    STRCMP_EQUAL("", rig.missing({view.chrome.offlineBanner, view.chrome.readerBanner, view.code}).c_str());
}
