#include "ui/screens/AmountEntryScreen.h"

#include <algorithm>

#include "ui/Widgets.h"
#include "ui/screens/ChromeBar.h"
#include "ui/widgets/Keypad.h"

namespace ui {
namespace {

std::vector<StackedText> heading(const kiosk::AmountEntryView& view, const UiContext& ui) {
    const Palette& palette = ui.theme.palette();
    return {{view.title, titleRole(ui), palette.text}, {view.prompt, secondaryRole(ui), palette.textMuted}};
}

std::vector<StackedText> preview(const kiosk::AmountEntryView& view, const UiContext& ui) {
    const Palette& palette = ui.theme.palette();
    std::vector<StackedText> texts{{view.previewText, compactLayout(ui) ? FontRole::Button : FontRole::Heading,
                                    palette.accent}};
    for (const auto& line : view.previewLines) {
        texts.push_back({line, secondaryRole(ui), palette.textMuted});
    }
    texts.push_back({view.error, FontRole::Body, palette.text});
    return texts;
}

FontRole entryRole(const UiContext& ui) { return compactLayout(ui) ? FontRole::Heading : FontRole::Display; }

}  // namespace

AmountEntryScreen::Layout AmountEntryScreen::layout(const kiosk::AmountEntryView& view, const UiContext& ui) {
    Layout layout;
    layout.keys = keypadColumn(contentBox(view.chrome, ui), view.keypad.okLabel, view.cancelLabel, ui);
    const Box& rest = layout.keys.rest;
    const float gap = layoutGap(ui);
    const float target = ui.theme.minTouchTarget();

    layout.textTop = rest.min.y;
    const float headingHeight = stackHeight(heading(view, ui), rest.width(), ui);
    const float entryHeight = std::max(ui.fonts.get(entryRole(ui))->FontSize * 1.35f, ui.theme.mm(12.0f));
    layout.entry = Box::at(ImVec2(rest.min.x, layout.textTop + headingHeight + gap), ImVec2(rest.width(), entryHeight));
    layout.previewTop = layout.entry.max.y + gap;
    layout.previewBottom = layout.previewTop + stackHeight(preview(view, ui), rest.width(), ui);

    if (!view.reasons.empty()) {
        // Two tiles a row where each stays a comfortable target wide.
        layout.reasonColumns = rest.width() >= 2.0f * target * 1.5f + gap ? 2 : 1;
        const float height = choiceGridHeight(view.reasons.size(), layout.reasonColumns, target, ui);
        layout.reasons = Box{ImVec2(rest.min.x, rest.max.y - height), rest.max};
    }
    return layout;
}

std::optional<kiosk::Intent> AmountEntryScreen::drawContent(const kiosk::AmountEntryView& view, const UiContext& ui) {
    beginChrome(view.chrome, ui);  // banners; layout() already starts below them
    const BusyGuard guard(view.chrome.busy);
    const Layout layout = AmountEntryScreen::layout(view, ui);
    const Box& rest = layout.keys.rest;
    std::optional<kiosk::Intent> intent;

    drawStack(heading(view, ui), rest.min.x, rest.width(), layout.textTop, ui);
    drawEntryField(layout.entry, view.keypad.entryText, entryRole(ui), ui);
    drawStack(preview(view, ui), rest.min.x, rest.width(), layout.previewTop, ui);

    if (!view.reasons.empty()) {
        const std::optional<std::size_t> selected =
            view.reasonSelected ? std::optional<std::size_t>(view.selectedReason) : std::nullopt;
        if (const auto chosen = choiceGrid("reasons", view.reasons, selected, layout.reasons, layout.reasonColumns, ui)) {
            intent = kiosk::ChooseReason{*chosen};
        }
    }

    const KeypadLabels labels{view.keypad.clearLabel, view.keypad.backLabel};
    if (const auto key = Keypad::draw("amount", layout.keys.keypad.min, layout.keys.keypad.size(), labels, ui)) {
        if (const auto digit = keypadDigit(*key)) {
            intent = kiosk::KeypadDigit{*digit};
        } else if (*key == KeypadKey::Back) {
            intent = kiosk::KeypadBack{};
        } else {
            intent = kiosk::KeypadClear{};
        }
    }
    if (view.showSign && tileButton("sign", view.signLabel, "", layout.keys.extra, TileStyle::Normal, ui)) {
        intent = kiosk::ToggleSign{};
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
