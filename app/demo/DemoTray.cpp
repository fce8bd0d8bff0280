#include "demo/DemoTray.h"

#include <SDL_keycode.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <sstream>
#include <string>

#include "ui/FontSet.h"
#include "ui/Theme.h"
#include "ui/Widgets.h"

namespace demo {
namespace {

// Amber on dark: reads as "not the shop's own UI" in both themes.
const ImVec4 kDemoAmber(1.0f, 0.70f, 0.0f, 1.0f);
const ImVec4 kDemoInk(0.07f, 0.07f, 0.07f, 1.0f);
constexpr ImGuiWindowFlags kWindowFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                          ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoNav |
                                          ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoFocusOnAppearing;

std::string tabLabel(bool open, std::optional<int> onReader) {
    if (open) {
        return "DEMO: hide";
    }
    return onReader ? "DEMO cards: " + std::to_string(*onReader) + " on reader" : std::string("DEMO cards");
}

float widestWord(const std::vector<DemoCard>& cards, ImFont* font) {
    float widest = 0.0f;
    for (const auto& card : cards) {
        std::istringstream words(card.label);
        std::string word;
        while (words >> word) {
            widest = std::max(widest, font->CalcTextSizeA(font->FontSize, 10000.0f, 0.0f, word.c_str()).x);
        }
    }
    return widest;
}

// A borderless window over the screens, always in front of them.
bool beginOverlayWindow(const char* name, const ui::Rect& rect) {
    ImGui::SetNextWindowPos(rect.pos);
    ImGui::SetNextWindowSize(rect.size);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0.0f, 0.0f));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowMinSize, ImVec2(1.0f, 1.0f));
    const bool visible = ImGui::Begin(name, nullptr, kWindowFlags);
    ImGui::PopStyleVar(3);
    ImGui::BringWindowToDisplayFront(ImGui::GetCurrentWindow());
    return visible;
}

}  // namespace

std::optional<int> DemoTray::digitOf(int sdlKey) {
    if (sdlKey >= SDLK_0 && sdlKey <= SDLK_9) {
        return sdlKey - SDLK_0;
    }
    if (sdlKey >= SDLK_KP_1 && sdlKey <= SDLK_KP_9) {
        return sdlKey - SDLK_KP_1 + 1;
    }
    if (sdlKey == SDLK_KP_0) {
        return 0;
    }
    return std::nullopt;
}

bool DemoTray::onKey(int sdlKey) {
    const auto digit = digitOf(sdlKey);
    if (!digit) {
        return false;
    }
    cards_.toggle(*digit);
    return true;
}

DemoTrayLayout DemoTray::layout(const ui::UiContext& ui) const {
    DemoTrayLayout layout;
    const float pad = ui.theme.mm(1.0f);
    const float gap = ui.theme.mm(1.0f);
    const float touch = ui.theme.minTouchTarget();

    ImFont* tabFont = ui.fonts.get(ui::FontRole::Small);
    const std::string label = tabLabel(open_, cards_.onReader());
    const float tabWidth = std::max(touch * 1.5f, tabFont->CalcTextSizeA(tabFont->FontSize, 10000.0f, 0.0f,
                                                                        label.c_str()).x + 2.0f * ui.theme.mm(3.0f));
    const float tabHeight = std::max(ui.theme.mm(8.0f), tabFont->FontSize + 2.0f * pad);

    float stripHeight = 0.0f;
    if (open_ && !cards_.cards().empty()) {
        const auto count = static_cast<int>(cards_.cards().size());
        const float cellMin = std::max(touch, widestWord(cards_.cards(), ui.fonts.get(ui::FontRole::Small)) + 2.0f * pad);
        const int fit = static_cast<int>(std::floor((ui.width - 2.0f * pad + gap) / (cellMin + gap)));
        const int columns = std::clamp(fit, 1, count);
        const int rows = (count + columns - 1) / columns;
        const float cellWidth = std::min((ui.width - 2.0f * pad - static_cast<float>(columns - 1) * gap) /
                                             static_cast<float>(columns),
                                         std::max(cellMin, ui.theme.mm(30.0f)));
        const float rowWidth = static_cast<float>(columns) * cellWidth + static_cast<float>(columns - 1) * gap;
        const float left = std::floor((ui.width - rowWidth) * 0.5f);
        for (int i = 0; i < count; ++i) {
            const int row = i / columns;
            const int column = i % columns;
            layout.cards.push_back(ui::Rect{
                ImVec2(left + static_cast<float>(column) * (cellWidth + gap), pad + static_cast<float>(row) * (touch + gap)),
                ImVec2(cellWidth, touch)});
        }
        stripHeight = 2.0f * pad + static_cast<float>(rows) * touch + static_cast<float>(rows - 1) * gap;
        layout.strip = ui::Rect{ImVec2(0.0f, 0.0f), ImVec2(ui.width, stripHeight)};
    }
    layout.tab = ui::Rect{ImVec2(std::floor((ui.width - tabWidth) * 0.5f), stripHeight), ImVec2(tabWidth, tabHeight)};
    return layout;
}

