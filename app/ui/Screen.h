#pragma once
// One screen, one class: a screen takes a read-only view model and returns
// what the person asked for. The base class owns the frame (a fullscreen,
// borderless ImGui window); subclasses fill in drawContent().

#include <optional>

#include "kiosk/Intent.h"
#include "ui/UiContext.h"

namespace ui {

// Begins/ends the fullscreen window every screen draws into.
void beginScreenFrame(const char* name, const UiContext& ui);
void endScreenFrame();

template <class View>
class Screen {
public:
    virtual ~Screen() = default;

    std::optional<kiosk::Intent> draw(const View& view, const UiContext& ui) {
        beginScreenFrame(name(), ui);
        auto intent = drawContent(view, ui);
        endScreenFrame();
        return intent;
    }

    virtual const char* name() const = 0;

protected:
    virtual std::optional<kiosk::Intent> drawContent(const View& view, const UiContext& ui) = 0;
};

}  // namespace ui
