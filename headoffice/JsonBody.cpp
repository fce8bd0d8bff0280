#include "headoffice/JsonBody.h"

namespace headoffice {

namespace {

// nlohmann's messages read "[json.exception.parse_error.101] parse error at
// line 1, column 5: syntax error while parsing value - invalid literal; last
// read: 'tru,'". Keep the description only: the "last read" part echoes input.
std::string describe(const std::string& what) {
    std::string text = what;
    const auto column = text.find(": ");
    if (column != std::string::npos) {
        text = text.substr(column + 2);
    }
    const auto lastRead = text.find("; last read");
    if (lastRead != std::string::npos) {
        text = text.substr(0, lastRead);
    }
    return text;
}

}  // namespace

std::size_t JsonBody::depth(std::string_view text, std::size_t limit) {
    std::size_t current = 0;
    std::size_t deepest = 0;
    bool inString = false;
    bool escaped = false;
    for (const char c : text) {
        if (inString) {
            if (escaped) {
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == '"') {
                inString = false;
            }
            continue;
        }
        if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            ++current;
            if (current > deepest) {
                deepest = current;
                if (deepest > limit) {
                    return deepest;
                }
            }
        } else if ((c == ']' || c == '}') && current > 0) {
            --current;
        }
    }
    return deepest;
}

Result<nlohmann::json> JsonBody::parse(std::string_view text, const std::string& what) {
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
        return failure(ErrorCode::InvalidInput, what + " is empty; expected a JSON object");
    }
    if (depth(text, kMaxDepth) > kMaxDepth) {
        return failure(ErrorCode::InvalidInput,
                       what + " nests arrays and objects more than " + std::to_string(kMaxDepth) + " deep");
    }
    try {
        return nlohmann::json::parse(text.begin(), text.end());
    } catch (const nlohmann::json::parse_error& e) {
        return failure(ErrorCode::InvalidInput, what + " is not JSON: " + describe(e.what()) + " (byte " +
                                                    std::to_string(e.byte) + ")");
    } catch (const std::exception& e) {
        return failure(ErrorCode::InvalidInput, what + " is not JSON: " + describe(e.what()));
    }
}

std::string JsonBody::dump(const nlohmann::json& value) {
    return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string JsonBody::dump(const nlohmann::ordered_json& value) {
    return value.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace headoffice
