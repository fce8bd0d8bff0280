#pragma once
// Touch-sized building blocks shared by the screens. Nothing here needs
// hover or a keyboard.

#include <string>

#include <imgui.h>

#include "ui/UiContext.h"

namespace ui {

// Draws text (one line, no wrapping) with its top-left at pos and reports
// it to the frame's UiTrace when --ui-trace is on. Every text a screen shows
// goes through here or through the helpers below, which call it.
void drawText(ImDrawList* drawList, ImFont* font, ImVec2 pos, ImU32 colour, const std::string& text);

// Text centred horizontally in [left, left + width], wrapped to that width,
// every line centred on its own; starts at y and returns the y below it.
float centeredText(const std::string& text, ImFont* font, ImU32 colour, float left, float width, float y);

// Height of centeredText's block without drawing it.
float centeredTextHeight(const std::string& text, ImFont* font, float width);

// Reports a touch target (label, rectangle) to the frame's UiTrace, if any.
// touchButton does it itself; custom buttons call it.
void traceButton(const std::string& label, ImVec2 min, ImVec2 size);

enum class ButtonStyle { Primary, Secondary, Selected };

// A large touch button at pos; its size is at least the theme's minimum
// touch target. Returns true when released over it, unless the press became
// a drag (a finger scrolling a list, see DragScrollArea).
bool touchButton(const char* id, const std::string& label, ImVec2 pos, ImVec2 size, ButtonStyle style,
                 const UiContext& ui);

// A loyalty card being held to the reader: a rounded card with contactless
// waves, centred at centre, 'size' wide.
void drawCardTapIllustration(ImDrawList* drawList, ImVec2 centre, float size, const Palette& palette);

}  // namespace ui
