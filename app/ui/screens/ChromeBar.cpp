#include "ui/screens/ChromeBar.h"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "ui/Widgets.h"

namespace ui {
namespace {

ImVec4 rgb(int r, int g, int b) { return ImVec4(float(r) / 255.0f, float(g) / 255.0f, float(b) / 255.0f, 1.0f); }

struct BannerColours {
    ImVec4 fill;
    ImVec4 text;
};

// Dark text on a light warning colour: well above 7:1 in the standard theme;
// the high-contrast theme uses its own yellow on black.
BannerColours offlineColours(const UiContext& ui) {
    if (ui.theme.highContrast()) {
        return {ui.theme.palette().accent, ui.theme.palette().accentText};
    }
    return {rgb(251, 191, 36), rgb(15, 23, 42)};
}

BannerColours readerColours(const UiContext& ui) {
    if (ui.theme.highContrast()) {
        return {ui.theme.palette().accent, ui.theme.palette().accentText};
    }
    return {rgb(252, 165, 165), rgb(15, 23, 42)};
}

float bannerPadding(const UiContext& ui) { return std::max(10.0f * ui.scale, ui.theme.mm(1.2f)); }

// The round warning mark left of a banner's text.
float markRadius(const UiContext& ui) { return ui.fonts.get(FontRole::Body)->FontSize * 0.45f; }

// The text column of a banner: centred, with room for the mark on both sides
// so the text stays centred on the screen.
float bannerTextWidth(const UiContext& ui) {
    return std::max(1.0f, ui.width - 2.0f * (screenMargin(ui) + 2.0f * markRadius(ui) + screenGap(ui)));
}

float bannerHeight(const std::string& text, const UiContext& ui) {
    if (text.empty()) {
        return 0.0f;
    }
    return centeredTextHeight(text, ui.fonts.get(FontRole::Body), bannerTextWidth(ui)) + 2.0f * bannerPadding(ui);
}

void drawWarningMark(ImDrawList* drawList, ImVec2 centre, float radius, ImU32 colour) {
    drawList->AddCircle(centre, radius, colour, 32, std::max(2.0f, radius * 0.16f));
    const float bar = std::max(2.0f, radius * 0.18f);
    drawList->AddRectFilled(ImVec2(centre.x - bar * 0.5f, centre.y - radius * 0.55f),
                            ImVec2(centre.x + bar * 0.5f, centre.y + radius * 0.15f), colour);
    drawList->AddCircleFilled(ImVec2(centre.x, centre.y + radius * 0.45f), bar * 0.65f, colour);
}

float drawBanner(const std::string& text, float y, const BannerColours& colours, const UiContext& ui) {
    const float height = bannerHeight(text, ui);
    if (height <= 0.0f) {
        return y;
    }
    ImDrawList* drawList = ImGui::GetWindowDrawList();
    drawList->AddRectFilled(ImVec2(0.0f, y), ImVec2(ui.width, y + height), toU32(colours.fill));
    if (ui.theme.highContrast()) {
        // A white rule keeps two yellow banners apart and the strip apart from the content.
        const float rule = std::max(2.0f, 2.0f * ui.scale);
        drawList->AddRectFilled(ImVec2(0.0f, y + height - rule), ImVec2(ui.width, y + height),
                                toU32(ui.theme.palette().outline));
    }
    const float radius = markRadius(ui);
    const float textWidth = bannerTextWidth(ui);
    const float textLeft = (ui.width - textWidth) * 0.5f;
    drawWarningMark(drawList, ImVec2(textLeft - screenGap(ui) - radius, y + height * 0.5f), radius, toU32(colours.text));
    centeredText(text, ui.fonts.get(FontRole::Body), toU32(colours.text), textLeft, textWidth, y + bannerPadding(ui));
    return y + height;
}

void drawSpinner(ImDrawList* drawList, ImVec2 centre, float radius, const UiContext& ui) {
    const Palette& palette = ui.theme.palette();
    const float thickness = std::max(3.0f, radius * 0.18f);
    drawList->AddCircle(centre, radius, toU32(palette.outline), 48, thickness);
    const float start = static_cast<float>(std::fmod(ImGui::GetTime() * 5.0, 2.0 * std::numbers::pi));
    drawList->PathArcTo(centre, radius, start, start + std::numbers::pi_v<float> * 1.4f, 32);
    drawList->PathStroke(toU32(palette.accent), 0, thickness);
}

}  // namespace

float screenMargin(const UiContext& ui) { return std::max(48.0f * ui.scale, ui.theme.mm(3.0f)); }

float screenGap(const UiContext& ui) { return std::max(20.0f * ui.scale, ui.theme.mm(1.5f)); }

float actionButtonHeight(const UiContext& ui) {
    return std::max(ui.theme.minTouchTarget(), ui.fonts.get(FontRole::Button)->FontSize * 2.2f);
}

ImVec2 actionButtonSize(const std::string& label, float minWidth, const UiContext& ui) {
    ImFont* font = ui.fonts.get(FontRole::Button);
    const float textWidth = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, label.c_str()).x;
    const float width = std::max({minWidth, ui.theme.minTouchTarget(), textWidth + 2.0f * ui.theme.mm(5.0f)});
    return ImVec2(std::ceil(width), std::ceil(actionButtonHeight(ui)));
}

