#pragma once
// Parses request bodies and files as JSON without ever throwing: a syntax
// error, invalid UTF-8 or nesting deeper than a limit (a stack guard for
// hostile input) comes back as a message saying where.

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "headoffice/HeadOfficeError.h"

namespace headoffice {

class JsonBody {
public:
    static constexpr std::size_t kMaxDepth = 32;

    // InvalidInput with "<what> is not JSON: <reason> at byte N" and the like.
    static Result<nlohmann::json> parse(std::string_view text, const std::string& what = "the body");

    // The deepest nesting of arrays and objects in `text` (strings skipped);
    // stops counting past `limit`.
    static std::size_t depth(std::string_view text, std::size_t limit);

    // Compact text for storage and answers: invalid UTF-8 (only possible in
    // values we built) becomes U+FFFD instead of throwing.
    static std::string dump(const nlohmann::json& value);
    static std::string dump(const nlohmann::ordered_json& value);
};

}  // namespace headoffice
