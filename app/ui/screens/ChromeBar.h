#pragma once
// What every screen shows around its content (kiosk::Chrome): the offline and
// reader banners as a high-contrast strip across the top, and, while the flow
// waits for an effect, a busy overlay (spinner and text) that takes every
// touch. A screen brackets its content with the two calls:
//
//   std::optional<kiosk::Intent> SomeScreen::drawContent(const View& view, const UiContext& ui) {
//       const float top = beginChrome(view.chrome, ui);  // banners; claims touches while busy
//       std::optional<kiosk::Intent> intent;
//       ...  // content below top
//       return endChrome(view.chrome, ui, intent);       // overlay; never an intent while busy
//   }
//
// Also here: the few measures every screen's layout shares (margins, action
// buttons), so that screens line up with each other and with the chrome.

#include <optional>
#include <string>

#include <imgui.h>

#include "kiosk/Intent.h"
#include "kiosk/ViewModels.h"
#include "ui/UiContext.h"

namespace ui {

// A rectangle in screen pixels. Screens expose their layout as these so tests
// (and the lead wiring a screen) can find a button without reading pixels.
struct Rect {
    ImVec2 pos{0.0f, 0.0f};
    ImVec2 size{0.0f, 0.0f};

    ImVec2 max() const { return ImVec2(pos.x + size.x, pos.y + size.y); }
    ImVec2 centre() const { return ImVec2(pos.x + size.x * 0.5f, pos.y + size.y * 0.5f); }
    bool contains(ImVec2 point) const {
        return point.x >= pos.x && point.y >= pos.y && point.x < pos.x + size.x && point.y < pos.y + size.y;
    }
    bool overlaps(const Rect& other) const {
        return pos.x < other.pos.x + other.size.x && other.pos.x < pos.x + size.x && pos.y < other.pos.y + other.size.y &&
               other.pos.y < pos.y + size.y;
    }
};

// Height of the banner strip: 0 without a banner, one row per banner.
float chromeBannerHeight(const kiosk::Chrome& chrome, const UiContext& ui);

// Draws the banners at the top of the screen. While busy it first claims
// every touch on the screen window, so no button under it reacts. Returns the
// y where the screen's content starts.
float beginChrome(const kiosk::Chrome& chrome, const UiContext& ui);

// Draws the busy overlay above everything (scrolling lists included) and
// passes intent on, or returns nothing while busy.
std::optional<kiosk::Intent> endChrome(const kiosk::Chrome& chrome, const UiContext& ui,
                                       std::optional<kiosk::Intent> intent);

// ---- measures shared by the screens ------------------------------------------

// Space between the screen's edge and its content (48 px on 1280x800).
float screenMargin(const UiContext& ui);
// Space between neighbouring blocks and buttons (20 px on 1280x800).
float screenGap(const UiContext& ui);
// Height of an action button: at least the minimum touch target.
float actionButtonHeight(const UiContext& ui);
// An action button wide enough for its label, at least minWidth and never
// narrower than the minimum touch target.
ImVec2 actionButtonSize(const std::string& label, float minWidth, const UiContext& ui);

}  // namespace ui
