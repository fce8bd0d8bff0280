#pragma once
// The on-screen numeric keypad staff type PINs and amounts on: 1–9, then
// Clear, 0, Back. Every key is at least the theme's minimum touch target;
// nothing needs a physical keyboard or hover.

#include <optional>
#include <string>

#include <imgui.h>

#include "ui/UiContext.h"

namespace ui {

enum class KeypadKey { Digit0, Digit1, Digit2, Digit3, Digit4, Digit5, Digit6, Digit7, Digit8, Digit9, Clear, Back };

// The digit a key stands for, or nullopt for Clear and Back.
std::optional<int> keypadDigit(KeypadKey key);

struct KeypadLabels {
    std::string clear;  // from the catalogue, e.g. "Clear" / "Borrar"
    std::string back;   // e.g. "←" (U+2190, in the fonts' glyph ranges) or "Back"
};

class Keypad {
public:
    static constexpr int kColumns = 3;
    static constexpr int kRows = 4;

    // The smallest keypad whose keys all meet the minimum touch target,
    // spacing included.
    static ImVec2 minimumSize(const UiContext& ui);

    // Draws the keypad in [pos, pos + size] (grown to minimumSize when
    // smaller) and returns the key released this frame, if any.
    static std::optional<KeypadKey> draw(const char* id, ImVec2 pos, ImVec2 size, const KeypadLabels& labels,
                                         const UiContext& ui);
};

}  // namespace ui
