#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "app/ui/widgets/CustomerScreenRig.h"
#include "ui/screens/MemberScreen.h"
#include "ui/widgets/DragScrollArea.h"

// CppUTest last: its memory-leak macros redefine new.
#include <CppUTest/TestHarness.h>

namespace {

// Ana, a Silver member near a reward: what the flow's MemberViewBuilder
// gives the screen, every string final.
kiosk::MemberView ana() {
    kiosk::MemberView view;
    view.greeting = "Hello, Ana";
    view.balanceText = "1,240 pts";
    view.pendingText = "40 pending";
    view.tierName = "Silver";
    view.tierProgressPerMille = 620;
    view.tierProgressText = "760 pts to Gold";
    view.expiryText = "50 pts expire on 10 March 2027";
    view.offersTitle = "Offers for you";
    view.offers = {
        {"birthday", "Birthday treat", "A free pastry with any coffee this month", true, "Activated"},
        {"double-tuesday", "Double points Tuesday", "2x points on everything next Tuesday", false, "Activate"},
    };
    view.rewardsTitle = "Rewards";
    // Out of order on purpose: the screen shows what is in reach first.
    view.rewards = {
        {"hamper", "Gift hamper", "5,000 pts", false, false, "3,760 pts to go"},
        {"coffee", "Free coffee", "150 pts", true, true, "Get it now"},
        {"mug", "Branded mug", "900 pts", false, true, "Ask staff"},
    };
    view.nextRewardText = "3,760 pts to go for Gift hamper";
    view.historyTitle = "Your history";
    view.history = {
        {"20 Nov 2026", "+18 pts", "Purchase of €12.34", false},
        {"20 Nov 2026", "-18 pts", "Correction: wrong amount", false},
        {"19 Nov 2026", "+25 pts", "Purchase of €25.00 (cancelled)", true},
        {"2 Nov 2026", "-150 pts", "Reward: Free coffee", false},
        {"1 Nov 2026", "", "You rated your visit 5 out of 5", false},
        {"28 Oct 2026", "+100 pts", "Offer: Welcome bonus", false},
        {"1 Oct 2026", "+500 pts", "Adjustment: goodwill after a complaint about a late order", false},
    };
    view.notice = "Activated for your next purchase: Birthday treat";
    view.doneLabel = "Done";
    view.staffLabel = "Staff";
    view.languages = {{"en", "English", true}, {"es", "Español", false}};
    return view;
}

struct MemberUnderTest {
    CustomerScreenRig& rig;
    ui::MemberScreen screen;
    kiosk::MemberView view;
    float scrolled = 0.0f;  // how far the list was dragged

    std::function<std::optional<kiosk::Intent>()> drawer() {
        return [this] { return screen.draw(view, rig.ui()); };
    }
    ui::MemberLayout layout() const { return ui::MemberScreen::layout(view, rig.ui()); }

    // Drags the list up until rect (a row or button, unscrolled) is fully in
    // sight, then taps it.
    std::optional<kiosk::Intent> tapInList(const ui::Rect& rect) {
        const ui::Rect list = layout().list;
        const float wanted = std::max(0.0f, rect.max().y - list.max().y + 4.0f);
        const float reach = list.size.y - 2.0f * ui::DragScrollArea::dragThreshold(rig.ui()) - 8.0f;
        while (scrolled + 0.5f < wanted) {
            const float step = std::min(wanted - scrolled, reach);
            const ImVec2 from(list.pos.x + 10.0f, list.max().y - 4.0f);  // the list's left edge: never a button
            rig.drag(from, ImVec2(from.x, from.y - step), 8, drawer());
            scrolled += step;
        }
        return rig.tap(ImVec2(rect.centre().x, rect.centre().y - scrolled), drawer());
    }
};

// The intent as a T, if it is one (a copy: taps return temporaries).
template <class T>
std::optional<T> as(const std::optional<kiosk::Intent>& intent) {
    if (const T* value = intent ? std::get_if<T>(&*intent) : nullptr) {
        return *value;
    }
    return std::nullopt;
}

std::string checkAllTargets(const CustomerScreenRig& rig, const ui::MemberLayout& layout) {
    std::string report = rig.checkTarget("done", layout.done) + rig.checkTarget("staff", layout.staff);
    for (const auto& language : layout.languages) {
        report += rig.checkTarget("language", language);
        if (language.overlaps(layout.summary) || language.overlaps(layout.list)) {
            report += "a language button overlaps the content\n";
        }
    }
    if (layout.languages.size() == 2 && layout.languages[0].overlaps(layout.languages[1])) {
        report += "the language buttons overlap\n";
    }
    for (const auto& row : layout.rows) {
        if (row.button) {
            // Out of sight until the list is dragged: the size counts, not the place.
            report += rig.checkTargetSize("list button", *row.button);
            if (row.button->pos.x < layout.list.pos.x || row.button->max().x > layout.list.max().x) {
                report += "a list button sticks out of the list\n";
            }
        }
    }
    for (const auto* bar : {&layout.done, &layout.staff}) {
        if (bar->overlaps(layout.summary) || bar->overlaps(layout.list)) {
            report += "a bottom button overlaps the content\n";
        }
    }
    if (layout.notice && (layout.notice->overlaps(layout.done) || layout.notice->overlaps(layout.staff) ||
                          layout.notice->overlaps(layout.list))) {
        report += "the notice overlaps a button or the list\n";
    }
    if (layout.done.overlaps(layout.staff) || layout.summary.overlaps(layout.list)) {
        report += "overlap in the layout\n";
    }
    return report;
}

}  // namespace

