#pragma once
// A Dear ImGui context with the kiosk's real fonts and theme but no window
// or renderer: widget tests feed it a finger (position, down/up) frame by
// frame and read what the widgets returned. Widgets draw into a fullscreen
// screen frame exactly as the kiosk's screens do.

#include <functional>
#include <memory>

#include <imgui.h>

#include "ui/FontSet.h"
#include "ui/Theme.h"
#include "ui/UiContext.h"

class HeadlessImGui {
public:
    explicit HeadlessImGui(float width = 1280.0f, float height = 800.0f, float dpi = 150.0f);
    ~HeadlessImGui();
    HeadlessImGui(const HeadlessImGui&) = delete;
    HeadlessImGui& operator=(const HeadlessImGui&) = delete;

    const ui::UiContext& ui() const { return *context_; }

    // One frame with the finger at finger, touching the screen or not.
    void frame(ImVec2 finger, bool down, const std::function<void()>& draw);

    // Press at from, slide to to in steps frames, lift: one frame per step.
    void drag(ImVec2 from, ImVec2 to, int steps, const std::function<void()>& draw);
    // Press and lift at the same place (two frames, then one idle frame).
    void tap(ImVec2 at, const std::function<void()>& draw);

private:
    ImGuiContext* imgui_ = nullptr;
    ui::Theme theme_;
    ui::FontSet fonts_;
    std::unique_ptr<ui::UiContext> context_;
};
