#include "ui/widgets/Keypad.h"

#include <algorithm>
#include <array>

#include "ui/Widgets.h"

namespace ui {
namespace {

// Row-major layout of the keys: a telephone keypad, as shop terminals use.
constexpr std::array<KeypadKey, Keypad::kColumns * Keypad::kRows> kLayout = {
    KeypadKey::Digit1, KeypadKey::Digit2, KeypadKey::Digit3,  //
    KeypadKey::Digit4, KeypadKey::Digit5, KeypadKey::Digit6,  //
    KeypadKey::Digit7, KeypadKey::Digit8, KeypadKey::Digit9,  //
    KeypadKey::Clear,  KeypadKey::Digit0, KeypadKey::Back,
};

float gap(const UiContext& ui) { return ui.theme.mm(2.0f); }

}  // namespace

std::optional<int> keypadDigit(KeypadKey key) {
    if (key == KeypadKey::Clear || key == KeypadKey::Back) {
        return std::nullopt;
    }
    return static_cast<int>(key) - static_cast<int>(KeypadKey::Digit0);
}

ImVec2 Keypad::minimumSize(const UiContext& ui) {
    const float key = ui.theme.minTouchTarget();
    return ImVec2(kColumns * key + (kColumns - 1) * gap(ui), kRows * key + (kRows - 1) * gap(ui));
}

std::optional<KeypadKey> Keypad::draw(const char* id, ImVec2 pos, ImVec2 size, const KeypadLabels& labels,
                                      const UiContext& ui) {
    const ImVec2 minimum = minimumSize(ui);
    size.x = std::max(size.x, minimum.x);
    size.y = std::max(size.y, minimum.y);
    const float spacing = gap(ui);
    const ImVec2 keySize((size.x - (kColumns - 1) * spacing) / kColumns, (size.y - (kRows - 1) * spacing) / kRows);

    ImGui::PushID(id);
    std::optional<KeypadKey> released;
    for (std::size_t i = 0; i < kLayout.size(); ++i) {
        const KeypadKey key = kLayout[i];
        const auto column = static_cast<float>(i % kColumns);
        const auto row = static_cast<float>(i / kColumns);
        const ImVec2 keyPos(pos.x + column * (keySize.x + spacing), pos.y + row * (keySize.y + spacing));
        std::string label;
        if (const auto digit = keypadDigit(key)) {
            label = std::to_string(*digit);
        } else {
            label = key == KeypadKey::Clear ? labels.clear : labels.back;
        }
        ImGui::PushID(static_cast<int>(i));
        if (touchButton("key", label, keyPos, keySize, ButtonStyle::Secondary, ui)) {
            released = key;
        }
        ImGui::PopID();
    }
    ImGui::PopID();
    return released;
}

}  // namespace ui
