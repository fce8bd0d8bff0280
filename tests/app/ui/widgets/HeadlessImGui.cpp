#include "app/ui/widgets/HeadlessImGui.h"

#include <stdexcept>

#include "ui/Screen.h"

HeadlessImGui::HeadlessImGui(float width, float height, float dpi) : theme_(dpi, false) {
    IMGUI_CHECKVERSION();
    imgui_ = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(width, height);
    io.DeltaTime = 1.0f / 60.0f;
    const std::string error = fonts_.load(ui::FontSet::findFaces({
                                              {"/usr/share/fonts/opentype/inter/Inter-Regular.otf",
                                               "/usr/share/fonts/opentype/inter/Inter-SemiBold.otf"},
                                              {"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
                                               "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"},
                                          }),
                                          1.0f);
    if (!error.empty()) {
        ImGui::DestroyContext(imgui_);
        throw std::runtime_error("fonts: " + error);
    }
    unsigned char* pixels = nullptr;
    int atlasWidth = 0;
    int atlasHeight = 0;
    io.Fonts->GetTexDataAsAlpha8(&pixels, &atlasWidth, &atlasHeight);
    theme_.apply(1.0f);
    context_ = std::make_unique<ui::UiContext>(ui::UiContext{theme_, fonts_, width, height, 1.0f});
    // ImGui finds the window under the finger among last frame's windows; a
    // kiosk always has one, so the first touch of a test must too.
    frame(ImVec2(-1.0f, -1.0f), false, [] {});
}

HeadlessImGui::~HeadlessImGui() { ImGui::DestroyContext(imgui_); }

void HeadlessImGui::frame(ImVec2 finger, bool down, const std::function<void()>& draw) {
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = finger;
    io.MouseDown[0] = down;
    ImGui::NewFrame();
    ui::beginScreenFrame("headless", *context_);
    draw();
    ui::endScreenFrame();
    ImGui::Render();
}

void HeadlessImGui::drag(ImVec2 from, ImVec2 to, int steps, const std::function<void()>& draw) {
    frame(from, true, draw);
    for (int i = 1; i <= steps; ++i) {
        const float t = static_cast<float>(i) / static_cast<float>(steps);
        frame(ImVec2(from.x + (to.x - from.x) * t, from.y + (to.y - from.y) * t), true, draw);
    }
    frame(to, false, draw);
    frame(to, false, draw);
}

void HeadlessImGui::tap(ImVec2 at, const std::function<void()>& draw) {
    frame(at, true, draw);
    frame(at, false, draw);
    frame(at, false, draw);
}
