#include "ui/screens/RewardChoiceScreen.h"

#include <algorithm>
#include <cmath>

#include "ui/Widgets.h"
#include "ui/screens/ChromeBar.h"
#include "ui/widgets/DragScrollArea.h"

namespace ui {
namespace {

// One reward: name and status on the left, cost on the right.
bool rewardRow(const kiosk::RewardLine& reward, const Box& box, const UiContext& ui) {
    ImGui::SetCursorScreenPos(box.min);
    const bool released = ImGui::InvisibleButton("reward", box.size());
    const bool enabled = reward.affordable;
    const bool pressed = released && enabled && !DragScrollArea::wasDrag(ui);
    const bool held = enabled && ImGui::IsItemActive() && !DragScrollArea::wasDrag(ui);
    traceButton(reward.name, box.min, box.size());

    const Palette& palette = ui.theme.palette();
    ImDrawList* drawList = ImGui::GetWindowDrawList();
    const float rounding = ImGui::GetStyle().FrameRounding;
    const ImVec4 fill = held ? palette.accent : enabled ? palette.surface : palette.background;
    const ImVec4 text = held ? palette.accentText : enabled ? palette.text : palette.textMuted;
    const ImVec4 muted = held ? palette.accentText : palette.textMuted;
    drawList->AddRectFilled(box.min, box.max, toU32(fill), rounding);
    drawList->AddRect(box.min, box.max, toU32(palette.outline), rounding, 0, std::max(2.0f, 2.0f * ui.scale));

    ImFont* name = ui.fonts.get(FontRole::Button);
    ImFont* small = ui.fonts.get(FontRole::Small);
    const float padding = std::max(12.0f, 24.0f * ui.scale);
    const float blockHeight = name->FontSize + (reward.statusText.empty() ? 0.0f : small->FontSize * 1.2f);
    const float top = std::floor(box.min.y + (box.height() - blockHeight) * 0.5f);
    const float costWidth = name->CalcTextSizeA(name->FontSize, FLT_MAX, 0.0f, reward.costText.c_str()).x;
    drawList->PushClipRect(box.min, ImVec2(box.max.x - costWidth - 2.0f * padding, box.max.y), true);
    drawText(drawList, name, ImVec2(box.min.x + padding, top), toU32(text), reward.name);
    drawText(drawList, small, ImVec2(box.min.x + padding, top + name->FontSize * 1.1f), toU32(muted), reward.statusText);
    drawList->PopClipRect();
    drawText(drawList, name,
             ImVec2(std::floor(box.max.x - padding - costWidth), std::floor(box.min.y + (box.height() - name->FontSize) * 0.5f)),
             toU32(text), reward.costText);
    return pressed;
}

}  // namespace

RewardChoiceScreen::Layout RewardChoiceScreen::layout(const kiosk::RewardChoiceView& view, const UiContext& ui) {
    Layout layout;
    const Box content = contentBox(view.chrome, ui);
    const float gap = layoutGap(ui);
    const float target = ui.theme.minTouchTarget();
    layout.titleY = content.min.y;
    const float titleHeight = centeredTextHeight(view.title, ui.fonts.get(titleRole(ui)), content.width());
    const float cancelWidth = std::max(buttonWidthFor(view.cancelLabel, ui), target * 2.0f);
    layout.cancel = Box::at(ImVec2(content.min.x, content.max.y - target), ImVec2(cancelWidth, target));
    layout.list = Box{ImVec2(content.min.x, layout.titleY + titleHeight + gap), ImVec2(content.max.x, layout.cancel.min.y - gap)};
    layout.rowHeight = std::max(target, ui.fonts.get(FontRole::Button)->FontSize * 2.6f);
    return layout;
}

std::optional<kiosk::Intent> RewardChoiceScreen::drawContent(const kiosk::RewardChoiceView& view, const UiContext& ui) {
    beginChrome(view.chrome, ui);  // banners; layout() already starts below them
    const BusyGuard guard(view.chrome.busy);
    const Layout layout = RewardChoiceScreen::layout(view, ui);
    const Box content = contentBox(view.chrome, ui);
    const float gap = layoutGap(ui);
    std::optional<kiosk::Intent> intent;

    centeredText(view.title, ui.fonts.get(titleRole(ui)), toU32(ui.theme.palette().text), content.min.x, content.width(),
                 layout.titleY);

    DragScrollArea::begin("rewards", layout.list.min, layout.list.size(), ui);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    for (std::size_t i = 0; i < view.rewards.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        const Box row = Box::at(ImVec2(origin.x, origin.y + static_cast<float>(i) * (layout.rowHeight + gap)),
                                ImVec2(layout.list.width(), layout.rowHeight));
        if (rewardRow(view.rewards[i], row, ui)) {
            intent = kiosk::ChooseReward{view.rewards[i].id};
        }
        ImGui::PopID();
    }
    // The content's extent, so the list scrolls exactly to its last row.
    ImGui::SetCursorScreenPos(
        ImVec2(origin.x, origin.y + static_cast<float>(view.rewards.size()) * (layout.rowHeight + gap) - gap));
    ImGui::Dummy(ImVec2(1.0f, 1.0f));
    DragScrollArea::end(ui);

    if (touchButton("cancel", view.cancelLabel, layout.cancel.min, layout.cancel.size(), ButtonStyle::Secondary, ui)) {
        intent = kiosk::Cancel{};
    }
    return endChrome(view.chrome, ui, intent);
}

}  // namespace ui
