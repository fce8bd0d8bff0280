#pragma once
// Drives a whole screen (a ui::Screen<View>) in a headless ImGui context the
// way KioskWindow does: fonts rasterised for the panel's size (scale 0.6 at
// 800x480), the standard or high-contrast theme, a finger, and --ui-trace
// to read back what the screen showed. Header-only; the screen tests share it.

#include <algorithm>
#include <fstream>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/ui/widgets/HeadlessImGui.h"
#include "kiosk/Intent.h"
#include "support/TempDir.h"
#include "ui/FontSet.h"
#include "ui/Theme.h"
#include "ui/UiContext.h"
#include "ui/UiTrace.h"
#include "ui/screens/StaffScreenParts.h"

namespace screentest {

class ScreenHarness {
public:
    explicit ScreenHarness(float width = 1280.0f, float height = 800.0f, bool highContrast = false, float dpi = 150.0f)
        : imgui_(width, height, dpi), theme_(dpi, highContrast) {
        // As KioskWindow: the fonts' scale follows the panel.
        const float scale = std::max(0.5f, std::min(width / 1280.0f, height / 800.0f));
        const std::string error = fonts_.load(ui::FontSet::findFaces({
                                                  {"/usr/share/fonts/opentype/inter/Inter-Regular.otf",
                                                   "/usr/share/fonts/opentype/inter/Inter-SemiBold.otf"},
                                                  {"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
                                                   "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"},
                                              }),
                                              scale);
        if (!error.empty()) {
            throw std::runtime_error("fonts: " + error);
        }
        theme_.apply(scale);
        context_.emplace(ui::UiContext{theme_, fonts_, width, height, scale});
    }

    const ui::UiContext& ui() const { return *context_; }

    // One frame of screen showing view, the finger at finger. The screen's
    // window is the only one, as in the kiosk (HeadlessImGui::frame would
    // put its own fullscreen window above it, and that would take the taps).
    template <class Screen, class View>
    std::optional<kiosk::Intent> frame(Screen& screen, const View& view, ImVec2 finger, bool down) {
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = finger;
        io.MouseDown[0] = down;
        ImGui::NewFrame();
        std::optional<kiosk::Intent> intent = screen.draw(view, ui());
        ImGui::Render();
        return intent;
    }

    // A tap: the screen is on show first (so ImGui knows its window), then
    // press, lift and one idle frame. The intent of whichever frame had one.
    template <class Screen, class View>
    std::optional<kiosk::Intent> tap(Screen& screen, const View& view, ImVec2 at) {
        std::optional<kiosk::Intent> intent;
        frame(screen, view, ImVec2(-1.0f, -1.0f), false);
        for (const bool down : {true, false, false}) {
            if (auto got = frame(screen, view, at, down)) {
                intent = got;
            }
        }
        return intent;
    }

    // A finger pressed at from, slid to to, lifted.
    template <class Screen, class View>
    std::optional<kiosk::Intent> drag(Screen& screen, const View& view, ImVec2 from, ImVec2 to, int steps = 8) {
        std::optional<kiosk::Intent> intent;
        frame(screen, view, ImVec2(-1.0f, -1.0f), false);
        for (int i = 0; i <= steps; ++i) {
            const float t = static_cast<float>(i) / static_cast<float>(steps);
            if (auto got = frame(screen, view, ImVec2(from.x + (to.x - from.x) * t, from.y + (to.y - from.y) * t), true)) {
                intent = got;
            }
        }
        for (int i = 0; i < 2; ++i) {
            if (auto got = frame(screen, view, to, false)) {
                intent = got;
            }
        }
        return intent;
    }

    // The texts one frame of the screen showed, through --ui-trace.
    template <class Screen, class View>
    std::vector<std::string> texts(Screen& screen, const View& view) {
        const std::string path = dir_.file("trace.jsonl");
        {
            ui::UiTrace trace(path);
            if (!trace.error().empty()) {
                throw std::runtime_error(trace.error());
            }
            ImGuiIO& io = ImGui::GetIO();
            io.MousePos = ImVec2(-1.0f, -1.0f);
            io.MouseDown[0] = false;
            ImGui::NewFrame();
            trace.beginFrame(screen.name());
            screen.draw(view, ui());
            trace.endFrame();
            trace.write();
            ImGui::Render();
        }
        std::ifstream in(path);
        std::string line;
        std::string last;
        while (std::getline(in, line)) {
            last = line;
        }
        return nlohmann::json::parse(last).at("texts").get<std::vector<std::string>>();
    }

    // Whether box lies on the screen.
    bool onScreen(const ui::Box& box) const {
        return box.min.x >= 0.0f && box.min.y >= 0.0f && box.max.x <= ui().width + 0.5f &&
               box.max.y <= ui().height + 0.5f && !box.empty();
    }

private:
    HeadlessImGui imgui_;
    ui::Theme theme_;
    ui::FontSet fonts_;
    std::optional<ui::UiContext> context_;
    testsupport::TempDir dir_{"screen-trace"};
};

// The centre of a key of the numeric keypad drawn in box (see ui::Keypad):
// digits 0-9, 'C' for Clear, 'B' for Back.
inline ImVec2 keypadKey(const ui::Box& box, char key, const ui::UiContext& ui) {
    int column = 0;
    int row = 3;
    if (key >= '1' && key <= '9') {
        column = (key - '1') % 3;
        row = (key - '1') / 3;
    } else if (key == '0') {
        column = 1;
    } else if (key == 'B') {
        column = 2;
    }
    const float gap = ui.theme.mm(2.0f);
    const float keyW = (box.width() - 2.0f * gap) / 3.0f;
    const float keyH = (box.height() - 3.0f * gap) / 4.0f;
    return ImVec2(box.min.x + static_cast<float>(column) * (keyW + gap) + keyW * 0.5f,
                  box.min.y + static_cast<float>(row) * (keyH + gap) + keyH * 0.5f);
}

// value >= minimum, give or take float rounding (a box's height is max - min).
inline bool atLeast(float value, float minimum) { return value >= minimum - 0.01f; }

inline bool contains(const std::vector<std::string>& texts, const std::string& text) {
    return std::find(texts.begin(), texts.end(), text) != texts.end();
}

inline bool overlaps(const ui::Box& a, const ui::Box& b) {
    return a.min.x < b.max.x && b.min.x < a.max.x && a.min.y < b.max.y && b.min.y < a.max.y;
}

template <class T>
bool holds(const std::optional<kiosk::Intent>& intent) {
    return intent.has_value() && std::holds_alternative<T>(*intent);
}

}  // namespace screentest
