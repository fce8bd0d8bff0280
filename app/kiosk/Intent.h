#pragma once
// What a person asked for on a screen. Screens return intents; only the flow
// (KioskFlow) changes state in answer to them.

#include <string>
#include <variant>

namespace kiosk {

struct ChooseLanguage {
    std::string language;  // catalogue code: "en", "es"
};

using Intent = std::variant<ChooseLanguage>;

}  // namespace kiosk
