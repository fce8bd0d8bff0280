#include "ui/screens/SummaryScreen.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>

#include "ui/Widgets.h"
#include "ui/screens/ChromeBar.h"

namespace ui {
namespace {

constexpr int kHoursPerLabel = 6;

std::vector<StackedText> summaryLines(const kiosk::SummaryView& view, const UiContext& ui) {
    std::vector<StackedText> texts;
    for (const auto& line : view.lines) {
        texts.push_back({line, compactLayout(ui) ? FontRole::Body : FontRole::Button, ui.theme.palette().text});
    }
    return texts;
}

float labelWidth(const std::string& text, ImFont* font) {
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, text.c_str()).x;
}

std::int64_t largest(const std::vector<std::int64_t>& values) {
    std::int64_t most = 0;
    for (const auto value : values) {
        most = std::max(most, value);
    }
    return most;
}

}  // namespace

SummaryScreen::Layout SummaryScreen::layout(const kiosk::SummaryView& view, const UiContext& ui) {
    Layout layout;
    const Box content = contentBox(view.chrome, ui);
    const float gap = layoutGap(ui);
    const float target = ui.theme.minTouchTarget();
    layout.titleY = content.min.y;
    const float titleHeight = centeredTextHeight(view.title, ui.fonts.get(titleRole(ui)), content.width());
    const float backWidth = std::max(buttonWidthFor(view.backLabel, ui), target * 2.0f);
    layout.back = Box::at(ImVec2(content.min.x, content.max.y - target), ImVec2(backWidth, target));

    const float top = layout.titleY + titleHeight + gap * 2.0f;
    const float bottom = layout.back.min.y - gap * 2.0f;
    const float linesWidth = std::floor(content.width() * 0.34f);
    layout.lines = Box{ImVec2(content.min.x, top), ImVec2(content.min.x + linesWidth, bottom)};
    layout.chart = Box{ImVec2(layout.lines.max.x + gap * 2.0f, top), ImVec2(content.max.x, bottom)};

    ImFont* small = ui.fonts.get(FontRole::Small);
    ImFont* label = ui.fonts.get(secondaryRole(ui));
    const float labelHeight = centeredTextHeight(view.chartLabel, label, layout.chart.width());
    const std::string most = std::to_string(std::max<std::int64_t>(1, largest(view.perHour)));
    const float axisWidth = labelWidth(most, small) + gap;
    layout.plot = Box{ImVec2(layout.chart.min.x + axisWidth, layout.chart.min.y + labelHeight + gap + small->FontSize * 0.5f),
                      ImVec2(layout.chart.max.x - labelWidth("24", small) * 0.5f,
                             layout.chart.max.y - small->FontSize * 1.3f)};
    return layout;
}

std::optional<kiosk::Intent> SummaryScreen::drawContent(const kiosk::SummaryView& view, const UiContext& ui) {
    beginChrome(view.chrome, ui);  // banners; layout() already starts below them
    const BusyGuard guard(view.chrome.busy);
    const Layout layout = SummaryScreen::layout(view, ui);
    const Palette& palette = ui.theme.palette();
    const Box content = contentBox(view.chrome, ui);
    ImDrawList* drawList = ImGui::GetWindowDrawList();
    std::optional<kiosk::Intent> intent;

    centeredText(view.title, ui.fonts.get(titleRole(ui)), toU32(palette.text), content.min.x, content.width(),
                 layout.titleY);
    const auto lines = summaryLines(view, ui);
    const float linesHeight = stackHeight(lines, layout.lines.width(), ui) + layoutGap(ui) * static_cast<float>(lines.size());
    float y = layout.lines.min.y + std::max(0.0f, (layout.lines.height() - linesHeight) * 0.5f);
    for (const auto& line : lines) {
        y = drawStack({line}, layout.lines.min.x, layout.lines.width(), y, ui) + layoutGap(ui);
    }

    // The chart: its label, the bars, the hour axis and the scale.
    ImFont* small = ui.fonts.get(FontRole::Small);
    centeredText(view.chartLabel, ui.fonts.get(secondaryRole(ui)), toU32(palette.textMuted), layout.chart.min.x,
                 layout.chart.width(), layout.chart.min.y);
    const Box& plot = layout.plot;
    const float line = std::max(1.0f, 2.0f * ui.scale);
    const std::int64_t most = std::max<std::int64_t>(1, largest(view.perHour));
    drawList->AddLine(ImVec2(plot.min.x, plot.min.y), ImVec2(plot.max.x, plot.min.y), toU32(palette.outline), 1.0f);
    drawList->AddLine(ImVec2(plot.min.x, plot.max.y), ImVec2(plot.max.x, plot.max.y), toU32(palette.outline), line);
    const std::string mostText = std::to_string(most);
    drawText(drawList, small, ImVec2(plot.min.x - layoutGap(ui) - labelWidth(mostText, small), plot.min.y - small->FontSize * 0.5f),
             toU32(palette.textMuted), mostText);
    drawText(drawList, small, ImVec2(plot.min.x - layoutGap(ui) - labelWidth("0", small), plot.max.y - small->FontSize * 0.5f),
             toU32(palette.textMuted), "0");

    const std::size_t hours = view.perHour.empty() ? 24 : view.perHour.size();
    const float slot = plot.width() / static_cast<float>(hours);
    for (std::size_t hour = 0; hour < view.perHour.size(); ++hour) {
        const auto value = static_cast<float>(std::max<std::int64_t>(0, view.perHour[hour]));
        const float height = std::round(plot.height() * value / static_cast<float>(most));
        if (height <= 0.0f) {
            continue;
        }
        const float x = plot.min.x + static_cast<float>(hour) * slot;
        drawList->AddRectFilled(ImVec2(std::floor(x + slot * 0.15f), plot.max.y - height),
                                ImVec2(std::floor(x + slot * 0.85f), plot.max.y), toU32(palette.accent),
                                std::min(4.0f * ui.scale, slot * 0.2f), ImDrawFlags_RoundCornersTop);
    }
    for (std::size_t hour = 0; hour <= hours; hour += kHoursPerLabel) {
        const float x = plot.min.x + static_cast<float>(hour) * slot;
        drawList->AddLine(ImVec2(x, plot.max.y), ImVec2(x, plot.max.y + small->FontSize * 0.3f), toU32(palette.outline), line);
        const std::string text = std::to_string(hour);
        drawText(drawList, small, ImVec2(std::floor(x - labelWidth(text, small) * 0.5f), plot.max.y + small->FontSize * 0.3f),
                 toU32(palette.textMuted), text);
    }

    if (touchButton("back", view.backLabel, layout.back.min, layout.back.size(), ButtonStyle::Secondary, ui)) {
        intent = kiosk::Cancel{};
    }
    return endChrome(view.chrome, ui, intent);
}

}  // namespace ui
