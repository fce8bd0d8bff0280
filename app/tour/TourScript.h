#pragma once
// The screen tour's script: every ScreenId and the variants worth seeing,
// each step a few inputs (what a card reader, the sync thread, the app
// layer's answers and a finger would send) after which the flow rests on
// one screen. The driver (TourDriver) feeds them through FlowLinks.

#include <functional>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "kiosk/Effects.h"
#include "kiosk/Intent.h"
#include "kiosk/Messages.h"
#include "kiosk/ViewModels.h"

namespace tour {

class DemoShop;

// A message made when it is delivered: an answer to the last effect the
// flow asked for (its RequestId), or one that reads the demo shop's state
// as it is then.
using Reply = std::function<kiosk::Message(const std::optional<kiosk::Effect>& lastEffect)>;
using TourInput = std::variant<kiosk::Message, kiosk::Intent, Reply>;

struct TourStep {
    kiosk::ScreenId screen = kiosk::ScreenId::Attract;  // where the flow must rest after the inputs
    std::string variant;                                // "", "offline", "enrol" ...: names the screenshot
    std::vector<TourInput> inputs;

    // "member-offline", "attract"
    std::string name() const;
};

// The whole tour, answering from `shop` (which must outlive the steps).
std::vector<TourStep> buildTour(DemoShop& shop);

}  // namespace tour
