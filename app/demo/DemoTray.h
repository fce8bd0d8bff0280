#pragma once
// The on-screen demo tray (loyalty-kiosk --demo only), drawn over every
// screen through ui::FlowLinks::drawOverlay. Collapsed it is a small
// "DEMO cards" tab at the top centre of the screen, where the screens keep
// no buttons (their headings are on the left, language buttons on the
// right). Tapped, it opens a strip across the top with one button per tray
// card (its key in the corner, its short label), the card on the reader
// highlighted; tapping a card presents it (or takes it away) and closes the
// strip again, so the screen's own buttons are hidden only while the
// presenter picks a card. Keys 1-9 (and the keypad's) do the same without
// opening it; 0 takes the card away.
//
// Labels are fixed English developer labels (tray.json), not catalogue
// texts: the tray is for the person giving the demo, never for customers.
// Every text goes through ui::drawText / ui::centeredText and every button
// through ui::traceButton, so --ui-trace sees the tray like any screen.

#include <optional>
#include <vector>

#include "demo/DemoCards.h"
#include "ui/UiContext.h"
#include "ui/screens/ChromeBar.h"

namespace demo {

struct DemoTrayLayout {
    ui::Rect strip;                // the open strip (empty size when collapsed)
    std::vector<ui::Rect> cards;   // one per tray card, in tray order (empty when collapsed)
    ui::Rect tab;                  // the tab that opens and closes the strip
};

class DemoTray {
public:
    explicit DemoTray(DemoCards& cards) : cards_(cards) {}

    // The digit of an SDL key (SDLK_0-SDLK_9, SDLK_KP_0-SDLK_KP_9), else nullopt.
    static std::optional<int> digitOf(int sdlKey);
    // A key press: a digit toggles that tray card (0 takes the card away).
    // True when the key was a digit.
    bool onKey(int sdlKey);

    // Draws the tray over the current frame and handles its taps.
    void draw(const ui::UiContext& ui);

    DemoTrayLayout layout(const ui::UiContext& ui) const;
    bool isOpen() const { return open_; }
    void setOpen(bool open) { open_ = open; }

private:
    void drawStrip(const ui::UiContext& ui, const DemoTrayLayout& layout);
    void drawTab(const ui::UiContext& ui, const DemoTrayLayout& layout);

    DemoCards& cards_;
    bool open_ = false;
};

}  // namespace demo
