#include "ui/screens/StaffScreenParts.h"

#include <algorithm>
#include <cmath>

#include "ui/Widgets.h"
#include "ui/screens/ChromeBar.h"
#include "ui/widgets/DragScrollArea.h"
#include "ui/widgets/Keypad.h"

namespace ui {

float layoutGap(const UiContext& ui) { return std::max(8.0f, 16.0f * ui.scale); }

Box contentBox(const kiosk::Chrome& chrome, const UiContext& ui) {
    const float margin = screenMargin(ui);
    const float top = chromeBannerHeight(chrome, ui) + margin;
    return Box{ImVec2(margin, top), ImVec2(ui.width - margin, ui.height - margin)};
}

bool compactLayout(const UiContext& ui) { return ui.height < 600.0f; }

FontRole titleRole(const UiContext& ui) { return compactLayout(ui) ? FontRole::Button : FontRole::Heading; }

FontRole secondaryRole(const UiContext& ui) { return compactLayout(ui) ? FontRole::Small : FontRole::Body; }

float stackHeight(const std::vector<StackedText>& texts, float width, const UiContext& ui) {
    float height = 0.0f;
    int shown = 0;
    for (const auto& line : texts) {
        if (!line.text.empty()) {
            height += centeredTextHeight(line.text, ui.fonts.get(line.role), width);
            ++shown;
        }
    }
    return height + static_cast<float>(std::max(0, shown - 1)) * layoutGap(ui) * 0.5f;
}

float drawStack(const std::vector<StackedText>& texts, float left, float width, float y, const UiContext& ui) {
    bool first = true;
    for (const auto& line : texts) {
        if (line.text.empty()) {
            continue;
        }
        if (!first) {
            y += layoutGap(ui) * 0.5f;
        }
        first = false;
        y = centeredText(line.text, ui.fonts.get(line.role), toU32(line.colour), left, width, y);
    }
    return y;
}

KeypadColumn keypadColumn(const Box& area, const std::string& okLabel, const std::string& cancelLabel,
                          const UiContext& ui) {
    const float target = ui.theme.minTouchTarget();
    const float keyGap = ui.theme.mm(2.0f);  // as Keypad spaces its keys
    const float gap = layoutGap(ui);
    // Keys grow with the panel (up to 1.25 targets) but never below a target.
    const float key = std::max(target, std::min(target * 1.25f, (area.height() - 3.0f * keyGap) / 4.0f));
    const ImVec2 keypadSize(3.0f * key + 2.0f * keyGap, 4.0f * key + 3.0f * keyGap);
    const ImVec2 minimum = Keypad::minimumSize(ui);
    const float columnWidth = std::max({buttonWidthFor(okLabel, ui), buttonWidthFor(cancelLabel, ui), key * 1.2f});
    const float blockWidth = std::max(keypadSize.x, minimum.x) + gap + columnWidth;
    const float top = area.min.y + std::max(0.0f, (area.height() - keypadSize.y) * 0.5f);

    KeypadColumn column;
    column.keypad = Box::at(ImVec2(area.max.x - blockWidth, top), keypadSize);
    const float x = column.keypad.max.x + gap;
    column.cancel = Box::at(ImVec2(x, top), ImVec2(columnWidth, key));
    column.extra = Box::at(ImVec2(x, top + key + keyGap), ImVec2(columnWidth, key));
    column.ok = Box::at(ImVec2(x, top + 2.0f * (key + keyGap)), ImVec2(columnWidth, 2.0f * key + keyGap));
    column.rest = Box{area.min, ImVec2(column.keypad.min.x - 2.0f * gap, area.max.y)};
    return column;
}

float buttonWidthFor(const std::string& label, const UiContext& ui) {
    ImFont* font = ui.fonts.get(FontRole::Button);
    const float text = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, label.c_str()).x;
    return std::max(ui.theme.minTouchTarget(), std::ceil(text + 2.0f * std::max(16.0f, 28.0f * ui.scale)));
}

