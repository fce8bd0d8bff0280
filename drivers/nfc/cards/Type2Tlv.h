#pragma once
// NFC Forum Type 2 Tag TLV blocks in NTAG user memory (from page 4):
// NULL (00, no length), Lock Control (01), Memory Control (02), NDEF (03),
// Proprietary (FD), Terminator (FE, no length). A length is one byte, or FF
// followed by two bytes (big endian, FF..FFFE) for the 3-byte form. Unknown
// types are skipped by their length. Parsing stops at the terminator or at
// the end of the input; a length that runs past the input is Truncated
// (the caller may read more memory and parse again).

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "loyalty/Expected.h"
#include "nfc/CardTransport.h"
#include "nfc/cards/ParseError.h"

namespace nfc::cards {

struct Tlv {
    std::uint8_t type = 0;
    std::size_t valueOffset = 0;  // into the parsed input
    std::size_t valueLength = 0;
};

struct TlvArea {
    std::vector<Tlv> blocks;      // NULL and Terminator are not listed
    bool terminated = false;      // a Terminator TLV was found
    std::size_t end = 0;          // offset just after the last byte parsed
};

class Type2Tlv {
public:
    static constexpr std::uint8_t kNull = 0x00;
    static constexpr std::uint8_t kLockControl = 0x01;
    static constexpr std::uint8_t kMemoryControl = 0x02;
    static constexpr std::uint8_t kNdef = 0x03;
    static constexpr std::uint8_t kProprietary = 0xFD;
    static constexpr std::uint8_t kTerminator = 0xFE;
    static constexpr std::size_t kMaxBlocks = 64;

    static loyalty::Expected<TlvArea, ParseError> parse(const std::uint8_t* data, std::size_t size);
    static loyalty::Expected<TlvArea, ParseError> parse(const Bytes& data) { return parse(data.data(), data.size()); }

    // The first NDEF TLV, if any.
    static std::optional<Tlv> firstNdef(const TlvArea& area);

    // 03 LEN value FE, with the 3-byte length form when the value has 255
    // bytes or more; nullopt above 0xFFFE bytes.
    static std::optional<Bytes> encodeNdef(const Bytes& message);
};

}  // namespace nfc::cards
