#include "ui/screens/AttractScreen.h"

#include <algorithm>
#include <string>

#include "ui/Widgets.h"

namespace ui {

std::optional<kiosk::Intent> AttractScreen::drawContent(const kiosk::AttractView& view, const UiContext& ui) {
    std::optional<kiosk::Intent> intent;
    const Palette& palette = ui.theme.palette();
    ImDrawList* drawList = ImGui::GetWindowDrawList();
    const float margin = 48.0f * ui.scale;
    const float contentWidth = ui.width - 2.0f * margin;

    // Programme name, top left, with an accent rule under it.
    ImFont* nameFont = ui.fonts.get(FontRole::Button);
    drawText(drawList, nameFont, ImVec2(margin, margin * 0.75f), toU32(palette.text), view.programName);
    drawList->AddRectFilled(ImVec2(margin, margin * 0.75f + nameFont->FontSize + 8.0f * ui.scale),
                            ImVec2(margin + 96.0f * ui.scale, margin * 0.75f + nameFont->FontSize + 14.0f * ui.scale),
                            toU32(palette.accent), 3.0f * ui.scale);

    // Language buttons along the bottom, right-aligned: reachable with a thumb.
    const ImVec2 buttonSize(std::max(220.0f * ui.scale, ui.theme.minTouchTarget() * 2.4f),
                            std::max(88.0f * ui.scale, ui.theme.minTouchTarget()));
    const float gap = 20.0f * ui.scale;
    const float buttonsY = ui.height - margin - buttonSize.y;
    float x = ui.width - margin;
    for (auto it = view.languages.rbegin(); it != view.languages.rend(); ++it) {
        x -= buttonSize.x;
        const std::string id = "lang-" + it->code;
        const auto style = it->selected ? ButtonStyle::Selected : ButtonStyle::Secondary;
        if (touchButton(id.c_str(), it->label, ImVec2(x, buttonsY), buttonSize, style, ui) && !it->selected) {
            intent = kiosk::ChooseLanguage{it->code};
        }
        x -= gap;
    }
    ImFont* small = ui.fonts.get(FontRole::Small);
    const ImVec2 labelSize = small->CalcTextSizeA(small->FontSize, FLT_MAX, 0.0f, view.chooseLanguage.c_str());
    drawText(drawList, small, ImVec2(x + gap - labelSize.x - gap, buttonsY + (buttonSize.y - labelSize.y) * 0.5f),
             toU32(palette.textMuted), view.chooseLanguage);

    // Centre block: illustration, title, subtitle, hint, vertically centred
    // in the space between the header and the buttons.
    const float illustration = std::min(ui.height * 0.30f, contentWidth * 0.4f);
    ImFont* display = ui.fonts.get(FontRole::Display);
    ImFont* body = ui.fonts.get(FontRole::Body);
    const float textWidth = std::min(contentWidth, 1000.0f * ui.scale);
    const float textLeft = (ui.width - textWidth) * 0.5f;
    const float spacing = 20.0f * ui.scale;
    const float blockHeight = illustration + spacing + centeredTextHeight(view.title, display, textWidth) + spacing +
                              centeredTextHeight(view.subtitle, body, textWidth) + spacing * 0.5f +
                              centeredTextHeight(view.hint, body, textWidth);
    const float top = margin * 2.0f;
    const float bottom = buttonsY - spacing;
    float y = top + std::max(0.0f, (bottom - top - blockHeight) * 0.5f);

    drawCardTapIllustration(drawList, ImVec2(ui.width * 0.5f, y + illustration * 0.5f), illustration, palette);
    y += illustration + spacing;
    y = centeredText(view.title, display, toU32(palette.text), textLeft, textWidth, y) + spacing;
    y = centeredText(view.subtitle, body, toU32(palette.textMuted), textLeft, textWidth, y) + spacing * 0.5f;
    centeredText(view.hint, body, toU32(palette.textMuted), textLeft, textWidth, y);

    // The reader sits below the screen: point at it.
    const float arrowX = margin + 60.0f * ui.scale;
    const float arrowY = ui.height - margin * 0.9f;
    const float arrow = 22.0f * ui.scale;
    drawList->AddTriangleFilled(ImVec2(arrowX - arrow, arrowY - arrow), ImVec2(arrowX + arrow, arrowY - arrow),
                                ImVec2(arrowX, arrowY), toU32(palette.accent));
    drawText(drawList, small, ImVec2(arrowX + arrow * 1.6f, arrowY - arrow - small->FontSize * 0.2f),
             toU32(palette.textMuted), view.readerLabel);
    return intent;
}

}  // namespace ui
