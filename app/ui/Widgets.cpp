#include "ui/Widgets.h"

#include "ui/UiTrace.h"
#include "ui/widgets/DragScrollArea.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace ui {
namespace {

// Splits text into the lines ImGui would wrap it into at width.
std::vector<std::string> wrapLines(const std::string& text, ImFont* font, float width) {
    std::vector<std::string> lines;
    const char* begin = text.c_str();
    const char* end = begin + text.size();
    while (begin < end) {
        const char* breakAt = font->CalcWordWrapPositionA(1.0f, begin, end, width);
        if (breakAt == begin) {
            breakAt = begin + 1;  // a single glyph wider than the box: never loop forever
        }
        const char* lineEnd = breakAt;
        while (lineEnd > begin && (lineEnd[-1] == ' ' || lineEnd[-1] == '\n')) {
            --lineEnd;
        }
        lines.emplace_back(begin, lineEnd);
        begin = breakAt;
        while (begin < end && (*begin == ' ' || *begin == '\n')) {
            ++begin;
        }
    }
    return lines;
}

}  // namespace

void drawText(ImDrawList* drawList, ImFont* font, ImVec2 pos, ImU32 colour, const std::string& text) {
    drawList->AddText(font, font->FontSize, pos, colour, text.c_str(), text.c_str() + text.size());
    if (UiTrace* trace = UiTrace::active()) {
        trace->text(text);
    }
}

float centeredTextHeight(const std::string& text, ImFont* font, float width) {
    return static_cast<float>(wrapLines(text, font, width).size()) * font->FontSize * 1.15f;
}

float centeredText(const std::string& text, ImFont* font, ImU32 colour, float left, float width, float y) {
    ImDrawList* drawList = ImGui::GetWindowDrawList();
    const float lineHeight = font->FontSize * 1.15f;
    if (UiTrace* trace = UiTrace::active()) {
        trace->text(text);  // the whole text once, however it wraps
    }
    for (const auto& line : wrapLines(text, font, width)) {
        const ImVec2 size = font->CalcTextSizeA(font->FontSize, width, 0.0f, line.c_str());
        const float x = std::floor(left + (width - size.x) * 0.5f);
        drawList->AddText(font, font->FontSize, ImVec2(x, std::floor(y)), colour, line.c_str());
        y += lineHeight;
    }
    return y;
}

void traceButton(const std::string& label, ImVec2 min, ImVec2 size) {
    if (UiTrace* trace = UiTrace::active()) {
        trace->button(label, min.x, min.y, size.x, size.y);
    }
}

bool touchButton(const char* id, const std::string& label, ImVec2 pos, ImVec2 size, ButtonStyle style,
                 const UiContext& ui) {
    const float minimum = ui.theme.minTouchTarget();
    size.x = std::max(size.x, minimum);
    size.y = std::max(size.y, minimum);
    ImGui::SetCursorScreenPos(pos);
    // A press that became a drag (scrolling a list) is not a tap.
    const bool pressed = ImGui::InvisibleButton(id, size) && !DragScrollArea::wasDrag(ui);
    const bool held = ImGui::IsItemActive();
    traceButton(label, pos, size);

    const Palette& palette = ui.theme.palette();
    ImVec4 fill = palette.surface;
    ImVec4 text = palette.text;
    if (style == ButtonStyle::Primary || style == ButtonStyle::Selected || held) {
        fill = palette.accent;
        text = palette.accentText;
    }
    ImDrawList* drawList = ImGui::GetWindowDrawList();
    const ImVec2 end(pos.x + size.x, pos.y + size.y);
    const float rounding = ImGui::GetStyle().FrameRounding;
    drawList->AddRectFilled(pos, end, toU32(fill), rounding);
    if (style == ButtonStyle::Secondary || ui.theme.highContrast()) {
        drawList->AddRect(pos, end, toU32(palette.outline), rounding, 0, std::max(2.0f, 2.0f * ui.scale));
    }
    ImFont* font = ui.fonts.get(FontRole::Button);
    const ImVec2 textSize = font->CalcTextSizeA(font->FontSize, size.x, 0.0f, label.c_str());
    drawText(drawList, font,
             ImVec2(std::floor(pos.x + (size.x - textSize.x) * 0.5f), std::floor(pos.y + (size.y - textSize.y) * 0.5f)),
             toU32(text), label);
    return pressed;
}

void drawCardTapIllustration(ImDrawList* drawList, ImVec2 centre, float size, const Palette& palette) {
    // The card, tilted towards the reader.
    const float cardW = size * 0.62f;
    const float cardH = cardW * 0.63f;  // ID-1 card proportions
    const ImVec2 cardMin(centre.x - cardW * 0.5f - size * 0.12f, centre.y - cardH * 0.5f);
    const ImVec2 cardMax(cardMin.x + cardW, cardMin.y + cardH);
    const float rounding = cardW * 0.07f;
    drawList->AddRectFilled(cardMin, cardMax, toU32(palette.accent), rounding);
    // A stripe and a chip-like mark so it reads as a card.
    drawList->AddRectFilled(ImVec2(cardMin.x + cardW * 0.1f, cardMin.y + cardH * 0.22f),
                            ImVec2(cardMin.x + cardW * 0.28f, cardMin.y + cardH * 0.44f),
                            toU32(palette.accentText), rounding * 0.4f);
    drawList->AddRectFilled(ImVec2(cardMin.x + cardW * 0.1f, cardMin.y + cardH * 0.68f),
                            ImVec2(cardMin.x + cardW * 0.7f, cardMin.y + cardH * 0.76f),
                            toU32(palette.accentText), rounding * 0.3f);
    // Contactless waves to the right of the card.
    const ImVec2 waveCentre(cardMax.x + size * 0.02f, centre.y);
    const float thickness = std::max(3.0f, size * 0.028f);
    for (int i = 1; i <= 3; ++i) {
        const float radius = size * 0.09f * static_cast<float>(i);
        drawList->PathArcTo(waveCentre, radius, -0.75f, 0.75f, 24);
        drawList->PathStroke(toU32(palette.text), 0, thickness);
    }
}

}  // namespace ui
