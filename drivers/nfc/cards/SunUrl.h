#pragma once
// The parameters of an NTAG 424 DNA Secure Unique NFC URL (AN12196):
// encrypted PICCData (exactly 32 hex digits) and the truncated SDM MAC
// (exactly 16 hex digits), found by name in the query string. Names are
// configurable; each must appear exactly once. Bounded: URLs over kMaxUrl
// characters are refused before anything else is looked at.

#include <array>
#include <string>
#include <string_view>

#include "loyalty/Expected.h"
#include "nfc/cards/Aes128.h"
#include "nfc/cards/ParseError.h"

namespace nfc::cards {

struct SunParameterNames {
    std::string piccData = "picc_data";
    std::string cmac = "cmac";
};

struct SunUrlFields {
    Aes128::Block encryptedPiccData{};
    std::array<std::uint8_t, 8> mac{};
};

class SunUrl {
public:
    static constexpr std::size_t kMaxUrl = 1024;

    static loyalty::Expected<SunUrlFields, ParseError> parse(std::string_view url, const SunParameterNames& names);
};

}  // namespace nfc::cards
