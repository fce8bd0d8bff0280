#pragma once
// Draws one of the customer screens in a headless ImGui context set up as
// KioskWindow sets up a panel of that size (fonts rasterised at the panel's
// scale, the theme applied at it, standard or high contrast), records every
// frame in a UiTrace file and collects the intents the screen returned.
// Shared by the customer screens' tests (MessageScreenTest, MemberScreenTest,
// RatingScreenTest, RewardCodeScreenTest, ChromeBarTest).

#include <algorithm>
#include <fstream>
#include <functional>
#include <memory>
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
#include "ui/screens/ChromeBar.h"

class CustomerScreenRig {
public:
    CustomerScreenRig(float width, float height, bool highContrast = false, float dpi = 150.0f)
        : imgui_(width, height, dpi), theme_(dpi, highContrast), trace_(dir_.file("trace.jsonl")) {
        // As KioskWindow::create: the scale of a panel against 1280x800.
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
        context_ = std::make_unique<ui::UiContext>(ui::UiContext{theme_, fonts_, width, height, scale});
    }

    const ui::UiContext& ui() const { return *context_; }
    const std::string& traceError() const { return trace_.error(); }

    // One traced frame; draw returns what the screen returned. The screen
    // opens its own window (Screen::draw), so no window is opened around it:
    // HeadlessImGui's would lie above a screen's window, which ImGui puts
    // at the back (ImGuiWindowFlags_NoBringToFrontOnFocus), and take the taps.
    void frame(ImVec2 finger, bool down, const std::function<std::optional<kiosk::Intent>()>& draw) {
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = finger;
        io.MouseDown[0] = down;
        ImGui::NewFrame();
        trace_.beginFrame("test");
        if (auto intent = draw()) {
            intents_.push_back(*intent);
        }
        trace_.endFrame();
        trace_.write();
        ImGui::Render();
    }
    void idle(const std::function<std::optional<kiosk::Intent>()>& draw) { frame(ImVec2(-1.0f, -1.0f), false, draw); }

    // A finger pressed and lifted at at, after an idle frame (ImGui finds the
    // window under the finger among the last frame's windows). Returns what
    // the screen sent, if anything; more than one intent is a failure.
    std::optional<kiosk::Intent> tap(ImVec2 at, const std::function<std::optional<kiosk::Intent>()>& draw) {
        idle(draw);
        intents_.clear();
        frame(at, true, draw);
        frame(at, false, draw);
        frame(at, false, draw);
        if (intents_.size() > 1) {
            throw std::logic_error("one tap sent " + std::to_string(intents_.size()) + " intents");
        }
        return intents_.empty() ? std::nullopt : std::optional<kiosk::Intent>(intents_.front());
    }

    // A finger pressed at from, slid to to and lifted: one frame per step.
    void drag(ImVec2 from, ImVec2 to, int steps, const std::function<std::optional<kiosk::Intent>()>& draw) {
        idle(draw);
        frame(from, true, draw);
        for (int i = 1; i <= steps; ++i) {
            const float t = static_cast<float>(i) / static_cast<float>(steps);
            frame(ImVec2(from.x + (to.x - from.x) * t, from.y + (to.y - from.y) * t), true, draw);
        }
        frame(to, false, draw);
        frame(to, false, draw);
    }

    const std::vector<kiosk::Intent>& intents() const { return intents_; }

    // The texts of the last traced frame, in drawing order.
    std::vector<std::string> lastTexts() const {
        std::ifstream in(dir_.file("trace.jsonl"));
        std::string line;
        std::string last;
        while (std::getline(in, line)) {
            last = line;
        }
        if (last.empty()) {
            return {};
        }
        return nlohmann::json::parse(last)["texts"].get<std::vector<std::string>>();
    }

    bool drew(const std::string& text) const {
        const auto texts = lastTexts();
        return std::find(texts.begin(), texts.end(), text) != texts.end();
    }

    // "missing: ..." for each expected text the last frame did not draw.
    std::string missing(const std::vector<std::string>& expected) const {
        const auto texts = lastTexts();
        std::string report;
        for (const auto& text : expected) {
            if (std::find(texts.begin(), texts.end(), text) == texts.end()) {
                report += "missing: \"" + text + "\"\n";
            }
        }
        return report;
    }

    // "" when rect is a touch target of at least the minimum size.
    std::string checkTargetSize(const char* what, const ui::Rect& rect) const {
        const float minimum = ui().theme.minTouchTarget();
        if (rect.size.x < minimum - 0.01f || rect.size.y < minimum - 0.01f) {
            return std::string(what) + " is smaller than the minimum touch target\n";
        }
        return "";
    }

    // "" when rect is a touch target of at least the minimum size inside the screen.
    std::string checkTarget(const char* what, const ui::Rect& rect) const {
        std::string report = checkTargetSize(what, rect);
        if (rect.pos.x < 0.0f || rect.pos.y < 0.0f || rect.max().x > ui().width + 0.01f ||
            rect.max().y > ui().height + 0.01f) {
            report += std::string(what) + " is not entirely on screen\n";
        }
        return report;
    }

private:
    testsupport::TempDir dir_{"customer-screen"};
    HeadlessImGui imgui_;
    ui::Theme theme_;
    ui::FontSet fonts_;
    std::unique_ptr<ui::UiContext> context_;
    ui::UiTrace trace_;
    std::vector<kiosk::Intent> intents_;
};

// The panel sizes every customer screen must work at.
struct PanelSize {
    float width;
    float height;
};
inline constexpr PanelSize kPanels[] = {{1280.0f, 800.0f}, {800.0f, 480.0f}};
