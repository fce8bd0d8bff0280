#include "ui/widgets/DragScrollArea.h"

#include <algorithm>

namespace ui {
namespace {

bool inside(ImVec2 point, ImVec2 min, ImVec2 max) {
    return point.x >= min.x && point.y >= min.y && point.x < max.x && point.y < max.y;
}

}  // namespace

float DragScrollArea::dragThreshold(const UiContext& ui) { return ui.theme.mm(3.0f); }

bool DragScrollArea::wasDrag(const UiContext& ui) {
    const float threshold = dragThreshold(ui);
    return ImGui::GetIO().MouseDragMaxDistanceSqr[0] > threshold * threshold;
}

void DragScrollArea::begin(const char* id, ImVec2 pos, ImVec2 size, const UiContext& ui) {
    ImGui::SetCursorScreenPos(pos);
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(0, 0, 0, 0));
    ImGui::BeginChild(id, size, false, ImGuiWindowFlags_NoScrollbar);
    ImGui::PopStyleColor();

    const ImGuiIO& io = ImGui::GetIO();
    const ImVec2 max(pos.x + size.x, pos.y + size.y);
    ImGuiStorage* storage = ImGui::GetStateStorage();
    const ImGuiID scrollAtPress = ImGui::GetID("scroll-at-press");
    const ImGuiID pressedHere = ImGui::GetID("pressed-here");
    if (io.MouseClicked[0]) {
        const bool here = inside(io.MouseClickedPos[0], pos, max);
        storage->SetBool(pressedHere, here);
        storage->SetFloat(scrollAtPress, ImGui::GetScrollY());
    }
    if (io.MouseDown[0] && storage->GetBool(pressedHere) && wasDrag(ui)) {
        const float travelled = io.MousePos.y - io.MouseClickedPos[0].y;
        ImGui::SetScrollY(storage->GetFloat(scrollAtPress) - travelled);
    }
}

void DragScrollArea::end(const UiContext& ui) {
    const float scrollMax = ImGui::GetScrollMaxY();
    if (scrollMax >= 1.0f) {
        // A thin thumb along the right edge, as phones show while a list
        // scrolls: where the visible part is and that there is more. Drawn
        // last in the list (over its rows, inside its clip); it takes no input.
        const float scroll = ImGui::GetScrollY();
        const ImVec2 pos = ImGui::GetWindowPos();
        const ImVec2 size = ImGui::GetWindowSize();
        const float width = ui.theme.mm(1.2f);
        const float thumb = std::max(size.y * size.y / (size.y + scrollMax), ui.theme.mm(6.0f));
        const float top = pos.y + (size.y - thumb) * (scroll / scrollMax);
        ImVec4 colour = ui.theme.palette().accent;
        colour.w *= 0.85f;
        ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(pos.x + size.x - width, top),
                                                  ImVec2(pos.x + size.x, top + thumb),
                                                  ImGui::ColorConvertFloat4ToU32(colour), width * 0.5f);
    }
    ImGui::EndChild();
}

}  // namespace ui
