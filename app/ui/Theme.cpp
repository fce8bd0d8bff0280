#include "ui/Theme.h"

namespace ui {
namespace {

ImVec4 rgb(int r, int g, int b) { return ImVec4(float(r) / 255.0f, float(g) / 255.0f, float(b) / 255.0f, 1.0f); }

Palette standardPalette() {
    return Palette{
        .background = rgb(15, 23, 42),
        .surface = rgb(30, 41, 59),
        .text = rgb(248, 250, 252),
        .textMuted = rgb(176, 190, 210),
        .accent = rgb(45, 212, 191),
        .accentText = rgb(8, 24, 32),
        .outline = rgb(71, 85, 105),
    };
}

Palette highContrastPalette() {
    return Palette{
        .background = rgb(0, 0, 0),
        .surface = rgb(0, 0, 0),
        .text = rgb(255, 255, 255),
        .textMuted = rgb(255, 255, 255),
        .accent = rgb(255, 230, 0),
        .accentText = rgb(0, 0, 0),
        .outline = rgb(255, 255, 255),
    };
}

}  // namespace

ImU32 toU32(const ImVec4& colour) { return ImGui::ColorConvertFloat4ToU32(colour); }

Theme::Theme(float dpi, bool highContrast)
    : dpi_(dpi), highContrast_(highContrast), palette_(highContrast ? highContrastPalette() : standardPalette()) {}

void Theme::apply(float scale) const {
    ImGuiStyle& style = ImGui::GetStyle();
    style = ImGuiStyle();
    style.WindowRounding = 0.0f;
    style.WindowBorderSize = 0.0f;
    style.WindowPadding = ImVec2(0.0f, 0.0f);
    style.FrameRounding = 16.0f * scale;
    style.FrameBorderSize = highContrast_ ? 3.0f * scale : 0.0f;
    style.FramePadding = ImVec2(24.0f * scale, 16.0f * scale);
    style.ItemSpacing = ImVec2(24.0f * scale, 20.0f * scale);
    style.TouchExtraPadding = ImVec2(4.0f * scale, 4.0f * scale);
    style.ScrollbarSize = 0.0f;  // lists scroll by dragging; no thin bars to aim at

    ImVec4* colours = style.Colors;
    colours[ImGuiCol_WindowBg] = palette_.background;
    colours[ImGuiCol_ChildBg] = palette_.surface;
    colours[ImGuiCol_Text] = palette_.text;
    colours[ImGuiCol_TextDisabled] = palette_.textMuted;
    colours[ImGuiCol_Border] = palette_.outline;
    colours[ImGuiCol_Button] = palette_.surface;
    colours[ImGuiCol_ButtonHovered] = palette_.surface;  // no hover on a touchscreen
    colours[ImGuiCol_ButtonActive] = palette_.accent;
}

}  // namespace ui
