#include <optional>
#include <string>
#include <variant>

#include "app/ui/widgets/CustomerScreenRig.h"
#include "ui/Widgets.h"
#include "ui/screens/ChromeBar.h"
#include "ui/widgets/DragScrollArea.h"

// CppUTest last: its memory-leak macros redefine new.
#include <CppUTest/TestHarness.h>

namespace {

const std::string kOffline = "Offline: points are saved here and sent to head office later";
const std::string kReader = "The card reader is not working. Please ask a member of staff.";

// The smallest screen that uses the chrome: one button under the banners and
// one in a scrolling list.
struct ChromedScreen {
    const CustomerScreenRig& rig;
    kiosk::Chrome chrome;
    float top = -1.0f;

    ui::Rect button() const {
        const float size = rig.ui().theme.minTouchTarget() * 1.5f;
        return ui::Rect{ImVec2(100.0f, ui::chromeBannerHeight(chrome, rig.ui()) + 20.0f), ImVec2(size, size)};
    }
    ui::Rect list() const { return ui::Rect{ImVec2(rig.ui().width * 0.5f, 150.0f), ImVec2(300.0f, 300.0f)}; }

    std::optional<kiosk::Intent> draw() {
        const auto& ui = rig.ui();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(ui.width, ui.height));
        ImGui::Begin("chromed", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings);
        top = ui::beginChrome(chrome, ui);
        std::optional<kiosk::Intent> intent;
        if (ui::touchButton("done", "Done", button().pos, button().size, ui::ButtonStyle::Primary, ui)) {
            intent = kiosk::Done{};
        }
        ui::DragScrollArea::begin("list", list().pos, list().size, ui);
        if (ui::touchButton("in-list", "Activate", ImGui::GetCursorScreenPos(), ImVec2(200.0f, 100.0f),
                            ui::ButtonStyle::Primary, ui)) {
            intent = kiosk::ActivateOfferIntent{"offer"};
        }
        ui::DragScrollArea::end(ui);
        intent = ui::endChrome(chrome, ui, intent);
        ImGui::End();
        return intent;
    }
    std::function<std::optional<kiosk::Intent>()> drawer() {
        return [this] { return draw(); };
    }
};

}  // namespace

TEST_GROUP(ChromeBar){};

TEST(ChromeBar, WithoutBannersTheContentStartsAtTheTopAndNothingIsDrawn) {
    CustomerScreenRig rig(1280, 800);
    ChromedScreen screen{rig, {}};
    rig.idle(screen.drawer());
    DOUBLES_EQUAL(0.0, screen.top, 0.001);
    DOUBLES_EQUAL(0.0, ui::chromeBannerHeight(screen.chrome, rig.ui()), 0.001);
    const auto texts = rig.lastTexts();
    LONGS_EQUAL(2, texts.size());  // the two buttons' labels only
}

TEST(ChromeBar, BothBannersAreDrawnAboveTheContentAtBothPanelSizes) {
    for (const auto& panel : kPanels) {
        for (bool highContrast : {false, true}) {
            CustomerScreenRig rig(panel.width, panel.height, highContrast);
            ChromedScreen screen{rig, {kOffline, kReader, false, ""}};
            rig.idle(screen.drawer());
            STRCMP_EQUAL("", rig.missing({kOffline, kReader}).c_str());
            const float height = ui::chromeBannerHeight(screen.chrome, rig.ui());
            DOUBLES_EQUAL(height, screen.top, 0.001);
            // Each banner is at least one line of body text high, and both
            // together leave most of the screen to the content.
            CHECK_TRUE(height >= 2.0f * rig.ui().fonts.get(ui::FontRole::Body)->FontSize);
            CHECK_TRUE(height < rig.ui().height * 0.3f);
            // The reader banner first: without a reader nobody can be served.
            const auto texts = rig.lastTexts();
            STRCMP_EQUAL(kReader.c_str(), texts[0].c_str());
            STRCMP_EQUAL(kOffline.c_str(), texts[1].c_str());
        }
    }
}

TEST(ChromeBar, OneBannerIsAboutHalfTheHeightOfTwo) {
    CustomerScreenRig rig(1280, 800);
    const float one = ui::chromeBannerHeight({kOffline, "", false, ""}, rig.ui());
    const float two = ui::chromeBannerHeight({kOffline, kReader, false, ""}, rig.ui());
    CHECK_TRUE(one > 0.0f);
    DOUBLES_EQUAL(two, one + ui::chromeBannerHeight({"", kReader, false, ""}, rig.ui()), 0.001);
}

TEST(ChromeBar, AButtonSendsItsIntentWhenNotBusy) {
    CustomerScreenRig rig(1280, 800);
    ChromedScreen screen{rig, {kOffline, "", false, ""}};
    auto intent = rig.tap(screen.button().centre(), screen.drawer());
    CHECK_TRUE(intent && std::holds_alternative<kiosk::Done>(*intent));
    intent = rig.tap(ImVec2(screen.list().pos.x + 50.0f, screen.list().pos.y + 50.0f), screen.drawer());
    CHECK_TRUE(intent && std::holds_alternative<kiosk::ActivateOfferIntent>(*intent));
}

TEST(ChromeBar, WhileBusyTheBusyTextIsShownAndNoButtonSendsAnything) {
    CustomerScreenRig rig(800, 480);
    ChromedScreen screen{rig, {"", "", true, "Saving…"}};
    CHECK_FALSE(rig.tap(screen.button().centre(), screen.drawer()).has_value());
    CHECK_FALSE(rig.tap(ImVec2(screen.list().pos.x + 50.0f, screen.list().pos.y + 50.0f), screen.drawer()).has_value());
    CHECK_TRUE(rig.intents().empty());
    CHECK_TRUE(rig.drew("Saving…"));
    // The answer arrives: the same tap works again.
    screen.chrome.busy = false;
    const auto intent = rig.tap(screen.button().centre(), screen.drawer());
    CHECK_TRUE(intent && std::holds_alternative<kiosk::Done>(*intent));
    CHECK_FALSE(rig.drew("Saving…"));
}

TEST(ChromeBar, ActionButtonsFitTheirLabelAndTheMinimumTarget) {
    for (const auto& panel : kPanels) {
        CustomerScreenRig rig(panel.width, panel.height);
        const std::string label = "Llamar al personal";
        const ImVec2 size = ui::actionButtonSize(label, 0.0f, rig.ui());
        ImFont* font = rig.ui().fonts.get(ui::FontRole::Button);
        CHECK_TRUE(size.x > font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, label.c_str()).x);
        CHECK_TRUE(size.y >= rig.ui().theme.minTouchTarget());
        CHECK_TRUE(ui::actionButtonSize("", 0.0f, rig.ui()).x >= rig.ui().theme.minTouchTarget());
        DOUBLES_EQUAL(500.0, ui::actionButtonSize("OK", 500.0f, rig.ui()).x, 0.001);
    }
}
