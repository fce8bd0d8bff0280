#include <optional>
#include <string>
#include <variant>

#include "app/ui/widgets/CustomerScreenRig.h"
#include "ui/screens/RatingScreen.h"

// CppUTest last: its memory-leak macros redefine new.
#include <CppUTest/TestHarness.h>

namespace {

kiosk::RatingView english() {
    kiosk::RatingView view;
    view.question = "How was your visit today?";
    view.starLabels = {"1 – Poor", "2", "3", "4", "5 – Excellent"};
    view.skipLabel = "Skip";
    return view;
}

kiosk::RatingView spanish() {
    kiosk::RatingView view;
    view.question = "¿Qué tal su visita de hoy?";
    view.starLabels = {"1 – Mala", "2", "3", "4", "5 – Excelente"};
    view.skipLabel = "Omitir";
    return view;
}

struct RatingUnderTest {
    CustomerScreenRig& rig;
    ui::RatingScreen screen;
    kiosk::RatingView view;

    std::function<std::optional<kiosk::Intent>()> drawer() {
        return [this] { return screen.draw(view, rig.ui()); };
    }
};

float labelWidth(const CustomerScreenRig& rig, const std::string& label) {
    ImFont* font = rig.ui().fonts.get(ui::FontRole::Button);
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, label.c_str()).x;
}

}  // namespace

TEST_GROUP(RatingScreen){};

TEST(RatingScreen, EachStarButtonSendsItsRatingAndSkipSkipsAtBothPanelSizesAndLanguages) {
    for (const auto& panel : kPanels) {
        for (const auto& view : {english(), spanish()}) {
            CustomerScreenRig rig(panel.width, panel.height);
            RatingUnderTest rating{rig, {}, view};
            rig.idle(rating.drawer());
            std::vector<std::string> expected = view.starLabels;
            expected.push_back(view.question);
            expected.push_back(view.skipLabel);
            STRCMP_EQUAL("", rig.missing(expected).c_str());

            const auto layout = ui::RatingScreen::layout(view, rig.ui());
            LONGS_EQUAL(5, layout.stars.size());
            for (std::size_t i = 0; i < layout.stars.size(); ++i) {
                const std::string what = "star " + std::to_string(i + 1);
                STRCMP_EQUAL("", rig.checkTarget(what.c_str(), layout.stars[i]).c_str());
                CHECK_TRUE(labelWidth(rig, view.starLabels[i]) < layout.stars[i].size.x);  // the label fits its button
                CHECK_FALSE(layout.stars[i].overlaps(layout.skip));
                for (std::size_t j = i + 1; j < layout.stars.size(); ++j) {
                    CHECK_FALSE(layout.stars[i].overlaps(layout.stars[j]));
                }
                const auto intent = rig.tap(layout.stars[i].centre(), rating.drawer());
                CHECK_TRUE(intent.has_value());
                const auto* rate = std::get_if<kiosk::Rate>(&*intent);
                CHECK_TRUE(rate != nullptr);
                LONGS_EQUAL(i + 1, rate->stars);
            }
            STRCMP_EQUAL("", rig.checkTarget("skip", layout.skip).c_str());
            const auto intent = rig.tap(layout.skip.centre(), rating.drawer());
            CHECK_TRUE(intent && std::holds_alternative<kiosk::SkipRating>(*intent));
            // Beside the buttons: nothing.
            CHECK_FALSE(rig.tap(ImVec2(2.0f, panel.height * 0.5f), rating.drawer()).has_value());
        }
    }
}

TEST(RatingScreen, FiveShortLabelsShareOneRowAndTheQuestionStaysAboveIt) {
    CustomerScreenRig rig(800, 480);
    const auto view = english();
    const auto layout = ui::RatingScreen::layout(view, rig.ui());
    LONGS_EQUAL(1, layout.rows);
    for (const auto& star : layout.stars) {
        DOUBLES_EQUAL(layout.stars.front().pos.y, star.pos.y, 0.001);
    }
    // The question's line ends above the buttons.
    CHECK_TRUE(layout.stars.front().pos.y - rig.ui().fonts.get(ui::FontRole::Heading)->FontSize > layout.top);
}

TEST(RatingScreen, LabelsTooWideForOneRowGoOnTwoRowsThatStillFit) {
    CustomerScreenRig rig(800, 480);
    auto view = english();
    view.starLabels = {"1 – Very poor indeed", "2 – Poor", "3 – All right", "4 – Good", "5 – Excellent, thanks"};
    const auto layout = ui::RatingScreen::layout(view, rig.ui());
    LONGS_EQUAL(2, layout.rows);
    for (std::size_t i = 0; i < layout.stars.size(); ++i) {
        STRCMP_EQUAL("", rig.checkTarget("star", layout.stars[i]).c_str());
        CHECK_FALSE(layout.stars[i].overlaps(layout.skip));
    }
    RatingUnderTest rating{rig, {}, view};
    const auto intent = rig.tap(layout.stars[4].centre(), rating.drawer());
    CHECK_TRUE(intent && std::holds_alternative<kiosk::Rate>(*intent) && std::get<kiosk::Rate>(*intent).stars == 5);
}

TEST(RatingScreen, WhileBusyAStarSendsNothing) {
    CustomerScreenRig rig(1280, 800);
    auto view = english();
    view.chrome.busy = true;
    view.chrome.busyText = "Saving…";
    RatingUnderTest rating{rig, {}, view};
    const auto layout = ui::RatingScreen::layout(view, rig.ui());
    CHECK_FALSE(rig.tap(layout.stars[2].centre(), rating.drawer()).has_value());
    CHECK_FALSE(rig.tap(layout.skip.centre(), rating.drawer()).has_value());
    CHECK_TRUE(rig.drew("Saving…"));
}

TEST(RatingScreen, HighContrastWithBannersKeepsEveryButtonBelowThemAndOnScreen) {
    CustomerScreenRig rig(800, 480, true);
    auto view = spanish();
    view.chrome.offlineBanner = "Sin conexión: los puntos se guardan aquí y se envían más tarde";
    view.chrome.readerBanner = "El lector de tarjetas no funciona. Por favor, avise al personal.";
    RatingUnderTest rating{rig, {}, view};
    rig.idle(rating.drawer());
    STRCMP_EQUAL("", rig.missing({view.question, view.chrome.offlineBanner, view.chrome.readerBanner}).c_str());
    const auto layout = ui::RatingScreen::layout(view, rig.ui());
    for (const auto& star : layout.stars) {
        CHECK_TRUE(star.pos.y > layout.top);
        STRCMP_EQUAL("", rig.checkTarget("star", star).c_str());
    }
    const auto intent = rig.tap(layout.stars[0].centre(), rating.drawer());
    CHECK_TRUE(intent && std::holds_alternative<kiosk::Rate>(*intent) && std::get<kiosk::Rate>(*intent).stars == 1);
}
