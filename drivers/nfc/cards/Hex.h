#pragma once
// Hex text for UIDs, keys and SUN parameters. Decoding is bounded: it never
// produces more than maxBytes and refuses anything that is not exactly pairs
// of hex digits (no separators, no sign, no whitespace).

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "nfc/CardTransport.h"

namespace nfc::cards {

class Hex {
public:
    // Upper case, no separators: {0x04, 0xA1} -> "04A1".
    static std::string encode(const Bytes& bytes);
    static std::string encode(const std::uint8_t* data, std::size_t size);
    // nullopt when the text is not 2*n hex digits or n > maxBytes.
    static std::optional<Bytes> decode(std::string_view text, std::size_t maxBytes);
    // Exactly `size` bytes, or nullopt.
    static std::optional<Bytes> decodeExact(std::string_view text, std::size_t size);
};

}  // namespace nfc::cards
