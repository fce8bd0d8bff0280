#include "ui/screens/RatingScreen.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <string>

#include "ui/Widgets.h"

namespace ui {
namespace {

float labelWidth(const std::string& label, const UiContext& ui) {
    ImFont* font = ui.fonts.get(FontRole::Button);
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, label.c_str()).x;
}

// Radius of the stars drawn in each button, small enough for five of them
// in the narrowest button.
float starRadius(const UiContext& ui) { return std::min(ui.theme.mm(2.2f), ui.theme.minTouchTarget() / 12.0f); }

float buttonHeight(const UiContext& ui) {
    const float stars = 2.0f * starRadius(ui) + ui.theme.mm(1.0f);
    const float label = ui.fonts.get(FontRole::Button)->FontSize;
    // The label sits in the middle; the stars above it, mirrored by space below.
    return std::ceil(std::max(ui.theme.minTouchTarget(), label + 2.0f * (stars + ui.theme.mm(1.0f))));
}

// Widths for one row of buttons: each fits its label; the narrower ones grow
// to a common width that fills the row, up to a comfortable width.
std::vector<float> rowWidths(const std::vector<float>& needed, float available, float gap, float comfortable) {
    const float budget = available - gap * static_cast<float>(needed.empty() ? 0 : needed.size() - 1);
    const auto widthAt = [&](float level) {
        float total = 0.0f;
        for (float width : needed) {
            total += std::max(width, level);
        }
        return total;
    };
    // The largest common width that still fits (widthAt is monotonic).
    float low = 0.0f;
    float high = comfortable;
    if (widthAt(high) <= budget) {
        low = high;
    } else {
        for (int i = 0; i < 32; ++i) {
            const float middle = (low + high) * 0.5f;
            (widthAt(middle) <= budget ? low : high) = middle;
        }
    }
    std::vector<float> widths;
    for (float width : needed) {
        widths.push_back(std::floor(std::max(width, low)));
    }
    return widths;
}

float rowWidth(const std::vector<float>& widths, float gap) {
    float total = widths.empty() ? 0.0f : gap * static_cast<float>(widths.size() - 1);
    for (float width : widths) {
        total += width;
    }
    return total;
}

void drawStar(ImDrawList* drawList, ImVec2 centre, float radius, ImU32 colour) {
    ImVec2 points[10];
    for (int i = 0; i < 10; ++i) {
        const float r = (i % 2 == 0) ? radius : radius * 0.45f;
        const float angle = -std::numbers::pi_v<float> * 0.5f + static_cast<float>(i) * std::numbers::pi_v<float> / 5.0f;
        points[i] = ImVec2(centre.x + r * std::cos(angle), centre.y + r * std::sin(angle));
    }
    for (int i = 0; i < 10; ++i) {
        drawList->AddTriangleFilled(centre, points[i], points[(i + 1) % 10], colour);
    }
}

}  // namespace

RatingLayout RatingScreen::layout(const kiosk::RatingView& view, const UiContext& ui) {
    RatingLayout layout;
    layout.top = chromeBannerHeight(view.chrome, ui);
    const float margin = screenMargin(ui);
    const float gap = screenGap(ui);
    const float contentWidth = ui.width - 2.0f * margin;
    const float minimum = ui.theme.minTouchTarget();
    const float comfortable = minimum * 2.4f;

    const ImVec2 skip = actionButtonSize(view.skipLabel, minimum * 2.6f, ui);
    layout.skip = Rect{ImVec2(std::floor((ui.width - skip.x) * 0.5f), ui.height - margin - skip.y), skip};

    std::vector<float> needed;
    for (const auto& label : view.starLabels) {
        needed.push_back(std::max(minimum, std::ceil(labelWidth(label, ui) + 2.0f * ui.theme.mm(2.0f))));
    }
    // One row when every label fits, else three over two.
    std::vector<std::vector<float>> rows;
    if (rowWidth(needed, gap) <= contentWidth || needed.size() <= 3) {
        rows.push_back(rowWidths(needed, contentWidth, gap, comfortable));
    } else {
        const auto split = needed.begin() + 3;
        rows.push_back(rowWidths(std::vector<float>(needed.begin(), split), contentWidth, gap, comfortable));
        rows.push_back(rowWidths(std::vector<float>(split, needed.end()), contentWidth, gap, comfortable));
    }
    layout.rows = static_cast<int>(rows.size());

    const float height = buttonHeight(ui);
    const float rowsHeight = height * static_cast<float>(rows.size()) + gap * static_cast<float>(rows.size() - 1);
    const float questionHeight = centeredTextHeight(view.question, ui.fonts.get(FontRole::Heading), contentWidth);
    // The question and the buttons as one block, centred above Skip.
    const float areaTop = layout.top + margin;
    const float areaBottom = layout.skip.pos.y - gap;
    const float block = questionHeight + 2.0f * gap + rowsHeight;
    float y = std::floor(areaTop + std::max(0.0f, (areaBottom - areaTop - block) * 0.5f)) + questionHeight + 2.0f * gap;
    for (const auto& row : rows) {
        float x = std::floor((ui.width - rowWidth(row, gap)) * 0.5f);
        for (float width : row) {
            layout.stars.push_back(Rect{ImVec2(x, y), ImVec2(width, height)});
            x += width + gap;
        }
        y += height + gap;
    }
    return layout;
}

std::optional<kiosk::Intent> RatingScreen::drawContent(const kiosk::RatingView& view, const UiContext& ui) {
    const float top = beginChrome(view.chrome, ui);
    std::optional<kiosk::Intent> intent;
    const RatingLayout buttons = layout(view, ui);
    const Palette& palette = ui.theme.palette();
    const float margin = screenMargin(ui);
    const float gap = screenGap(ui);
    const float contentWidth = ui.width - 2.0f * margin;
    ImFont* heading = ui.fonts.get(FontRole::Heading);
    const float questionHeight = centeredTextHeight(view.question, heading, contentWidth);
    const float questionTop = buttons.stars.empty() ? top + margin : buttons.stars.front().pos.y - 2.0f * gap - questionHeight;
    centeredText(view.question, heading, toU32(palette.text), margin, contentWidth, std::max(top + margin * 0.5f, questionTop));

    ImDrawList* drawList = ImGui::GetWindowDrawList();
    const float radius = starRadius(ui);
    for (std::size_t i = 0; i < buttons.stars.size() && i < view.starLabels.size(); ++i) {
        const Rect& rect = buttons.stars[i];
        const std::string id = "stars-" + std::to_string(i + 1);
        const bool tapped = touchButton(id.c_str(), view.starLabels[i], rect.pos, rect.size, ButtonStyle::Secondary, ui);
        // The stars above the label; on the accent fill of a pressed button, in its text colour.
        const ImU32 colour = toU32(ImGui::IsItemActive() ? palette.accentText : palette.accent);
        const int count = static_cast<int>(i) + 1;
        const float step = radius * 2.3f;
        const float first = rect.centre().x - step * static_cast<float>(count - 1) * 0.5f;
        const float starY = rect.pos.y + ui.theme.mm(1.0f) + radius;
        for (int star = 0; star < count; ++star) {
            drawStar(drawList, ImVec2(first + step * static_cast<float>(star), starY), radius, colour);
        }
        if (tapped) {
            intent = kiosk::Rate{static_cast<std::int32_t>(i) + 1};
        }
    }
    if (touchButton("skip", view.skipLabel, buttons.skip.pos, buttons.skip.size, ButtonStyle::Secondary, ui)) {
        intent = kiosk::SkipRating{};
    }
    return endChrome(view.chrome, ui, intent);
}

}  // namespace ui
