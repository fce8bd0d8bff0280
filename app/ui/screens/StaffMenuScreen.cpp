#include "ui/screens/StaffMenuScreen.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "ui/Widgets.h"
#include "ui/screens/ChromeBar.h"

namespace ui {

StaffMenuScreen::Layout StaffMenuScreen::layout(const kiosk::StaffMenuView& view, const UiContext& ui) {
    Layout layout;
    const Box content = contentBox(view.chrome, ui);
    const float gap = layoutGap(ui);
    const float target = ui.theme.minTouchTarget();
    ImFont* header = ui.fonts.get(FontRole::Button);
    ImFont* notice = ui.fonts.get(secondaryRole(ui));

    layout.headerY = content.min.y;
    const float footerY = content.max.y - target;
    layout.switchStaff = Box::at(ImVec2(content.min.x, footerY), ImVec2(buttonWidthFor(view.switchStaffLabel, ui), target));
    const float logoutWidth = buttonWidthFor(view.logoutLabel, ui);
    layout.logout = Box::at(ImVec2(content.max.x - logoutWidth, footerY), ImVec2(logoutWidth, target));
    // The notice's line is kept even when empty, so the tiles do not jump.
    layout.noticeY = footerY - gap - notice->FontSize * 1.15f;

    const float gridTop = layout.headerY + header->FontSize * 1.3f + gap;
    const float gridBottom = layout.noticeY - gap;
    const std::size_t count = view.actions.size();
    if (count == 0) {
        return layout;
    }
    const std::size_t columns = std::min<std::size_t>(4, count);
    const std::size_t rows = (count + columns - 1) / columns;
    const float width = (content.width() - static_cast<float>(columns - 1) * gap) / static_cast<float>(columns);
    const float height = std::max(target, (gridBottom - gridTop - static_cast<float>(rows - 1) * gap) /
                                              static_cast<float>(rows));
    for (std::size_t i = 0; i < count; ++i) {
        const auto column = static_cast<float>(i % columns);
        const auto row = static_cast<float>(i / columns);
        layout.actions.push_back(
            Box::at(ImVec2(content.min.x + column * (width + gap), gridTop + row * (height + gap)), ImVec2(width, height)));
    }
    return layout;
}

std::optional<kiosk::Intent> StaffMenuScreen::drawContent(const kiosk::StaffMenuView& view, const UiContext& ui) {
    beginChrome(view.chrome, ui);  // banners; layout() already starts below them
    const BusyGuard guard(view.chrome.busy);
    const Layout layout = StaffMenuScreen::layout(view, ui);
    const Palette& palette = ui.theme.palette();
    const Box content = contentBox(view.chrome, ui);
    ImDrawList* drawList = ImGui::GetWindowDrawList();
    std::optional<kiosk::Intent> intent;

    // Who is serving on the left, whose card is in hand on the right.
    ImFont* header = ui.fonts.get(FontRole::Button);
    drawText(drawList, header, ImVec2(content.min.x, layout.headerY), toU32(palette.text), view.staffLine);
    const float customerWidth = header->CalcTextSizeA(header->FontSize, FLT_MAX, 0.0f, view.customerLine.c_str()).x;
    drawText(drawList, header, ImVec2(std::floor(content.max.x - customerWidth), layout.headerY), toU32(palette.accent),
             view.customerLine);

    for (std::size_t i = 0; i < view.actions.size() && i < layout.actions.size(); ++i) {
        const kiosk::StaffActionLine& action = view.actions[i];
        ImGui::PushID(static_cast<int>(i));
        const TileStyle style = action.enabled ? TileStyle::Normal : TileStyle::Disabled;
        if (tileButton("action", action.label, action.enabled ? std::string() : action.disabledReason, layout.actions[i],
                       style, ui)) {
            intent = kiosk::ChooseStaffAction{action.action};
        }
        ImGui::PopID();
    }

    centeredText(view.notice, ui.fonts.get(secondaryRole(ui)), toU32(palette.text), content.min.x, content.width(),
                 layout.noticeY);
    if (touchButton("switch-staff", view.switchStaffLabel, layout.switchStaff.min, layout.switchStaff.size(),
                    ButtonStyle::Secondary, ui)) {
        intent = kiosk::StartStaffLogin{};
    }
    if (touchButton("logout", view.logoutLabel, layout.logout.min, layout.logout.size(), ButtonStyle::Secondary, ui)) {
        intent = kiosk::StaffLogout{};
    }
    return endChrome(view.chrome, ui, intent);
}

}  // namespace ui