bool tileButton(const char* id, const std::string& label, const std::string& detail, const Box& box, TileStyle style,
                const UiContext& ui) {
    ImGui::SetCursorScreenPos(box.min);
    const bool released = ImGui::InvisibleButton(id, ImVec2(std::max(1.0f, box.width()), std::max(1.0f, box.height())));
    const bool pressed = released && !DragScrollArea::wasDrag(ui) && style != TileStyle::Disabled;
    const bool held = ImGui::IsItemActive() && style != TileStyle::Disabled;
    traceButton(label, box.min, box.size());

    const Palette& palette = ui.theme.palette();
    ImVec4 fill = palette.surface;
    ImVec4 text = palette.text;
    ImVec4 detailColour = palette.textMuted;
    if (style == TileStyle::Selected || held) {
        fill = palette.accent;
        text = palette.accentText;
        detailColour = palette.accentText;
    } else if (style == TileStyle::Disabled) {
        fill = palette.background;
        text = palette.textMuted;
    }
    ImDrawList* drawList = ImGui::GetWindowDrawList();
    const float rounding = ImGui::GetStyle().FrameRounding;
    drawList->AddRectFilled(box.min, box.max, toU32(fill), rounding);
    const float border = std::max(2.0f, 2.0f * ui.scale);
    if (style != TileStyle::Selected || ui.theme.highContrast()) {
        drawList->AddRect(box.min, box.max, toU32(palette.outline), rounding, 0, border);
    }

    // The label in the button font, falling back to smaller faces when it
    // would not fit the tile even wrapped.
    const float padding = std::max(6.0f, 12.0f * ui.scale);
    const float textWidth = std::max(1.0f, box.width() - 2.0f * padding);
    ImFont* detailFont = ui.fonts.get(FontRole::Small);
    const float detailHeight = detail.empty() ? 0.0f : centeredTextHeight(detail, detailFont, textWidth);
    ImFont* font = ui.fonts.get(FontRole::Button);
    const float room = box.height() - std::max(2.0f, 4.0f * ui.scale);
    for (FontRole role : {FontRole::Body, FontRole::Small}) {
        if (centeredTextHeight(label, font, textWidth) + detailHeight <= room) {
            break;
        }
        font = ui.fonts.get(role);
    }
    const float labelHeight = centeredTextHeight(label, font, textWidth);
    float y = std::floor(box.min.y + std::max(0.0f, (box.height() - labelHeight - detailHeight) * 0.5f));
    drawList->PushClipRect(box.min, box.max, true);
    y = centeredText(label, font, toU32(text), box.min.x + padding, textWidth, y);
    if (!detail.empty()) {
        centeredText(detail, detailFont, toU32(detailColour), box.min.x + padding, textWidth, y);
    }
    drawList->PopClipRect();
    return pressed;
}

bool actionButton(const char* id, const std::string& label, const Box& box, ButtonStyle style, bool enabled,
                  const UiContext& ui) {
    if (enabled) {
        return touchButton(id, label, box.min, box.size(), style, ui);
    }
    tileButton(id, label, "", box, TileStyle::Disabled, ui);
    return false;
}

void drawEntryField(const Box& box, const std::string& text, FontRole role, const UiContext& ui) {
    const Palette& palette = ui.theme.palette();
    ImDrawList* drawList = ImGui::GetWindowDrawList();
    const float rounding = ImGui::GetStyle().FrameRounding * 0.5f;
    drawList->AddRectFilled(box.min, box.max, toU32(palette.surface), rounding);
    drawList->AddRect(box.min, box.max, toU32(palette.outline), rounding, 0, std::max(2.0f, 2.0f * ui.scale));
    ImFont* font = ui.fonts.get(role);
    const ImVec2 size = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, text.c_str());
    drawList->PushClipRect(box.min, box.max, true);
    drawText(drawList, font,
             ImVec2(std::floor(box.min.x + std::max(0.0f, (box.width() - size.x) * 0.5f)),
                    std::floor(box.min.y + (box.height() - size.y) * 0.5f)),
             toU32(palette.text), text);
    drawList->PopClipRect();
}

float choiceGridHeight(std::size_t count, int columns, float rowHeight, const UiContext& ui) {
    if (count == 0 || columns <= 0) {
        return 0.0f;
    }
    const auto rows = static_cast<float>((count + static_cast<std::size_t>(columns) - 1) / static_cast<std::size_t>(columns));
    return rows * rowHeight + (rows - 1.0f) * layoutGap(ui);
}

std::optional<std::size_t> choiceGrid(const char* id, const std::vector<std::string>& labels,
                                      std::optional<std::size_t> selected, const Box& area, int columns,
                                      const UiContext& ui) {
    if (labels.empty() || columns <= 0) {
        return std::nullopt;
    }
    const float gap = layoutGap(ui);
    const auto rows = static_cast<int>((labels.size() + static_cast<std::size_t>(columns) - 1) /
                                       static_cast<std::size_t>(columns));
    const float width = (area.width() - static_cast<float>(columns - 1) * gap) / static_cast<float>(columns);
    const float height = (area.height() - static_cast<float>(rows - 1) * gap) / static_cast<float>(rows);
    std::optional<std::size_t> tapped;
    ImGui::PushID(id);
    for (std::size_t i = 0; i < labels.size(); ++i) {
        const auto column = static_cast<float>(i % static_cast<std::size_t>(columns));
        const auto row = static_cast<float>(i / static_cast<std::size_t>(columns));
        const Box box = Box::at(ImVec2(area.min.x + column * (width + gap), area.min.y + row * (height + gap)),
                                ImVec2(width, height));
        ImGui::PushID(static_cast<int>(i));
        const TileStyle style = selected && *selected == i ? TileStyle::Selected : TileStyle::Normal;
        if (tileButton("choice", labels[i], "", box, style, ui)) {
            tapped = i;
        }
        ImGui::PopID();
    }
    ImGui::PopID();
    return tapped;
}

BusyGuard::BusyGuard(bool busy) : busy_(busy) {
    if (busy_) {
        ImGui::BeginDisabled(true);
    }
}

BusyGuard::~BusyGuard() {
    if (busy_) {
        ImGui::EndDisabled();
    }
}

}  // namespace ui
