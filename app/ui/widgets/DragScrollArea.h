#pragma once
// A vertical list that scrolls by dragging a finger anywhere on it: no scroll
// bar to aim at, no wheel or keyboard needed. A press that travels further
// than dragThreshold() scrolls the list and does not count as a tap on the
// button it started on (touchButton checks wasDrag()).

#include <imgui.h>

#include "ui/UiContext.h"

namespace ui {

class DragScrollArea {
public:
    // Opens a clipped region at pos of size; what is drawn until end() is
    // the list's content and scrolls with the finger.
    static void begin(const char* id, ImVec2 pos, ImVec2 size, const UiContext& ui);
    static void end();

    // How far a finger may wander and still tap: 3 mm at the panel's DPI.
    static float dragThreshold(const UiContext& ui);
    // True while (and in the frame after) the current press travelled past
    // the threshold.
    static bool wasDrag(const UiContext& ui);
};

}  // namespace ui
