#pragma once
// The member's own screen after a tap: greeting (first name only), balance
// with its pending part, tier badge and progress to the next tier, points
// about to expire, the next reward; a list that scrolls by dragging with the
// offers (Activate), the rewards (affordable first; a digital one can be
// taken here) and the history, every movement with its reason; Done, Staff
// and the language buttons.
//
// Two columns on every panel size: the summary on the left, the list on the
// right; each scrolls by dragging when it does not fit (800x480 with both
// banners up).

#include <cstddef>
#include <optional>
#include <vector>

#include "kiosk/ViewModels.h"
#include "ui/Screen.h"
#include "ui/screens/ChromeBar.h"

namespace ui {

// One row of the scrolling list, in screen pixels with the list scrolled to
// the top (a row moves up by the list's scroll).
struct MemberListRow {
    enum class Kind { OffersTitle, Offer, RewardsTitle, Reward, HistoryTitle, History };
    Kind kind = Kind::OffersTitle;
    std::size_t index = 0;  // into the view's offers, rewards or history
    Rect rect;
    std::optional<Rect> button;  // Activate (offer) or take it (digital reward in reach)
};

struct MemberLayout {
    float top = 0.0f;              // below the chrome's banners
    std::vector<Rect> languages;   // in the view's order
    std::optional<Rect> notice;
    Rect summary;                  // left column, scrolls by dragging
    Rect list;                     // right column, scrolls by dragging
    std::vector<MemberListRow> rows;
    float listContentHeight = 0.0f;
    Rect staff;
    Rect done;

    // The button of view.offers[index] / view.rewards[index], if it has one.
    std::optional<Rect> offerButton(std::size_t index) const;
    std::optional<Rect> rewardButton(std::size_t index) const;
};

class MemberScreen final : public Screen<kiosk::MemberView> {
public:
    const char* name() const override { return "member"; }

    // Activate: ActivateOfferIntent{id}; a digital reward in reach:
    // ChooseReward{id}; Done: Done; Staff: StartStaffLogin; a language not
    // selected: ChooseLanguage{code}.
    static MemberLayout layout(const kiosk::MemberView& view, const UiContext& ui);

protected:
    std::optional<kiosk::Intent> drawContent(const kiosk::MemberView& view, const UiContext& ui) override;
};

}  // namespace ui
