#include "ui/screens/MessageScreen.h"

#include <algorithm>
#include <cmath>

#include "ui/Widgets.h"

namespace ui {
namespace {

float textColumnWidth(const UiContext& ui) {
    return std::min(ui.width - 2.0f * screenMargin(ui), 1000.0f * ui.scale);
}

}  // namespace

MessageScreen::MessageScreen(kiosk::ScreenId screen) : name_(kiosk::screenName(screen)), actions_(actionsFor(screen)) {}

MessageActions MessageScreen::actionsFor(kiosk::ScreenId screen) {
    switch (screen) {
        case kiosk::ScreenId::UnknownCard:
            return MessageActions{kiosk::Done{}, kiosk::StartStaffLogin{}};
        default:
            // Refused card, confirmation and refusal take Done; "tap the new
            // card" has only Cancel, back to the staff menu.
            return MessageActions{kiosk::Done{}, kiosk::Cancel{}};
    }
}

MessageLayout MessageScreen::layout(const kiosk::MessageView& view, const UiContext& ui) {
    MessageLayout layout;
    layout.top = chromeBannerHeight(view.chrome, ui);
    const float margin = screenMargin(ui);
    const float gap = screenGap(ui);
    const float contentWidth = ui.width - 2.0f * margin;
    const float preferred = ui.theme.minTouchTarget() * 2.6f;
    ImVec2 primary = actionButtonSize(view.primaryLabel, preferred, ui);
    ImVec2 secondary = actionButtonSize(view.secondaryLabel, preferred, ui);
    const bool both = !view.primaryLabel.empty() && !view.secondaryLabel.empty();
    if (both && primary.x + gap + secondary.x > contentWidth) {
        const float half = std::floor((contentWidth - gap) * 0.5f);
        primary.x = std::min(primary.x, half);
        secondary.x = std::min(secondary.x, half);
    }
    const float y = ui.height - margin - primary.y;
    // One button sits in the middle; two are centred as a pair, the primary
    // on the right where the thumb of most people lands.
    if (both) {
        const float left = std::floor((ui.width - primary.x - gap - secondary.x) * 0.5f);
        layout.secondary = Rect{ImVec2(left, y), secondary};
        layout.primary = Rect{ImVec2(left + secondary.x + gap, y), primary};
    } else if (!view.primaryLabel.empty()) {
        layout.primary = Rect{ImVec2(std::floor((ui.width - primary.x) * 0.5f), y), primary};
    } else if (!view.secondaryLabel.empty()) {
        layout.secondary = Rect{ImVec2(std::floor((ui.width - secondary.x) * 0.5f), y), secondary};
    }
    return layout;
}

std::optional<kiosk::Intent> MessageScreen::drawContent(const kiosk::MessageView& view, const UiContext& ui) {
    const float top = beginChrome(view.chrome, ui);
    std::optional<kiosk::Intent> intent;
    const MessageLayout buttons = layout(view, ui);
    const Palette& palette = ui.theme.palette();
    const float margin = screenMargin(ui);
    const float gap = screenGap(ui);

    const float textWidth = textColumnWidth(ui);
    const float textLeft = std::floor((ui.width - textWidth) * 0.5f);
    const float bottom = buttons.primary     ? buttons.primary->pos.y - gap
                         : buttons.secondary ? buttons.secondary->pos.y - gap
                                             : ui.height - margin;
    const float available = bottom - top - margin;
    ImFont* body = ui.fonts.get(FontRole::Body);
    ImFont* emphasis = ui.fonts.get(FontRole::Button);
    ImFont* title = ui.fonts.get(FontRole::Heading);
    const auto blockHeight = [&](ImFont* titleFont) {
        float height = centeredTextHeight(view.title, titleFont, textWidth);
        if (!view.message.empty()) {
            height += gap + centeredTextHeight(view.message, body, textWidth);
        }
        if (!view.whatToDo.empty()) {
            height += gap * 1.5f + centeredTextHeight(view.whatToDo, emphasis, textWidth);
        }
        return height;
    };
    if (blockHeight(title) > available) {
        title = emphasis;  // a long title on a small panel: keep everything on screen
    }
    float y = top + margin + std::max(0.0f, (available - blockHeight(title)) * 0.5f);
    y = centeredText(view.title, title, toU32(palette.text), textLeft, textWidth, y);
    if (!view.message.empty()) {
        y = centeredText(view.message, body, toU32(palette.textMuted), textLeft, textWidth, y + gap);
    }
    if (!view.whatToDo.empty()) {
        // What to do next is the part people act on: bold, in the accent colour.
        centeredText(view.whatToDo, emphasis, toU32(palette.accent), textLeft, textWidth, y + gap * 1.5f);
    }

    if (buttons.secondary &&
        touchButton("secondary", view.secondaryLabel, buttons.secondary->pos, buttons.secondary->size,
                    ButtonStyle::Secondary, ui)) {
        intent = actions_.secondary;
    }
    if (buttons.primary && touchButton("primary", view.primaryLabel, buttons.primary->pos, buttons.primary->size,
                                       ButtonStyle::Primary, ui)) {
        intent = actions_.primary;
    }
    return endChrome(view.chrome, ui, intent);
}

}  // namespace ui
