#pragma once
// The PN532's contactless interface unit (CIU) as its two transfer commands
// use it. InDataExchange is managed by the firmware: CRC, ISO-DEP blocks and
// the two halves of a MIFARE WRITE (A0) are handled for the host; a card's
// 4-bit ACK becomes an empty answer and a NAK the status 0x13 (invalid
// received frame, libnfc's NFC_ERFTRANS). InCommunicateThru is raw: the CRC
// enable bits of TxMode/RxMode, TxLastBits of BitFraming, the parity bit of
// ManualRCV and the framing (type A or B) are honoured, and RxLastBits of
// Control tells the host how many bits of the last byte are valid.

#include <cstdint>

#include "nfc/sim/Bytes.h"
#include "nfc/sim/RegisterFile.h"
#include "nfc/sim/RfField.h"

namespace nfcsim {

struct Transfer {
    std::uint8_t status = 0;  // PN532 status byte: 0x00 ok, 0x01 timeout, ...
    Bytes data;
};

class ContactlessInterface {
public:
    static constexpr std::uint8_t kOk = 0x00;
    static constexpr std::uint8_t kTimeout = 0x01;
    static constexpr std::uint8_t kCrcError = 0x02;
    static constexpr std::uint8_t kBufferOverflow = 0x0E;
    static constexpr std::uint8_t kInvalidFrame = 0x13;
    static constexpr std::uint8_t kMifareAuth = 0x14;
    static constexpr std::uint8_t kNotAcceptable = 0x27;
    // Card bytes one answer frame can carry to the host.
    static constexpr std::size_t kMaxAnswer = 262;

    ContactlessInterface(RegisterFile& registers, RfField& field);

    Transfer dataExchange(const Bytes& data);
    Transfer communicateThru(const Bytes& data);

private:
    Transfer firmwareAnswer(const AirAnswer& answer, const Bytes& command) const;

    RegisterFile& registers_;
    RfField& field_;
};

}  // namespace nfcsim
