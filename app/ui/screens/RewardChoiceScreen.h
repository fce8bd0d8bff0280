#pragma once
// Staff: which reward to redeem. A list that scrolls with a finger; each row
// shows the reward, its cost and whether the member can have it now.
// Rewards the member cannot have are muted and do nothing when tapped (the
// row says why: "40 pts to go", "Not available").

#include "kiosk/ViewModels.h"
#include "ui/Screen.h"
#include "ui/screens/StaffScreenParts.h"

namespace ui {

class RewardChoiceScreen final : public Screen<kiosk::RewardChoiceView> {
public:
    const char* name() const override { return "reward_choice"; }

    struct Layout {
        float titleY = 0.0f;
        Box list;         // the scrolling area
        float rowHeight = 0.0f;  // rows are rowHeight tall, layoutGap apart
        Box cancel;
    };
    static Layout layout(const kiosk::RewardChoiceView& view, const UiContext& ui);

protected:
    std::optional<kiosk::Intent> drawContent(const kiosk::RewardChoiceView& view, const UiContext& ui) override;
};

}  // namespace ui