TEST_GROUP(MemberScreen){};

TEST(MemberScreen, ShowsTheSummaryTheFirstRowsAndTheButtonsAtBothPanelSizes) {
    for (const auto& panel : kPanels) {
        CustomerScreenRig rig(panel.width, panel.height);
        MemberUnderTest member{rig, {}, ana()};
        rig.idle(member.drawer());
        const auto& view = member.view;
        STRCMP_EQUAL("", rig.missing({view.greeting, view.balanceText, view.pendingText, view.tierName,
                                      view.tierProgressText, view.expiryText, view.nextRewardText, view.notice,
                                      view.offersTitle, "Birthday treat", "Activated", view.doneLabel,
                                      view.staffLabel, "English", "Español"})
                             .c_str());
        STRCMP_EQUAL("", checkAllTargets(rig, member.layout()).c_str());
    }
}

TEST(MemberScreen, EveryButtonSendsItsIntentAtBothPanelSizes) {
    for (const auto& panel : kPanels) {
        CustomerScreenRig rig(panel.width, panel.height);
        MemberUnderTest member{rig, {}, ana()};
        const auto layout = member.layout();

        CHECK_TRUE(as<kiosk::Done>(rig.tap(layout.done.centre(), member.drawer())).has_value());
        CHECK_TRUE(as<kiosk::StartStaffLogin>(rig.tap(layout.staff.centre(), member.drawer())).has_value());
        const auto language = as<kiosk::ChooseLanguage>(rig.tap(layout.languages[1].centre(), member.drawer()));
        CHECK_TRUE(language.has_value());
        STRCMP_EQUAL("es", language->language.c_str());
        // The language already chosen sends nothing.
        CHECK_FALSE(rig.tap(layout.languages[0].centre(), member.drawer()).has_value());

        // An activated offer has no button; the other one activates.
        CHECK_FALSE(layout.offerButton(0).has_value());
        const auto activate = layout.offerButton(1);
        CHECK_TRUE(activate.has_value());
        const auto offer = as<kiosk::ActivateOfferIntent>(member.tapInList(*activate));
        CHECK_TRUE(offer.has_value());
        STRCMP_EQUAL("double-tuesday", offer->offerId.c_str());

        // Only a digital reward in reach can be taken here.
        CHECK_FALSE(layout.rewardButton(0).has_value());  // not enough points
        CHECK_FALSE(layout.rewardButton(2).has_value());  // physical: staff hand it over
        const auto take = layout.rewardButton(1);
        CHECK_TRUE(take.has_value());
        const auto reward = as<kiosk::ChooseReward>(member.tapInList(*take));
        CHECK_TRUE(reward.has_value());
        STRCMP_EQUAL("coffee", reward->rewardId.c_str());
        CHECK_TRUE(rig.drew("Get it now"));
        CHECK_TRUE(rig.drew("Free coffee"));
    }
}

TEST(MemberScreen, RewardsInReachComeFirst) {
    CustomerScreenRig rig(1280, 800);
    MemberUnderTest member{rig, {}, ana()};
    std::vector<std::size_t> order;
    for (const auto& row : member.layout().rows) {
        if (row.kind == ui::MemberListRow::Kind::Reward) {
            order.push_back(row.index);
        }
    }
    LONGS_EQUAL(3, order.size());
    LONGS_EQUAL(1, order[0]);  // coffee
    LONGS_EQUAL(2, order[1]);  // mug
    LONGS_EQUAL(0, order[2]);  // hamper, out of reach
}

