#pragma once
// Kiosk bearer tokens: head office keeps only their SHA-256, and makes new
// ones from the system's random generator.

#include <optional>
#include <string>
#include <string_view>

namespace headoffice {

class TokenHash {
public:
    // Lower-case hex SHA-256 of `token`.
    static std::string sha256Hex(std::string_view token);
    // 32 random bytes as 64 hex digits; nullopt when the generator fails.
    static std::optional<std::string> newToken();
    // 1+ printable ASCII characters, no spaces (what a bearer token may hold).
    static bool isPrintable(std::string_view token);
    // The token of "Authorization: Bearer <token>"; "" when absent or malformed.
    static std::string fromAuthorization(std::string_view header);
};

}  // namespace headoffice
