#pragma once
// Builds the PN532 host-interface frames the chip sends (PN532 user manual
// §6.2): information frames (normal up to 254 data bytes, extended above),
// ACK, NACK and the syntax-error frame.
//
//   normal    00 00 FF LEN LCS TFI DATA... DCS 00
//   extended  00 00 FF FF FF LENm LENl LCS TFI DATA... DCS 00
//
// LEN counts TFI plus data; LCS makes LEN+LCS (or LENm+LENl+LCS) zero mod
// 256; DCS makes TFI+DATA+DCS zero mod 256.

#include <cstddef>
#include <cstdint>

#include "nfc/sim/Bytes.h"

namespace nfcsim {

class FrameCodec {
public:
    static constexpr std::uint8_t kHostToChip = 0xD4;
    static constexpr std::uint8_t kChipToHost = 0xD5;
    // Data bytes (command code included, TFI excluded) in one frame.
    static constexpr std::size_t kMaxNormalData = 254;
    static constexpr std::size_t kMaxExtendedData = 264;

    // An information frame; extended when data is longer than kMaxNormalData.
    // Data longer than kMaxExtendedData is the caller's bug: it is truncated.
    static Bytes information(std::uint8_t tfi, const Bytes& data);
    static Bytes ack();
    static Bytes nack();
    static Bytes syntaxError();
    // The same frame with its data checksum off by one (a fault to inject).
    static Bytes withBadDataChecksum(Bytes frame);
};

}  // namespace nfcsim