TEST(MemberScreen, DraggingTheListShowsTheWholeHistoryWithItsReasons) {
    for (const auto& panel : kPanels) {
        CustomerScreenRig rig(panel.width, panel.height);
        MemberUnderTest member{rig, {}, ana()};
        const auto layout = member.layout();
        const ui::Rect& last = layout.rows.back().rect;
        CHECK_TRUE(layout.rows.back().kind == ui::MemberListRow::Kind::History);
        CHECK_TRUE(last.max().y > layout.list.max().y);  // the history starts out of sight
        rig.idle(member.drawer());
        CHECK_FALSE(rig.drew("Offer: Welcome bonus"));

        // Tapping the last line (not a button) after dragging it into view sends nothing.
        CHECK_FALSE(member.tapInList(last).has_value());
        CHECK_TRUE(member.scrolled > 0.0f);
        // Every history line now fully in sight shows its date, points and
        // reason (a long reason wraps or is cut, but starts on screen).
        const auto texts = rig.lastTexts();
        const auto starts = [&](const std::string& reason) {
            return std::any_of(texts.begin(), texts.end(), [&](const std::string& text) {
                return text.size() >= 8 && reason.compare(0, 8, text, 0, 8) == 0;
            });
        };
        int checked = 0;
        for (const auto& row : layout.rows) {
            if (row.kind != ui::MemberListRow::Kind::History || row.rect.pos.y - member.scrolled < layout.list.pos.y) {
                continue;
            }
            const auto& line = member.view.history[row.index];
            std::vector<std::string> expected{line.dateText};
            if (!line.pointsText.empty()) {
                expected.push_back(line.pointsText);
            }
            STRCMP_EQUAL("", rig.missing(expected).c_str());
            CHECK_TRUE(starts(line.reasonText));
            ++checked;
        }
        CHECK_TRUE(checked >= 2);
        CHECK_TRUE(rig.drew("Offer: Welcome bonus"));
    }
}

TEST(MemberScreen, AVoidedMovementIsShownWithItsReason) {
    CustomerScreenRig rig(1280, 800);
    MemberUnderTest member{rig, {}, ana()};
    member.view.offers.clear();  // the history comes into view at once
    member.view.rewards.clear();
    rig.idle(member.drawer());
    STRCMP_EQUAL("", rig.missing({"Purchase of €25.00 (cancelled)", "+25 pts", "Purchase of €12.34", "+18 pts",
                                  "Correction: wrong amount", "-18 pts", "You rated your visit 5 out of 5"})
                         .c_str());
    CHECK_FALSE(rig.drew(member.view.offersTitle));  // no offers: no empty section
}

TEST(MemberScreen, HighContrastWithBothBannersAtTheSmallPanelStillWorks) {
    CustomerScreenRig rig(800, 480, true);
    MemberUnderTest member{rig, {}, ana()};
    member.view.chrome.offlineBanner = "Sin conexión: los puntos se guardan aquí y se envían más tarde";
    member.view.chrome.readerBanner = "El lector de tarjetas no funciona. Por favor, avise al personal.";
    rig.idle(member.drawer());
    const auto layout = member.layout();
    CHECK_TRUE(layout.top > 0.0f);
    CHECK_TRUE(layout.languages[0].pos.y >= layout.top);
    CHECK_TRUE(layout.list.size.y > 0.0f);
    STRCMP_EQUAL("", checkAllTargets(rig, layout).c_str());
    STRCMP_EQUAL("", rig.missing({member.view.chrome.offlineBanner, member.view.chrome.readerBanner,
                                  member.view.greeting, member.view.balanceText})
                         .c_str());
    CHECK_TRUE(as<kiosk::Done>(rig.tap(layout.done.centre(), member.drawer())).has_value());
    const auto offer = as<kiosk::ActivateOfferIntent>(member.tapInList(*layout.offerButton(1)));
    CHECK_TRUE(offer.has_value());
}

TEST(MemberScreen, WhileBusyNoButtonSendsAnythingNotEvenInTheList) {
    CustomerScreenRig rig(1280, 800);
    MemberUnderTest member{rig, {}, ana()};
    member.view.chrome.busy = true;
    member.view.chrome.busyText = "Saving…";
    const auto layout = member.layout();
    CHECK_FALSE(rig.tap(layout.done.centre(), member.drawer()).has_value());
    CHECK_FALSE(rig.tap(layout.offerButton(1)->centre(), member.drawer()).has_value());
    CHECK_FALSE(rig.tap(layout.languages[1].centre(), member.drawer()).has_value());
    CHECK_TRUE(rig.drew("Saving…"));
}

TEST(MemberScreen, AnEmptyViewDrawsWithoutCrashing) {
    CustomerScreenRig rig(800, 480);
    MemberUnderTest member{rig, {}, kiosk::MemberView{}};
    rig.idle(member.drawer());
    const auto layout = member.layout();
    CHECK_TRUE(layout.rows.empty());
    CHECK_TRUE(as<kiosk::Done>(rig.tap(layout.done.centre(), member.drawer())).has_value());
}
