#pragma once
// The seam between the card formats (pure parsing and crypto, testable with
// recorded bytes) and the reader that talks to a real chip. The libnfc
// reader implements it over nfc_initiator_transceive_bytes; tests implement
// it over the PN532 simulator or canned answers.

#include <cstdint>
#include <string>
#include <vector>

#include "loyalty/Expected.h"

namespace nfc {

using Bytes = std::vector<std::uint8_t>;

// What anticollision told us about the card in the field (ISO 14443-A).
struct TargetInfo {
    Bytes uid;         // 4, 7 or 10 bytes
    std::uint16_t atqa = 0;
    std::uint8_t sak = 0;
    Bytes ats;         // empty unless the card speaks ISO-DEP (ISO 14443-4)
};

enum class TransportError {
    Timeout,       // no answer from the card (moved away?)
    Nak,           // the card answered with a NAK
    Io,            // the reader failed (unplugged, garbage)
    TooLong,       // answer larger than the buffer
};

struct TransportFailure {
    TransportError code;
    std::string message;
};

class CardTransport {
public:
    virtual ~CardTransport() = default;
    // Sends a command to the card (CRC added by the chip) and returns its
    // answer. For ISO-DEP cards the command is an APDU.
    virtual loyalty::Expected<Bytes, TransportFailure> transceive(const Bytes& command, int timeoutMs) = 0;
};

}  // namespace nfc
