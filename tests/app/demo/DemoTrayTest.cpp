// The demo tray (app/demo/DemoTray) in a headless ImGui context with the
// real fonts, on the real PN532 simulator: where it sits at both panel
// sizes, and what a finger and the keys do.
#include <memory>
#include <string>

#include <SDL_keycode.h>

#include "app/ui/widgets/HeadlessImGui.h"
#include "demo/DemoCards.h"
#include "demo/DemoTray.h"

// CppUTest last: its memory-leak macros redefine new.
#include <CppUTest/TestHarness.h>

namespace {

const std::string kTray = std::string(KIOSK_SOURCE_ASSETS) + "/cards/demo/tray.json";

bool inside(const ui::Rect& inner, float width, float height) {
    return inner.pos.x >= 0.0f && inner.pos.y >= 0.0f && inner.max().x <= width && inner.max().y <= height;
}

}  // namespace

TEST_GROUP(DemoTray) {
    std::unique_ptr<demo::DemoCards> cards;
    void setup() override {
        auto started = demo::DemoCards::start(kTray);
        if (!started) {
            FAIL(started.error().c_str());
        }
        cards = std::move(started.value());
    }
    void teardown() override { cards.reset(); }
};

TEST(DemoTray, DigitKeysAndKeypadDigitsAreTrayKeysAndNothingElseIs) {
    LONGS_EQUAL(1, demo::DemoTray::digitOf(SDLK_1).value_or(-1));
    LONGS_EQUAL(8, demo::DemoTray::digitOf(SDLK_8).value_or(-1));
    LONGS_EQUAL(0, demo::DemoTray::digitOf(SDLK_0).value_or(-1));
    LONGS_EQUAL(3, demo::DemoTray::digitOf(SDLK_KP_3).value_or(-1));
    LONGS_EQUAL(0, demo::DemoTray::digitOf(SDLK_KP_0).value_or(-1));
    CHECK_FALSE(demo::DemoTray::digitOf(SDLK_a).has_value());
    CHECK_FALSE(demo::DemoTray::digitOf(SDLK_RETURN).has_value());
}

TEST(DemoTray, KeysPresentAndRemoveCards) {
    demo::DemoTray tray(*cards);
    CHECK_TRUE(tray.onKey(SDLK_2));
    LONGS_EQUAL(2, cards->onReader().value_or(-1));
    CHECK_TRUE(tray.onKey(SDLK_KP_5));
    LONGS_EQUAL(5, cards->onReader().value_or(-1));
    STRCMP_CONTAINS("ntag424 uid=0424D0A1B2C3D4", cards->simulator().status().card.c_str());
    CHECK_FALSE(tray.onKey(SDLK_SPACE));
    LONGS_EQUAL(5, cards->onReader().value_or(-1));
    CHECK_TRUE(tray.onKey(SDLK_0));
    CHECK_FALSE(cards->onReader().has_value());
    STRCMP_EQUAL("none", cards->simulator().status().card.c_str());
}

TEST(DemoTray, CollapsedItIsASmallTabAtTheTopCentreAndOpenItIsAStripOfTouchSizedCards) {
    for (const auto& [width, height] : {std::pair{1280.0f, 800.0f}, std::pair{800.0f, 480.0f}}) {
        HeadlessImGui imgui(width, height);
        const auto& ui = imgui.ui();
        demo::DemoTray tray(*cards);
        const auto collapsed = tray.layout(ui);
        CHECK_TRUE(collapsed.cards.empty());
        CHECK_TRUE(inside(collapsed.tab, width, height));
        DOUBLES_EQUAL(0.0, collapsed.tab.pos.y, 0.01);
        DOUBLES_EQUAL(width * 0.5, collapsed.tab.centre().x, 1.0);
        // Shorter than a touch target and narrower than a third of the
        // screen: the screens' headings (left) and language buttons (right)
        // stay clear.
        CHECK_TRUE(collapsed.tab.size.y < ui.theme.minTouchTarget());
        CHECK_TRUE(collapsed.tab.size.x < width / 3.0f);

        tray.setOpen(true);
        const auto open = tray.layout(ui);
        LONGS_EQUAL(9, open.cards.size());
        for (std::size_t i = 0; i < open.cards.size(); ++i) {
            const auto& card = open.cards[i];
            CHECK_TRUE(inside(card, width, height));
            CHECK_TRUE(card.size.x >= ui.theme.minTouchTarget() - 0.01f);
            CHECK_TRUE(card.size.y >= ui.theme.minTouchTarget() - 0.01f);
            if (width >= 1280.0f) {
                DOUBLES_EQUAL(open.cards[0].pos.y, card.pos.y, 0.01);  // one row
            }
            for (std::size_t j = 0; j < i; ++j) {
                CHECK_FALSE(card.overlaps(open.cards[j]));
            }
            CHECK_FALSE(card.overlaps(open.tab));
        }
        DOUBLES_EQUAL(open.strip.max().y, open.tab.pos.y, 0.01);  // the tab hangs below the strip
        // Nine touch-sized cards fit one row at 1280 px; at 800 px they wrap to two.
        CHECK_TRUE(open.strip.size.y < height / (width >= 1280.0f ? 4.0f : 2.0f));
    }
}

TEST(DemoTray, TappingTheTabOpensTheTrayAndTappingACardPresentsItAndClosesTheTray) {
    HeadlessImGui imgui(1280.0f, 800.0f);
    demo::DemoTray tray(*cards);
    const auto draw = [&] { tray.draw(imgui.ui()); };
    imgui.frame(ImVec2(-1.0f, -1.0f), false, draw);

    imgui.tap(tray.layout(imgui.ui()).tab.centre(), draw);
    CHECK_TRUE(tray.isOpen());
    CHECK_FALSE(cards->onReader().has_value());

    imgui.tap(tray.layout(imgui.ui()).cards[2].centre(), draw);  // card 3
    CHECK_FALSE(tray.isOpen());
    LONGS_EQUAL(3, cards->onReader().value_or(-1));
    STRCMP_EQUAL("mifare-classic uid=A1B2C3D4", cards->simulator().status().card.c_str());

    // Open again and tap card 3: taken away.
    imgui.tap(tray.layout(imgui.ui()).tab.centre(), draw);
    CHECK_TRUE(tray.isOpen());
    imgui.tap(tray.layout(imgui.ui()).cards[2].centre(), draw);
    CHECK_FALSE(cards->onReader().has_value());
    STRCMP_EQUAL("none", cards->simulator().status().card.c_str());

    // The open strip's tab closes it without touching the reader.
    imgui.tap(tray.layout(imgui.ui()).tab.centre(), draw);
    CHECK_TRUE(tray.isOpen());
    imgui.tap(tray.layout(imgui.ui()).tab.centre(), draw);
    CHECK_FALSE(tray.isOpen());
    CHECK_FALSE(cards->onReader().has_value());
}

TEST(DemoTray, ATapOnTheScreenBesideTheTabDoesNothing) {
    HeadlessImGui imgui(1280.0f, 800.0f);
    demo::DemoTray tray(*cards);
    const auto draw = [&] { tray.draw(imgui.ui()); };
    imgui.frame(ImVec2(-1.0f, -1.0f), false, draw);
    const auto tab = tray.layout(imgui.ui()).tab;
    imgui.tap(ImVec2(tab.pos.x - 20.0f, tab.centre().y), draw);
    imgui.tap(ImVec2(tab.centre().x, tab.max().y + 20.0f), draw);
    CHECK_FALSE(tray.isOpen());
    CHECK_FALSE(cards->onReader().has_value());
}
