#pragma once
// A contactless card in the simulated field. The ISO/IEC 14443-3 activation
// (REQA, anticollision, SELECT, HLTA) and the ISO-DEP block layer are the
// field's business (RfField); a card answers the commands sent to it once it
// is selected: Type 2 commands (NTAG), or APDUs when it speaks ISO-DEP.

#include <array>
#include <cstdint>
#include <optional>
#include <string>

#include "nfc/sim/Bytes.h"

namespace nfcsim {

// What a card sends back over the air. 4-bit answers (ACK 0xA, NAK 0x0..0x5)
// have bits = 4; answers that carry a CRC_A on air have crc = true (the data
// here never includes it: the reader's contactless interface adds or checks it).
struct AirReply {
    Bytes data;
    std::uint8_t bits = 0;  // valid bits of the only byte for short answers, 0 = whole bytes
    bool crc = true;

    static AirReply ack() { return AirReply{{0x0A}, 4, false}; }
    static AirReply nak(std::uint8_t code) { return AirReply{{code}, 4, false}; }
    static AirReply frame(Bytes data) { return AirReply{std::move(data), 0, true}; }
};
using AirAnswer = std::optional<AirReply>;  // nullopt: the card stays silent

class VirtualCard {
public:
    virtual ~VirtualCard() = default;

    // "mifare-classic", "ntag213", "ntag215", "ntag216", "ntag424".
    virtual std::string kind() const = 0;
    virtual const Bytes& uid() const = 0;
    // ATQA (SENS_RES) in the order the PN532 reports it, e.g. {0x00, 0x44}.
    virtual std::array<std::uint8_t, 2> atqa() const = 0;
    virtual std::uint8_t sak() const = 0;
    // ISO-DEP cards: the ATS including its length byte TL; empty otherwise.
    virtual Bytes ats() const { return {}; }

    // The card went through IDLE (field reset, HALT, new activation): it
    // forgets its session (authentication, selected file, pending writes).
    virtual void resetSession() {}
    // A layer-3 command, once selected. crcValid: the frame arrived with a
    // correct CRC_A (false for frames a raw-mode host sent without one).
    virtual AirAnswer command(const Bytes& frame, bool crcValid) = 0;
    // ISO-DEP cards: one command APDU, the response APDU (data + SW1 SW2).
    virtual std::optional<Bytes> apdu(const Bytes& /*command*/) { return std::nullopt; }

    // One line for the console's `status`.
    virtual std::string describe() const;
};

}  // namespace nfcsim
