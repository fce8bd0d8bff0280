#pragma once
// "How was your visit today?" after a customer's interaction: five buttons,
// one to five stars, each showing its stars and the view's label, and Skip.

#include <vector>

#include "kiosk/ViewModels.h"
#include "ui/Screen.h"
#include "ui/screens/ChromeBar.h"

namespace ui {

struct RatingLayout {
    float top = 0.0f;         // below the chrome's banners
    std::vector<Rect> stars;  // one per label: stars[i] rates i + 1
    Rect skip;
    int rows = 1;             // labels too wide for one row go on two
};

class RatingScreen final : public Screen<kiosk::RatingView> {
public:
    const char* name() const override { return "rating"; }

    // Button i sends Rate{i + 1}; Skip sends SkipRating.
    static RatingLayout layout(const kiosk::RatingView& view, const UiContext& ui);

protected:
    std::optional<kiosk::Intent> drawContent(const kiosk::RatingView& view, const UiContext& ui) override;
};

}  // namespace ui
