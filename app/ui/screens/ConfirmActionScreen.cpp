#include "ui/screens/ConfirmActionScreen.h"

#include <algorithm>
#include <cmath>

#include "ui/Widgets.h"
#include "ui/screens/ChromeBar.h"

namespace ui {
namespace {

std::vector<StackedText> heading(const kiosk::ConfirmActionView& view, const UiContext& ui) {
    const Palette& palette = ui.theme.palette();
    // With the keyboard on screen the texts take the compact faces.
    const FontRole title = view.needsName ? FontRole::Button : titleRole(ui);
    const FontRole lines = view.needsName || compactLayout(ui) ? FontRole::Small : FontRole::Body;
    std::vector<StackedText> texts{{view.title, title, palette.text}};
    for (const auto& line : view.lines) {
        texts.push_back({line, lines, palette.textMuted});
    }
    if (view.needsName) {
        // Beside Cancel and Confirm rather than on a row of its own: every
        // row the keyboard does not lose makes its keys taller.
        texts.push_back({view.error, FontRole::Small, palette.text});
    }
    return texts;
}

std::vector<StackedText> errorText(const kiosk::ConfirmActionView& view, const UiContext& ui) {
    if (view.needsName) {
        return {};  // part of heading()
    }
    return {{view.error, FontRole::Body, ui.theme.palette().text}};
}

FontRole nameRole(const UiContext& ui) { return compactLayout(ui) ? FontRole::Button : FontRole::Heading; }

int reasonColumns(std::size_t count, float width, const UiContext& ui) {
    const float wide = ui.theme.minTouchTarget() * 2.0f;
    int columns = static_cast<int>(std::min<std::size_t>(3, count));
    while (columns > 1 && (width - static_cast<float>(columns - 1) * layoutGap(ui)) / static_cast<float>(columns) < wide) {
        --columns;
    }
    return std::max(1, columns);
}

// The name typed so far, left-aligned, with a caret after it.
void drawNameField(const Box& box, const std::string& prompt, const std::string& name, const UiContext& ui) {
    const Palette& palette = ui.theme.palette();
    ImDrawList* drawList = ImGui::GetWindowDrawList();
    ImFont* label = ui.fonts.get(secondaryRole(ui));
    const float padding = std::max(8.0f, 16.0f * ui.scale);
    const float labelWidth = label->CalcTextSizeA(label->FontSize, FLT_MAX, 0.0f, prompt.c_str()).x;
    drawText(drawList, label, ImVec2(box.min.x, std::floor(box.min.y + (box.height() - label->FontSize) * 0.5f)),
             toU32(palette.textMuted), prompt);
    const Box field{ImVec2(box.min.x + labelWidth + (prompt.empty() ? 0.0f : padding), box.min.y), box.max};
    const float rounding = ImGui::GetStyle().FrameRounding * 0.5f;
    drawList->AddRectFilled(field.min, field.max, toU32(palette.surface), rounding);
    drawList->AddRect(field.min, field.max, toU32(palette.outline), rounding, 0, std::max(2.0f, 2.0f * ui.scale));
    ImFont* font = ui.fonts.get(nameRole(ui));
    const float textWidth = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, name.c_str()).x;
    // A long name keeps its end (where the caret is) in view.
    const float x = std::min(field.min.x + padding, field.max.x - padding - textWidth - 4.0f);
    const float y = std::floor(field.min.y + (field.height() - font->FontSize) * 0.5f);
    drawList->PushClipRect(field.min, field.max, true);
    drawText(drawList, font, ImVec2(std::floor(x), y), toU32(palette.text), name);
    const float caretX = std::floor(x + textWidth + 2.0f);
    drawList->AddRectFilled(ImVec2(caretX, y), ImVec2(caretX + std::max(2.0f, 3.0f * ui.scale), y + font->FontSize),
                            toU32(palette.accent));
    drawList->PopClipRect();
}

}  // namespace

