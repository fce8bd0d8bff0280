#pragma once
// The kiosk's flow state machine: which screen shows, in which language, and
// what it says. No ImGui, no SDL, no I/O: the UI asks it for a view model and
// hands it the intents people express.

#include <string>
#include <vector>

#include "config/Catalog.h"
#include "kiosk/Intent.h"
#include "kiosk/ViewModels.h"

namespace kiosk {

class KioskFlow {
public:
    // catalogues: one per offered language, in button order; the first is
    // the default a new customer session starts in.
    KioskFlow(std::string programName, std::vector<config::Catalog> catalogues);

    ScreenId screen() const { return screen_; }
    const std::string& language() const;

    // Applies an intent; returns true when what is on screen changed.
    bool handle(const Intent& intent);

    AttractView attractView() const;

private:
    const config::Catalog& catalogue() const { return catalogues_[current_]; }

    std::string programName_;
    std::vector<config::Catalog> catalogues_;
    std::size_t current_ = 0;
    ScreenId screen_ = ScreenId::Attract;
};

}  // namespace kiosk
