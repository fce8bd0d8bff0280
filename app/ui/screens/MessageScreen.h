#pragma once
// A title, a sentence, what to do next and up to two buttons: the card being
// read, an unknown card, a refused card, a confirmation, an action the rules
// refused, and the staff's "tap the new card" step. One class serves them
// all; each instance knows its screen's name and which intent each button
// sends (the flow decides what a button means on each screen, see
// actionsFor()).

#include <optional>

#include "kiosk/ViewModels.h"
#include "ui/Screen.h"
#include "ui/screens/ChromeBar.h"

namespace ui {

struct MessageActions {
    kiosk::Intent primary = kiosk::Done{};
    kiosk::Intent secondary = kiosk::Cancel{};
};

// Where the buttons are, for the screen and for tests. A button is absent
// when the view gives it no label.
struct MessageLayout {
    float top = 0.0f;  // below the chrome's banners
    std::optional<Rect> primary;
    std::optional<Rect> secondary;
};

class MessageScreen final : public Screen<kiosk::MessageView> {
public:
    // screen: CardReading, UnknownCard, RefusedCard, Confirmation,
    // ActionRefused or TapNewCard; names the screen and picks its actions.
    explicit MessageScreen(kiosk::ScreenId screen);

    // UnknownCard: Done / StartStaffLogin ("Call staff"); TapNewCard: the
    // only button is secondary, Cancel; every other: Done / Cancel.
    static MessageActions actionsFor(kiosk::ScreenId screen);
    static MessageLayout layout(const kiosk::MessageView& view, const UiContext& ui);

    const char* name() const override { return name_; }
    const MessageActions& actions() const { return actions_; }

protected:
    std::optional<kiosk::Intent> drawContent(const kiosk::MessageView& view, const UiContext& ui) override;

private:
    const char* name_;
    MessageActions actions_;
};

}  // namespace ui