ConfirmActionScreen::Layout ConfirmActionScreen::layout(const kiosk::ConfirmActionView& view, const UiContext& ui) {
    Layout layout;
    const Box content = contentBox(view.chrome, ui);
    const float gap = layoutGap(ui);
    const float target = ui.theme.minTouchTarget();
    const float cancelWidth = std::max(buttonWidthFor(view.cancelLabel, ui), target * 2.0f);
    const float confirmWidth = std::max(buttonWidthFor(view.confirmLabel, ui), target * 2.0f);
    layout.textTop = content.min.y;

    if (!view.needsName) {
        // Texts on top, reasons under them, Cancel and Confirm along the bottom.
        layout.cancel = Box::at(ImVec2(content.min.x, content.max.y - target), ImVec2(cancelWidth, target));
        layout.confirm = Box::at(ImVec2(content.max.x - confirmWidth, content.max.y - target), ImVec2(confirmWidth, target));
        const float width = std::min(content.width(), 1000.0f * ui.scale);
        const float left = content.min.x + (content.width() - width) * 0.5f;
        layout.text = Box::at(ImVec2(left, layout.textTop), ImVec2(width, stackHeight(heading(view, ui), width, ui)));
        float y = layout.text.max.y + gap * 1.5f;
        if (!view.reasons.empty()) {
            layout.reasonColumns = reasonColumns(view.reasons.size(), width, ui);
            layout.reasons = Box::at(ImVec2(left, y),
                                     ImVec2(width, choiceGridHeight(view.reasons.size(), layout.reasonColumns, target, ui)));
            y = layout.reasons.max.y + gap;
        }
        layout.errorTop = y;
        return layout;
    }

    // Enrolment: Cancel and Confirm beside the texts at the top, the name
    // under them and the keyboard filling the rest, so its keys get every
    // pixel a small panel has.
    layout.confirm = Box::at(ImVec2(content.max.x - confirmWidth, content.min.y), ImVec2(confirmWidth, target));
    layout.cancel = Box::at(ImVec2(layout.confirm.min.x - gap - cancelWidth, content.min.y), ImVec2(cancelWidth, target));
    const float textWidth = layout.cancel.min.x - gap - content.min.x;
    layout.text = Box::at(content.min, ImVec2(textWidth, stackHeight(heading(view, ui), textWidth, ui)));
    float y = std::max(layout.text.max.y, layout.cancel.max.y) + gap;
    // The name field shows, it is not touched: no need for a target's height.
    const float fieldHeight = std::max(ui.theme.mm(6.0f), ui.fonts.get(nameRole(ui))->FontSize * 1.5f);
    layout.nameField = Box::at(ImVec2(content.min.x, y), ImVec2(content.width(), fieldHeight));
    layout.errorTop = layout.text.min.y;  // the error is part of the texts at the top
    y = layout.nameField.max.y + gap;
    if (!view.reasons.empty()) {
        layout.reasonColumns = reasonColumns(view.reasons.size(), content.width(), ui);
        layout.reasons = Box::at(ImVec2(content.min.x, y), ImVec2(content.width(), choiceGridHeight(view.reasons.size(),
                                                                                                   layout.reasonColumns,
                                                                                                   target, ui)));
        y = layout.reasons.max.y + gap;
    }
    const ImVec2 preferred = TextKeyboard::preferredSize(ui);
    const ImVec2 size(std::min(content.width(), preferred.x * 1.15f), std::min(content.max.y - y, preferred.y * 1.15f));
    layout.keyboard = Box::at(ImVec2(content.min.x + (content.width() - size.x) * 0.5f, content.max.y - size.y), size);
    return layout;
}

std::optional<kiosk::Intent> ConfirmActionScreen::drawContent(const kiosk::ConfirmActionView& view, const UiContext& ui) {
    beginChrome(view.chrome, ui);  // banners; layout() already starts below them
    const BusyGuard guard(view.chrome.busy);
    const Layout layout = ConfirmActionScreen::layout(view, ui);
    std::optional<kiosk::Intent> intent;

    drawStack(heading(view, ui), layout.text.min.x, layout.text.width(), layout.textTop, ui);
    if (!view.reasons.empty()) {
        const std::optional<std::size_t> selected =
            view.reasonSelected ? std::optional<std::size_t>(view.selectedReason) : std::nullopt;
        if (const auto chosen = choiceGrid("reasons", view.reasons, selected, layout.reasons, layout.reasonColumns, ui)) {
            intent = kiosk::ChooseReason{*chosen};
        }
    }
    drawStack(errorText(view, ui), layout.text.min.x, layout.text.width(), layout.errorTop, ui);

    if (view.needsName) {
        drawNameField(layout.nameField, view.namePrompt, view.name, ui);
        std::string name = view.name;
        if (keyboard_.draw("name", layout.keyboard.min, layout.keyboard.size(), name, ui)) {
            intent = kiosk::EnterName{name};
        }
    }

    if (touchButton("cancel", view.cancelLabel, layout.cancel.min, layout.cancel.size(), ButtonStyle::Secondary, ui)) {
        intent = kiosk::Cancel{};
    }
    if (actionButton("confirm", view.confirmLabel, layout.confirm, ButtonStyle::Primary, view.confirmEnabled, ui)) {
        intent = kiosk::Confirm{};
    }
    return endChrome(view.chrome, ui, intent);
}

}  // namespace ui
