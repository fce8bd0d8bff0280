#pragma once
// Read-only data a screen draws. Built by the flow from its state and the
// catalogue, so screens never look anything up themselves.

#include <string>
#include <vector>

namespace kiosk {

enum class ScreenId { Attract };

struct LanguageOption {
    std::string code;   // "es"
    std::string label;  // "Español" (always in its own language)
    bool selected = false;
};

struct AttractView {
    std::string programName;
    std::string title;
    std::string subtitle;
    std::string hint;
    std::string chooseLanguage;
    std::string readerLabel;
    std::vector<LanguageOption> languages;
};

}  // namespace kiosk
