#pragma once
// gzip (RFC 1952) with zlib: answers over 8 KiB to kiosks that accept it,
// and for tests that send compressed bodies or read compressed answers.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace headoffice {

class Gzip {
public:
    static constexpr std::size_t kAnswerThreshold = 8 * 1024;  // compress answers larger than this

    static std::optional<std::string> compress(std::string_view data);
    // nullopt when `data` is not gzip or decodes to more than maxBytes.
    static std::optional<std::string> decompress(std::string_view data, std::size_t maxBytes);
    // Accept-Encoding allows gzip (a "gzip" or "*" entry without q=0).
    static bool accepted(std::string_view acceptEncoding);
};

}  // namespace headoffice
