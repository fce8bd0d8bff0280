#include "ui/screens/StaffLoginScreen.h"

#include <algorithm>

#include "ui/Widgets.h"
#include "ui/screens/ChromeBar.h"
#include "ui/widgets/Keypad.h"

namespace ui {
namespace {

std::vector<StackedText> heading(const kiosk::StaffLoginView& view, const UiContext& ui) {
    const Palette& palette = ui.theme.palette();
    return {{view.title, titleRole(ui), palette.text},
            {view.prompt, secondaryRole(ui), palette.textMuted},
            {view.staffName, FontRole::Button, palette.accent}};
}

std::vector<StackedText> errorText(const kiosk::StaffLoginView& view, const UiContext& ui) {
    return {{view.error, FontRole::Body, ui.theme.palette().text}};
}

std::optional<kiosk::Intent> keyIntent(KeypadKey key) {
    if (const auto digit = keypadDigit(key)) {
        return kiosk::KeypadDigit{*digit};
    }
    if (key == KeypadKey::Back) {
        return kiosk::KeypadBack{};
    }
    return kiosk::KeypadClear{};
}

}  // namespace

StaffLoginScreen::Layout StaffLoginScreen::layout(const kiosk::StaffLoginView& view, const UiContext& ui) {
    Layout layout;
    layout.keys = keypadColumn(contentBox(view.chrome, ui), view.keypad.okLabel, view.cancelLabel, ui);
    const Box& rest = layout.keys.rest;
    const float gap = layoutGap(ui);
    ImFont* display = ui.fonts.get(compactLayout(ui) ? FontRole::Heading : FontRole::Display);
    const float entryHeight = std::max(display->FontSize * 1.35f, ui.theme.mm(12.0f));
    const float headingHeight = stackHeight(heading(view, ui), rest.width(), ui);
    const float errorHeight = stackHeight(errorText(view, ui), rest.width(), ui);
    const float total = headingHeight + gap + entryHeight + (errorHeight > 0.0f ? gap + errorHeight : 0.0f);
    layout.textTop = rest.min.y + std::max(0.0f, (rest.height() - total) * 0.5f);
    layout.entry = Box::at(ImVec2(rest.min.x, layout.textTop + headingHeight + gap), ImVec2(rest.width(), entryHeight));
    layout.errorTop = layout.entry.max.y + gap;
    layout.bottom = errorHeight > 0.0f ? layout.errorTop + errorHeight : layout.entry.max.y;
    return layout;
}

std::optional<kiosk::Intent> StaffLoginScreen::drawContent(const kiosk::StaffLoginView& view, const UiContext& ui) {
    beginChrome(view.chrome, ui);  // banners; layout() already starts below them
    const BusyGuard guard(view.chrome.busy);
    const Layout layout = StaffLoginScreen::layout(view, ui);
    const Box& rest = layout.keys.rest;
    std::optional<kiosk::Intent> intent;

    drawStack(heading(view, ui), rest.min.x, rest.width(), layout.textTop, ui);
    drawEntryField(layout.entry, view.keypad.entryText, compactLayout(ui) ? FontRole::Heading : FontRole::Display, ui);
    drawStack(errorText(view, ui), rest.min.x, rest.width(), layout.errorTop, ui);

    const KeypadLabels labels{view.keypad.clearLabel, view.keypad.backLabel};
    if (const auto key = Keypad::draw("pin", layout.keys.keypad.min, layout.keys.keypad.size(), labels, ui);
        key && !view.locked) {
        intent = keyIntent(*key);
    }
    if (touchButton("cancel", view.cancelLabel, layout.keys.cancel.min, layout.keys.cancel.size(),
                    ButtonStyle::Secondary, ui)) {
        intent = kiosk::Cancel{};
    }
    if (actionButton("ok", view.keypad.okLabel, layout.keys.ok, ButtonStyle::Primary, view.keypad.okEnabled, ui)) {
        intent = kiosk::KeypadOk{};
    }
    return endChrome(view.chrome, ui, intent);
}

}  // namespace ui
