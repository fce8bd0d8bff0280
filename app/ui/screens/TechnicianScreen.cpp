#include "ui/screens/TechnicianScreen.h"

#include <algorithm>
#include <cmath>

#include "ui/Widgets.h"
#include "ui/screens/ChromeBar.h"
#include "ui/widgets/DragScrollArea.h"

namespace ui {

TechnicianScreen::Layout TechnicianScreen::layout(const kiosk::TechnicianView& view, const UiContext& ui) {
    Layout layout;
    const Box content = contentBox(view.chrome, ui);
    const float gap = layoutGap(ui);
    const float target = ui.theme.minTouchTarget();
    layout.titleY = content.min.y;
    const float titleHeight = ui.fonts.get(titleRole(ui))->FontSize * 1.15f;

    const float footerY = content.max.y - target;
    layout.testReader = Box::at(ImVec2(content.min.x, footerY), ImVec2(buttonWidthFor(view.testReaderLabel, ui), target));
    layout.refresh = Box::at(ImVec2(layout.testReader.max.x + gap, footerY), ImVec2(buttonWidthFor(view.refreshLabel, ui), target));
    const float logoutWidth = buttonWidthFor(view.logoutLabel, ui);
    layout.logout = Box::at(ImVec2(content.max.x - logoutWidth, footerY), ImVec2(logoutWidth, target));
    layout.resultY = footerY - gap - ui.fonts.get(FontRole::Body)->FontSize * 1.15f;

    const float top = layout.titleY + titleHeight + gap;
    const float bottom = layout.resultY - gap;
    const float rowsWidth = std::floor(content.width() * 0.6f);
    layout.rows = Box{ImVec2(content.min.x, top), ImVec2(content.min.x + rowsWidth, bottom)};
    layout.logs = Box{ImVec2(layout.rows.max.x + gap, top), ImVec2(content.max.x, bottom)};
    layout.rowHeight = std::ceil(ui.fonts.get(secondaryRole(ui))->FontSize * 1.45f);
    layout.logLineHeight = std::ceil(ui.fonts.get(FontRole::Small)->FontSize * 1.3f);
    return layout;
}

std::optional<kiosk::Intent> TechnicianScreen::drawContent(const kiosk::TechnicianView& view, const UiContext& ui) {
    beginChrome(view.chrome, ui);  // banners; layout() already starts below them
    const BusyGuard guard(view.chrome.busy);
    const Layout layout = TechnicianScreen::layout(view, ui);
    const Palette& palette = ui.theme.palette();
    const Box content = contentBox(view.chrome, ui);
    std::optional<kiosk::Intent> intent;
    const float gap = layoutGap(ui);

    drawText(ImGui::GetWindowDrawList(), ui.fonts.get(titleRole(ui)), ImVec2(content.min.x, layout.titleY),
             toU32(palette.text), view.title);

    // Label/value rows: labels muted in the left part, values after them.
    ImFont* rowFont = ui.fonts.get(secondaryRole(ui));
    DragScrollArea::begin("rows", layout.rows.min, layout.rows.size(), ui);
    {
        ImDrawList* drawList = ImGui::GetWindowDrawList();
        const ImVec2 origin = ImGui::GetCursorScreenPos();
        const float valueX = origin.x + std::floor(layout.rows.width() * 0.58f);
        for (std::size_t i = 0; i < view.rows.size(); ++i) {
            const float y = origin.y + static_cast<float>(i) * layout.rowHeight;
            if (i % 2 == 0) {
                drawList->AddRectFilled(ImVec2(origin.x, y), ImVec2(origin.x + layout.rows.width(), y + layout.rowHeight),
                                        toU32(palette.surface));
            }
            const float textY = std::floor(y + (layout.rowHeight - rowFont->FontSize) * 0.5f);
            drawList->PushClipRect(ImVec2(origin.x, y), ImVec2(valueX - gap * 0.5f, y + layout.rowHeight), true);
            drawText(drawList, rowFont, ImVec2(origin.x + gap * 0.5f, textY), toU32(palette.textMuted), view.rows[i].label);
            drawList->PopClipRect();
            drawText(drawList, rowFont, ImVec2(valueX, textY), toU32(palette.text), view.rows[i].value);
        }
        ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + static_cast<float>(view.rows.size()) * layout.rowHeight));
        ImGui::Dummy(ImVec2(1.0f, 1.0f));
    }
    DragScrollArea::end(ui);

    // Recent log lines on a panel of their own.
    ImGui::GetWindowDrawList()->AddRectFilled(layout.logs.min, layout.logs.max, toU32(palette.surface),
                                              ImGui::GetStyle().FrameRounding * 0.5f);
    const float inset = gap * 0.5f;
    const Box logText{ImVec2(layout.logs.min.x + inset, layout.logs.min.y + inset),
                      ImVec2(layout.logs.max.x - inset, layout.logs.max.y - inset)};
    ImFont* logFont = ui.fonts.get(FontRole::Small);
    DragScrollArea::begin("log", logText.min, logText.size(), ui);
    {
        ImDrawList* drawList = ImGui::GetWindowDrawList();
        const ImVec2 origin = ImGui::GetCursorScreenPos();
        for (std::size_t i = 0; i < view.logLines.size(); ++i) {
            drawText(drawList, logFont, ImVec2(origin.x, origin.y + static_cast<float>(i) * layout.logLineHeight),
                     toU32(palette.text), view.logLines[i]);
        }
        ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + static_cast<float>(view.logLines.size()) * layout.logLineHeight));
        ImGui::Dummy(ImVec2(1.0f, 1.0f));
    }
    DragScrollArea::end(ui);

    centeredText(view.testResult, ui.fonts.get(FontRole::Body), toU32(palette.text), content.min.x, content.width(),
                 layout.resultY);
    if (touchButton("test-reader", view.testReaderLabel, layout.testReader.min, layout.testReader.size(),
                    ButtonStyle::Primary, ui)) {
        intent = kiosk::RunReaderTest{};
    }
    if (touchButton("refresh", view.refreshLabel, layout.refresh.min, layout.refresh.size(), ButtonStyle::Secondary, ui)) {
        intent = kiosk::RefreshDiagnostics{};
    }
    if (touchButton("logout", view.logoutLabel, layout.logout.min, layout.logout.size(), ButtonStyle::Secondary, ui)) {
        intent = kiosk::StaffLogout{};
    }
    return endChrome(view.chrome, ui, intent);
}

}  // namespace ui
