#pragma once
// Colours and sizes of the kiosk. Touch targets are sized in millimetres at
// the panel's DPI (design: at least 15 mm), never in raw pixels.

#include <imgui.h>

namespace ui {

struct Palette {
    ImVec4 background;
    ImVec4 surface;      // cards and panels
    ImVec4 text;
    ImVec4 textMuted;
    ImVec4 accent;       // primary buttons, the reader highlight
    ImVec4 accentText;   // text on accent
    ImVec4 outline;
};

class Theme {
public:
    // dpi: of the physical panel (a 10.1" 1280x800 panel is ~150).
    Theme(float dpi, bool highContrast);

    const Palette& palette() const { return palette_; }
    bool highContrast() const { return highContrast_; }
    float mm(float millimetres) const { return millimetres * dpi_ / 25.4f; }
    float minTouchTarget() const { return mm(15.0f); }

    // Applies colours, rounding and spacing to the current ImGui style.
    void apply(float scale) const;

private:
    float dpi_;
    bool highContrast_;
    Palette palette_;
};

ImU32 toU32(const ImVec4& colour);

}  // namespace ui
