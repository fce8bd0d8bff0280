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
    // Closes it. When the content is taller than the area, a thin accent
    // thumb on its right edge shows that the list scrolls and where the
    // visible part is (it takes no input: the finger drags the list).
    static void end(const UiContext& ui);

    // How far a finger may wander and still tap: 3 mm at the panel's DPI.
    static float dragThreshold(const UiContext& ui);
    // True while (and in the frame after) the current press travelled past
    // the threshold.
    static bool wasDrag(const UiContext& ui);
};

}  // namespace ui
