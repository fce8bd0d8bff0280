#include "ui/screens/RewardCodeScreen.h"

#include <algorithm>
#include <cmath>

#include "ui/Widgets.h"

namespace ui {
namespace {

// The code under the QR code: as large as fits the card.
ImFont* codeFont(const std::string& code, float width, const UiContext& ui) {
    for (FontRole role : {FontRole::Heading, FontRole::Button, FontRole::Body}) {
        ImFont* font = ui.fonts.get(role);
        if (font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, code.c_str()).x <= width) {
            return font;
        }
    }
    return ui.fonts.get(FontRole::Small);
}

float cardPadding(const UiContext& ui) { return screenGap(ui); }

}  // namespace

RewardCodeLayout RewardCodeScreen::layout(const kiosk::RewardCodeView& view, const UiContext& ui) {
    RewardCodeLayout layout;
    layout.top = chromeBannerHeight(view.chrome, ui);
    const float margin = screenMargin(ui);
    const float gap = screenGap(ui);
    const float pad = cardPadding(ui);
    const float contentWidth = ui.width - 2.0f * margin;
    const float contentTop = layout.top + margin * 0.75f;
    const float contentHeight = ui.height - margin * 0.75f - contentTop;

    // Left: the card, as large as the height allows and at most about half
    // the width. Right: the texts with Done under them.
    const float codeHeight = ui.fonts.get(FontRole::Heading)->FontSize * 1.15f;
    const float qrSide = std::floor(std::max(0.0f, std::min(contentHeight - codeHeight - 3.0f * pad,
                                                            contentWidth * 0.5f - gap - 2.0f * pad)));
    layout.qrSide = qrSide;
    const ImVec2 cardSize(qrSide + 2.0f * pad, qrSide + codeHeight + 3.0f * pad);
    layout.card = Rect{ImVec2(margin, std::floor(contentTop + std::max(0.0f, (contentHeight - cardSize.y) * 0.5f))),
                       cardSize};

    const float rightLeft = margin + cardSize.x + 2.0f * gap;
    const float rightWidth = ui.width - margin - rightLeft;
    const ImVec2 done = actionButtonSize(view.doneLabel, std::min(rightWidth, ui.theme.minTouchTarget() * 2.6f), ui);
    layout.done = Rect{ImVec2(std::floor(rightLeft + (rightWidth - done.x) * 0.5f), ui.height - margin - done.y), done};
    layout.text = Rect{ImVec2(rightLeft, contentTop), ImVec2(rightWidth, layout.done.pos.y - gap - contentTop)};
    return layout;
}

std::optional<kiosk::Intent> RewardCodeScreen::drawContent(const kiosk::RewardCodeView& view, const UiContext& ui) {
    beginChrome(view.chrome, ui);  // the layout starts below the banners
    std::optional<kiosk::Intent> intent;
    if (!encoded_ || encodedPayload_ != view.qrPayload) {
        auto code = QrCode::encode(view.qrPayload);
        qr_ = code ? std::optional<QrCode>(std::move(code.value())) : std::nullopt;
        encodedPayload_ = view.qrPayload;
        encoded_ = true;
    }
    const RewardCodeLayout at = layout(view, ui);
    const Palette& palette = ui.theme.palette();
    const float pad = cardPadding(ui);
    const float gap = screenGap(ui);
    ImDrawList* drawList = ImGui::GetWindowDrawList();

    // The card is white in every theme: scanners need dark on light.
    const ImU32 white = IM_COL32(255, 255, 255, 255);
    const ImU32 black = IM_COL32(0, 0, 0, 255);
    drawList->AddRectFilled(at.card.pos, at.card.max(), white, ImGui::GetStyle().FrameRounding);
    const float innerWidth = at.card.size.x - 2.0f * pad;
    ImFont* font = codeFont(view.code, innerWidth, ui);
    const ImVec2 codeSize = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, view.code.c_str());
    if (qr_) {
        // Whole pixels per module (QrCode::draw) leave a few over: centre the code in its square.
        const float total = static_cast<float>(qr_->width() + 2 * QrCode::kQuietZone);
        const float used = std::max(1.0f, std::floor(at.qrSide / total)) * total;
        const float offset = std::floor(std::max(0.0f, at.qrSide - used) * 0.5f);
        qr_->draw(drawList, ImVec2(at.card.pos.x + pad + offset, at.card.pos.y + pad + offset), used);
        const float codeTop = at.card.pos.y + 2.0f * pad + at.qrSide;
        const float codeHeight = at.card.max().y - pad - codeTop;
        drawText(drawList, font,
                 ImVec2(std::floor(at.card.centre().x - codeSize.x * 0.5f),
                        std::floor(codeTop + (codeHeight - codeSize.y) * 0.5f)),
                 black, view.code);
    } else {
        // Nothing to scan: the code alone, as large as the card allows.
        ImFont* large = ui.fonts.get(FontRole::Display);
        if (large->CalcTextSizeA(large->FontSize, FLT_MAX, 0.0f, view.code.c_str()).x > innerWidth) {
            large = font;
        }
        const ImVec2 size = large->CalcTextSizeA(large->FontSize, FLT_MAX, 0.0f, view.code.c_str());
        drawText(drawList, large, ImVec2(std::floor(at.card.centre().x - size.x * 0.5f), std::floor(at.card.centre().y - size.y * 0.5f)),
                 black, view.code);
    }

    // Title, reward name and hint, centred as a block in the right column.
    ImFont* heading = ui.fonts.get(FontRole::Heading);
    ImFont* emphasis = ui.fonts.get(FontRole::Button);
    ImFont* body = ui.fonts.get(FontRole::Body);
    const float width = at.text.size.x;
    const float block = centeredTextHeight(view.title, heading, width) + gap +
                        centeredTextHeight(view.rewardName, emphasis, width) + 2.0f * gap +
                        centeredTextHeight(view.hint, body, width);
    float y = at.text.pos.y + std::max(0.0f, (at.text.size.y - block) * 0.5f);
    y = centeredText(view.title, heading, toU32(palette.text), at.text.pos.x, width, y) + gap;
    y = centeredText(view.rewardName, emphasis, toU32(palette.accent), at.text.pos.x, width, y) + 2.0f * gap;
    centeredText(view.hint, body, toU32(palette.textMuted), at.text.pos.x, width, y);

    if (touchButton("done", view.doneLabel, at.done.pos, at.done.size, ButtonStyle::Primary, ui)) {
        intent = kiosk::Done{};
    }
    return endChrome(view.chrome, ui, intent);
}

}  // namespace ui
