#pragma once
// NFC Forum URI record (well-known type "U"): the first payload byte is an
// abbreviation code (00 none .. 23 "urn:nfc:"), the rest is the URI's
// remainder. Codes above 23 are refused (RFU).

#include <optional>
#include <string>
#include <string_view>

#include "loyalty/Expected.h"
#include "nfc/cards/NdefMessage.h"

namespace nfc::cards {

class UriRecord {
public:
    static constexpr std::size_t kMaxUri = 2048;

    // The full URI of a TNF 1 "U" record.
    static loyalty::Expected<std::string, ParseError> decode(const NdefRecord& record);
    // The first URI record of a message.
    static std::optional<std::string> firstUri(const NdefMessage& message);
    // A "U" record with the longest matching prefix code.
    static NdefRecord encode(std::string_view uri);
};

}  // namespace nfc::cards
