#include "ui/widgets/TextKeyboard.h"

#include <algorithm>
#include <cmath>
#include <string_view>
#include <utility>

#include "ui/Theme.h"
#include "ui/Widgets.h"
#include "ui/widgets/DragScrollArea.h"

namespace ui {
namespace {

using Key = TextKeyboard::Key;
using KeyKind = TextKeyboard::KeyKind;

// Rows 1 and 2 are ten letters each; row 3 is shift, seven letters and
// backspace; row 4 the layer switch, hyphen, space and apostrophe. Built at
// compile time: no allocation, nothing for a leak checker to report.
constexpr std::array<Key, TextKeyboard::kKeys> layer(std::u32string_view row1, std::u32string_view row2,
                                                     std::u32string_view row3) {
    std::array<Key, TextKeyboard::kKeys> keys{};
    std::size_t n = 0;
    for (std::size_t i = 0; i < 10; ++i) {
        keys[n++] = Key{KeyKind::Character, row1[i], 0, static_cast<float>(i), 1.0f};
    }
    for (std::size_t i = 0; i < 10; ++i) {
        keys[n++] = Key{KeyKind::Character, row2[i], 1, static_cast<float>(i), 1.0f};
    }
    keys[n++] = Key{KeyKind::Shift, 0, 2, 0.0f, 1.5f};
    for (std::size_t i = 0; i < 7; ++i) {
        keys[n++] = Key{KeyKind::Character, row3[i], 2, 1.5f + static_cast<float>(i), 1.0f};
    }
    keys[n++] = Key{KeyKind::Backspace, 0, 2, 8.5f, 1.5f};
    keys[n++] = Key{KeyKind::SwitchLayer, 0, 3, 0.0f, 2.0f};
    keys[n++] = Key{KeyKind::Character, U'-', 3, 2.0f, 1.0f};
    keys[n++] = Key{KeyKind::Space, U' ', 3, 3.0f, 6.0f};
    keys[n++] = Key{KeyKind::Character, U'\'', 3, 9.0f, 1.0f};
    return keys;
}

constexpr auto kLetters = layer(U"qwertyuiop", U"asdfghjkl\u00f1", U"zxcvbnm");
// á é í ó ú ü ñ ç à è / ì ò ù â ê î ô û ã õ / ä ë ï ö å ø æ
constexpr auto kAccents = layer(U"\u00e1\u00e9\u00ed\u00f3\u00fa\u00fc\u00f1\u00e7\u00e0\u00e8",
                                U"\u00ec\u00f2\u00f9\u00e2\u00ea\u00ee\u00f4\u00fb\u00e3\u00f5",
                                U"\u00e4\u00eb\u00ef\u00f6\u00e5\u00f8\u00e6");

bool isLetter(char32_t c) { return (c >= U'a' && c <= U'z') || (c >= 0xE0 && c <= 0xFE && c != 0xF7); }

}  // namespace

TextKeyboard::TextKeyboard(std::size_t maxBytes, TextKeyboardLabels labels) : maxBytes_(maxBytes), labels_(std::move(labels)) {}

float TextKeyboard::gap(const UiContext& ui) { return ui.theme.mm(1.5f); }

float TextKeyboard::minimumKeySize(const UiContext& ui) { return ui.theme.mm(10.0f); }

ImVec2 TextKeyboard::preferredSize(const UiContext& ui) {
    const float key = ui.theme.minTouchTarget();
    return ImVec2(kColumns * key + (kColumns - 1) * gap(ui), kRows * key + (kRows - 1) * gap(ui));
}

const std::array<Key, TextKeyboard::kKeys>& TextKeyboard::keys(Layer layer) {
    return layer == Layer::Letters ? kLetters : kAccents;
}

ImVec2 TextKeyboard::keyMin(const Key& key, ImVec2 pos, ImVec2 size, const UiContext& ui) {
    const float spacing = gap(ui);
    const float unit = (size.x - (kColumns - 1) * spacing) / kColumns;
    const float height = (size.y - (kRows - 1) * spacing) / kRows;
    return ImVec2(pos.x + key.column * (unit + spacing), pos.y + static_cast<float>(key.row) * (height + spacing));
}

ImVec2 TextKeyboard::keySize(const Key& key, ImVec2 size, const UiContext& ui) {
    const float spacing = gap(ui);
    const float unit = (size.x - (kColumns - 1) * spacing) / kColumns;
    const float height = (size.y - (kRows - 1) * spacing) / kRows;
    return ImVec2(key.span * unit + (key.span - 1.0f) * spacing, height);
}

std::optional<ImVec2> TextKeyboard::keyCentre(Layer layer, KeyKind kind, char32_t c, ImVec2 pos, ImVec2 size,
                                              const UiContext& ui) {
    for (const Key& key : keys(layer)) {
        const bool match = key.kind == kind && (kind != KeyKind::Character || key.character == c ||
                                                upper(key.character) == c);
        if (match) {
            const ImVec2 min = keyMin(key, pos, size, ui);
            const ImVec2 extent = keySize(key, size, ui);
            return ImVec2(min.x + extent.x * 0.5f, min.y + extent.y * 0.5f);
        }
    }
    return std::nullopt;
}

std::string TextKeyboard::encode(char32_t c) {
    std::string out;
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
    return out;
}

char32_t TextKeyboard::upper(char32_t c) {
    // ASCII and Latin-1: the capital is 0x20 below (÷ and ÿ have none here).
    return isLetter(c) ? c - 0x20 : c;
}

void TextKeyboard::eraseLast(std::string& text) {
    while (!text.empty()) {
        const auto byte = static_cast<unsigned char>(text.back());
        text.pop_back();
        if ((byte & 0xC0) != 0x80) {
            break;  // removed the lead byte (or an ASCII character)
        }
    }
}

bool TextKeyboard::startsWord(const std::string& text) {
    return text.empty() || text.back() == ' ' || text.back() == '-';
}

bool TextKeyboard::apply(const Key& key, std::string& text) {
    switch (key.kind) {
        case KeyKind::Shift:
            shift_ = !shift_;
            return false;
        case KeyKind::SwitchLayer:
            layer_ = layer_ == Layer::Letters ? Layer::Accents : Layer::Letters;
            return false;
        case KeyKind::Backspace:
            if (text.empty()) {
                return false;
            }
            eraseLast(text);
            shift_ = startsWord(text);
            return true;
        case KeyKind::Space:
        case KeyKind::Character:
            break;
    }
    // No leading, doubled or trailing-after-hyphen spaces: names only.
    if (key.character == U' ' && startsWord(text)) {
        return false;
    }
    const std::string typed = encode(shift_ ? upper(key.character) : key.character);
    if (text.size() + typed.size() > maxBytes_) {
        return false;
    }
    text += typed;
    shift_ = startsWord(text);
    return true;
}

bool TextKeyboard::draw(const char* id, ImVec2 pos, ImVec2 size, std::string& text, const UiContext& ui) {
    if (!seen_ || *seen_ != text) {
        shift_ = startsWord(text);  // the text changed outside (a new session, a cleared draft)
    }
    const Palette& palette = ui.theme.palette();
    ImDrawList* drawList = ImGui::GetWindowDrawList();
    const float rounding = std::min(ImGui::GetStyle().FrameRounding, ui.theme.mm(2.0f));
    const float border = std::max(1.5f, 2.0f * ui.scale);
    bool changed = false;

    ImGui::PushID(id);
    const auto& layout = keys(layer_);
    for (std::size_t i = 0; i < layout.size(); ++i) {
        const Key& key = layout[i];
        const ImVec2 min = keyMin(key, pos, size, ui);
        const ImVec2 extent = keySize(key, size, ui);
        ImGui::SetCursorScreenPos(min);
        ImGui::PushID(static_cast<int>(i));
        const bool released = ImGui::InvisibleButton("key", extent) && !DragScrollArea::wasDrag(ui);
        const bool held = ImGui::IsItemActive();
        ImGui::PopID();

        std::string label;
        switch (key.kind) {
            case KeyKind::Character: label = encode(shift_ ? upper(key.character) : key.character); break;
            case KeyKind::Shift: label = labels_.shift; break;
            case KeyKind::Backspace: label = labels_.backspace; break;
            case KeyKind::Space: label = labels_.space; break;
            case KeyKind::SwitchLayer: label = layer_ == Layer::Letters ? labels_.accents : labels_.letters; break;
        }
        traceButton(label, min, extent);
        const bool lit = held || (key.kind == KeyKind::Shift && shift_);
        const ImVec2 max(min.x + extent.x, min.y + extent.y);
        drawList->AddRectFilled(min, max, toU32(lit ? palette.accent : palette.surface), rounding);
        drawList->AddRect(min, max, toU32(palette.outline), rounding, 0, border);
        ImFont* font = ui.fonts.get(FontRole::Button);
        const ImVec2 textSize = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, label.c_str());
        drawText(drawList, font,
                 ImVec2(std::floor(min.x + (extent.x - textSize.x) * 0.5f), std::floor(min.y + (extent.y - textSize.y) * 0.5f)),
                 toU32(lit ? palette.accentText : palette.text), label);

        if (released) {
            changed = apply(key, text) || changed;
        }
    }
    ImGui::PopID();
    seen_ = text;
    return changed;
}

}  // namespace ui
