#include <imgui.h>

#include "ui/Screen.h"

namespace ui {

void beginScreenFrame(const char* name, const UiContext& ui) {
    ImGui::SetNextWindowPos(ImVec2(0.0f, 0.0f));
    ImGui::SetNextWindowSize(ImVec2(ui.width, ui.height));
    constexpr ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                       ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                                       ImGuiWindowFlags_NoNav;
    ImGui::Begin(name, nullptr, flags);
}

void endScreenFrame() { ImGui::End(); }

}  // namespace ui
