#pragma once
// Writes JSON text by hand for the hot paths (change-log entries, upload
// answers): much cheaper than building nlohmann values to dump them.
// Strings come from parsed JSON or the store, so they are valid UTF-8.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace headoffice {

class JsonText {
public:
    // "text" with ", \ and control characters escaped.
    static void string(std::string& out, std::string_view text);
    static void optionalString(std::string& out, const std::optional<std::string>& text);  // null when empty
    static void optionalInteger(std::string& out, const std::optional<std::int64_t>& value);
};

}  // namespace headoffice
