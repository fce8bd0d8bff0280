#pragma once
// Building blocks the staff and technician screens share: a rectangle type
// their layouts are made of, spacing, a tile button whose label wraps (and
// that can be drawn disabled), a row of choices, and the busy guard. Every
// text still goes through ui::drawText / ui::centeredText, so --ui-trace sees
// it.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <imgui.h>

#include "kiosk/ViewModels.h"
#include "ui/UiContext.h"
#include "ui/Widgets.h"

namespace ui {

// An axis-aligned rectangle on screen. Screens compute their layout as boxes
// first (a pure function of the view and the UiContext, exposed so tests can
// check it fits and tap its centres), then draw into them.
struct Box {
    ImVec2 min{0.0f, 0.0f};
    ImVec2 max{0.0f, 0.0f};

    static Box at(ImVec2 pos, ImVec2 size) { return Box{pos, ImVec2(pos.x + size.x, pos.y + size.y)}; }
    float width() const { return max.x - min.x; }
    float height() const { return max.y - min.y; }
    ImVec2 size() const { return ImVec2(width(), height()); }
    ImVec2 centre() const { return ImVec2((min.x + max.x) * 0.5f, (min.y + max.y) * 0.5f); }
    bool empty() const { return width() <= 0.0f || height() <= 0.0f; }
};

// The gap between neighbouring tiles and texts at the panel's scale
// (margins are ChromeBar's screenMargin, shared by every screen).
float layoutGap(const UiContext& ui);
// The screen less its margins and the chrome's banners.
Box contentBox(const kiosk::Chrome& chrome, const UiContext& ui);

// Small panels (800x480) have no height to spare: titles use the button
// face instead of the heading, secondary text the small face.
bool compactLayout(const UiContext& ui);
FontRole titleRole(const UiContext& ui);
FontRole secondaryRole(const UiContext& ui);

// A few centred, wrapped texts one under the other (a screen's title,
// prompt, error). Empty texts take no room.
struct StackedText {
    std::string text;
    FontRole role = FontRole::Body;
    ImVec4 colour;
};
float stackHeight(const std::vector<StackedText>& texts, float width, const UiContext& ui);
// Draws the texts from y; returns the y below the last.
float drawStack(const std::vector<StackedText>& texts, float left, float width, float y, const UiContext& ui);

// The numeric keypad at the right of area with a column beside it: Cancel
// level with the keypad's first row, the OK key two rows tall at the bottom
// (where a till's Enter key is), and optionally one more key (an
// adjustment's sign) in between. rest is what is left of area, on the left.
struct KeypadColumn {
    Box keypad;
    Box cancel;
    Box extra;
    Box ok;
    Box rest;
};
KeypadColumn keypadColumn(const Box& area, const std::string& okLabel, const std::string& cancelLabel,
                          const UiContext& ui);

// The narrowest single-line touchButton that shows label: the label's width
// in the button font plus padding, never below the minimum touch target.
float buttonWidthFor(const std::string& label, const UiContext& ui);

enum class TileStyle { Normal, Selected, Disabled };

// A touch tile whose label wraps to its width (and, when given, a smaller
// second line such as why it is disabled). Unlike touchButton it never grows
// past the box it is given: the caller sizes it (at least the minimum touch
// target wherever the screen allows). A Disabled tile is drawn muted and
// returns false; it still takes the press, so nothing under it reacts.
bool tileButton(const char* id, const std::string& label, const std::string& detail, const Box& box, TileStyle style,
                const UiContext& ui);

// A one-line button: touchButton in style when enabled, else a muted tile
// that returns false.
bool actionButton(const char* id, const std::string& label, const Box& box, ButtonStyle style, bool enabled,
                  const UiContext& ui);

// A read-only field showing what has been typed, its text centred in the
// face of role (clipped to the box).
void drawEntryField(const Box& box, const std::string& text, FontRole role, const UiContext& ui);

// A row (or grid of `columns`) of choice tiles; the selected one drawn
// Selected. Returns the index tapped this frame.
std::optional<std::size_t> choiceGrid(const char* id, const std::vector<std::string>& labels,
                                      std::optional<std::size_t> selected, const Box& area, int columns,
                                      const UiContext& ui);

// Height choiceGrid needs for count labels in `columns` columns with tiles
// rowHeight tall.
float choiceGridHeight(std::size_t count, int columns, float rowHeight, const UiContext& ui);

// While an effect is outstanding (view.chrome.busy) the screen is drawn but
// takes no input: ImGui items inside are disabled, so taps change nothing
// (not even a keyboard's shift or a list inside a child window, which
// ChromeBar's touch-claiming button does not cover). ChromeBar's endChrome
// then returns no intent.
class BusyGuard {
public:
    explicit BusyGuard(bool busy);
    ~BusyGuard();
    BusyGuard(const BusyGuard&) = delete;
    BusyGuard& operator=(const BusyGuard&) = delete;

private:
    bool busy_;
};

}  // namespace ui