float chromeBannerHeight(const kiosk::Chrome& chrome, const UiContext& ui) {
    return bannerHeight(chrome.offlineBanner, ui) + bannerHeight(chrome.readerBanner, ui);
}

float beginChrome(const kiosk::Chrome& chrome, const UiContext& ui) {
    if (chrome.busy) {
        // Submitted before any button of the screen, so it owns the touch:
        // ImGui gives a press to the first item under the finger.
        ImGui::SetCursorScreenPos(ImVec2(0.0f, 0.0f));
        ImGui::InvisibleButton("##chrome-busy", ImVec2(std::max(1.0f, ui.width), std::max(1.0f, ui.height)));
    }
    // The reader first: without it nobody can be served at all.
    float y = drawBanner(chrome.readerBanner, 0.0f, readerColours(ui), ui);
    y = drawBanner(chrome.offlineBanner, y, offlineColours(ui), ui);
    return y;
}

std::optional<kiosk::Intent> endChrome(const kiosk::Chrome& chrome, const UiContext& ui,
                                       std::optional<kiosk::Intent> intent) {
    if (!chrome.busy) {
        return intent;
    }
    // The foreground list draws over every window, the lists' child windows too.
    ImDrawList* drawList = ImGui::GetForegroundDrawList();
    const Palette& palette = ui.theme.palette();
    ImVec4 scrim = palette.background;
    scrim.w = ui.theme.highContrast() ? 0.92f : 0.8f;
    drawList->AddRectFilled(ImVec2(0.0f, 0.0f), ImVec2(ui.width, ui.height), toU32(scrim));

    const float margin = screenMargin(ui);
    ImFont* font = ui.fonts.get(FontRole::Body);
    if (font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, chrome.busyText.c_str()).x > ui.width - 4.0f * margin) {
        font = ui.fonts.get(FontRole::Small);
    }
    const ImVec2 textSize = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, chrome.busyText.c_str());
    const float radius = ui.theme.mm(6.0f);
    const float pad = screenGap(ui) * 1.5f;
    const float panelW = std::min(ui.width - 2.0f * margin, std::max({textSize.x + 2.0f * pad, 2.0f * radius + 2.0f * pad, ui.theme.mm(45.0f)}));
    const float panelH = 2.0f * radius + (chrome.busyText.empty() ? 0.0f : pad + textSize.y) + 2.0f * pad;
    const ImVec2 panelMin(std::floor((ui.width - panelW) * 0.5f), std::floor((ui.height - panelH) * 0.5f));
    const ImVec2 panelMax(panelMin.x + panelW, panelMin.y + panelH);
    const float rounding = ImGui::GetStyle().FrameRounding;
    drawList->AddRectFilled(panelMin, panelMax, toU32(palette.surface), rounding);
    drawList->AddRect(panelMin, panelMax, toU32(palette.outline), rounding, 0, std::max(2.0f, 2.0f * ui.scale));
    drawSpinner(drawList, ImVec2(ui.width * 0.5f, panelMin.y + pad + radius), radius, ui);
    if (!chrome.busyText.empty()) {
        drawText(drawList, font,
                 ImVec2(std::floor((ui.width - textSize.x) * 0.5f), std::floor(panelMin.y + 2.0f * pad + 2.0f * radius)),
                 toU32(palette.text), chrome.busyText);
    }
    return std::nullopt;
}

}  // namespace ui
