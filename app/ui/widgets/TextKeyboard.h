#pragma once
// An on-screen letter keyboard for short texts such as a new member's first
// name: QWERTY letters with Spanish ñ on the home row, a second layer with
// accented letters (á é í ó ú ü ñ ç and others of Latin-1), space, hyphen,
// apostrophe, backspace and shift. No hover, no long-press, no physical
// keyboard. It edits a UTF-8 std::string and reports whether it changed.
//
// Shift is one-shot and automatic: the first letter of the text and of each
// word (after a space or hyphen) comes out capitalised; the shift key flips
// that for the next letter.
//
// Size: 10 key columns and 4 rows. Keys are the theme's minimum touch target
// (15 mm) wherever the area allows (preferredSize(); 1280x800 does). An
// 800x480 panel cannot fit four rows of 15 mm under a title, a name field and
// Cancel/Confirm: there the keys take what the area gives, about 13 x 12 mm on
// a 7" panel (133 dpi) and 11 x 10.5 mm if the kiosk runs at the default
// --dpi 150. The compromise is deliberate: the letter keyboard is for staff
// typing a first name, not for customers, and ten columns keep the layout
// every phone user knows. minimumKeySize() (10 mm) is the floor the screens
// keep to; ConfirmActionScreenTest checks it.

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <imgui.h>

#include "ui/UiContext.h"

namespace ui {

// Labels of the keys that are not letters; symbols by default, which
// read the same in every language.
struct TextKeyboardLabels {
    std::string backspace = "\u2190";          // ←
    std::string shift = "\u2191";              // ↑
    std::string accents = "\u00e1\u00e9\u00f1";  // áéñ
    std::string letters = "abc";
    std::string space;  // a wide blank bar
};

class TextKeyboard {
public:
    static constexpr int kColumns = 10;  // in key units; wide keys span several
    static constexpr int kRows = 4;
    static constexpr std::size_t kKeys = 33;  // per layer

    enum class Layer { Letters, Accents };
    enum class KeyKind { Character, Shift, Backspace, Space, SwitchLayer };

    struct Key {
        KeyKind kind = KeyKind::Character;
        char32_t character = 0;  // lower case, for Character keys
        int row = 0;
        float column = 0.0f;  // left edge, in key units
        float span = 1.0f;    // width, in key units
    };

    explicit TextKeyboard(std::size_t maxBytes = 64, TextKeyboardLabels labels = TextKeyboardLabels());

    // Every key at the minimum touch target, gaps included.
    static ImVec2 preferredSize(const UiContext& ui);
    // The smallest key the screens give it (10 mm square at the panel's DPI).
    static float minimumKeySize(const UiContext& ui);
    static float gap(const UiContext& ui);

    // The keys of a layer, row by row.
    static const std::array<Key, kKeys>& keys(Layer layer);
    // Where a key is drawn when the keyboard fills [pos, pos + size].
    static ImVec2 keyMin(const Key& key, ImVec2 pos, ImVec2 size, const UiContext& ui);
    static ImVec2 keySize(const Key& key, ImVec2 size, const UiContext& ui);
    // The centre of the key that types c (lower or upper case), or of the
    // first key of that kind; nullopt when the layer has none.
    static std::optional<ImVec2> keyCentre(Layer layer, KeyKind kind, char32_t c, ImVec2 pos, ImVec2 size,
                                           const UiContext& ui);

    // Draws the keyboard in [pos, pos + size] and applies the key released
    // this frame to text. Returns true when text changed.
    bool draw(const char* id, ImVec2 pos, ImVec2 size, std::string& text, const UiContext& ui);

    Layer layer() const { return layer_; }
    bool shifted() const { return shift_; }

    // UTF-8 helpers (public for tests).
    static std::string encode(char32_t c);
    static char32_t upper(char32_t c);
    static void eraseLast(std::string& text);  // one code point, not one byte

private:
    bool apply(const Key& key, std::string& text);
    static bool startsWord(const std::string& text);

    std::size_t maxBytes_;
    TextKeyboardLabels labels_;
    Layer layer_ = Layer::Letters;
    bool shift_ = true;
    std::optional<std::string> seen_;  // the text as of the last frame, to notice outside changes
};

}  // namespace ui