void DemoTray::draw(const ui::UiContext& ui) {
    const DemoTrayLayout shape = layout(ui);
    if (open_) {
        drawStrip(ui, shape);
    }
    drawTab(ui, shape);
}

void DemoTray::drawStrip(const ui::UiContext& ui, const DemoTrayLayout& shape) {
    if (beginOverlayWindow("##demo-tray-strip", shape.strip)) {
        const ui::Palette& palette = ui.theme.palette();
        ImDrawList* drawList = ImGui::GetWindowDrawList();
        const float line = std::max(2.0f, 3.0f * ui.scale);
        drawList->AddRectFilled(shape.strip.pos, shape.strip.max(), ui::toU32(palette.background));
        drawList->AddLine(ImVec2(0.0f, shape.strip.max().y - line * 0.5f),
                          ImVec2(shape.strip.max().x, shape.strip.max().y - line * 0.5f), ui::toU32(kDemoAmber), line);
        ImFont* font = ui.fonts.get(ui::FontRole::Small);
        const float rounding = ImGui::GetStyle().FrameRounding;
        const float inset = ui.theme.mm(1.0f);
        std::optional<int> tapped;
        for (std::size_t i = 0; i < shape.cards.size() && i < cards_.cards().size(); ++i) {
            const DemoCard& card = cards_.cards()[i];
            const ui::Rect& rect = shape.cards[i];
            const bool onReader = cards_.onReader() == card.key;
            ImGui::SetCursorScreenPos(rect.pos);
            const std::string id = "##demo-card-" + std::to_string(card.key);
            if (ImGui::InvisibleButton(id.c_str(), rect.size)) {
                tapped = card.key;
            }
            const bool held = ImGui::IsItemActive();
            ui::traceButton(std::to_string(card.key) + " " + card.label, rect.pos, rect.size);
            const ImVec4 fill = onReader || held ? kDemoAmber : palette.surface;
            const ImVec4 ink = onReader || held ? kDemoInk : palette.text;
            drawList->AddRectFilled(rect.pos, rect.max(), ui::toU32(fill), rounding);
            drawList->AddRect(rect.pos, rect.max(), ui::toU32(kDemoAmber), rounding, 0, line);
            ui::drawText(drawList, font, ImVec2(rect.pos.x + inset * 1.5f, rect.pos.y + inset),
                         ui::toU32(onReader || held ? kDemoInk : kDemoAmber), std::to_string(card.key));
            const float textWidth = rect.size.x - 2.0f * inset;
            const float height = ui::centeredTextHeight(card.label, font, textWidth);
            const float top = rect.pos.y + std::max(font->FontSize + inset, (rect.size.y - height) * 0.5f + font->FontSize * 0.3f);
            ui::centeredText(card.label, font, ui::toU32(ink), rect.pos.x + inset, textWidth, top);
        }
        if (tapped) {
            cards_.toggle(*tapped);
            open_ = false;  // out of the way of the screen's own buttons
        }
    }
    ImGui::End();
}

void DemoTray::drawTab(const ui::UiContext& ui, const DemoTrayLayout& shape) {
    if (beginOverlayWindow("##demo-tray-tab", shape.tab)) {
        ImDrawList* drawList = ImGui::GetWindowDrawList();
        const std::string label = tabLabel(open_, cards_.onReader());
        ImGui::SetCursorScreenPos(shape.tab.pos);
        const bool pressed = ImGui::InvisibleButton("##demo-tab", shape.tab.size);
        ui::traceButton(label, shape.tab.pos, shape.tab.size);
        const float rounding = ImGui::GetStyle().FrameRounding;
        drawList->AddRectFilled(shape.tab.pos, shape.tab.max(), ui::toU32(kDemoAmber), rounding,
                                ImDrawFlags_RoundCornersBottom);
        ImFont* font = ui.fonts.get(ui::FontRole::Small);
        const ImVec2 size = font->CalcTextSizeA(font->FontSize, 10000.0f, 0.0f, label.c_str());
        ui::drawText(drawList, font,
                     ImVec2(std::floor(shape.tab.pos.x + (shape.tab.size.x - size.x) * 0.5f),
                            std::floor(shape.tab.pos.y + (shape.tab.size.y - size.y) * 0.5f)),
                     ui::toU32(kDemoInk), label);
        if (pressed) {
            open_ = !open_;
        }
    }
    ImGui::End();
}

}  // namespace demo
