#pragma once
// What every screen needs to draw: the theme, the fonts and the size of the
// drawable area. Owned by KioskWindow; screens only read it.

#include "ui/FontSet.h"
#include "ui/Theme.h"

namespace ui {

struct UiContext {
    const Theme& theme;
    const FontSet& fonts;
    float width;
    float height;
    float scale;  // 1.0 on a 1280x800 panel
};

}  // namespace ui
