#pragma once
// What the kiosk shows while nobody is using it: the programme's name, "Tap
// your card" with a picture of how, and the language buttons.

#include "kiosk/ViewModels.h"
#include "ui/Screen.h"

namespace ui {

class AttractScreen final : public Screen<kiosk::AttractView> {
public:
    const char* name() const override { return "attract"; }

protected:
    std::optional<kiosk::Intent> drawContent(const kiosk::AttractView& view, const UiContext& ui) override;
};

}  // namespace ui
