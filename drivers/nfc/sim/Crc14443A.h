#pragma once
// CRC_A of ISO/IEC 14443-3 (initial value 0x6363, reflected polynomial
// 0x8408), transmitted least significant byte first.

#include <array>
#include <cstddef>

#include "nfc/sim/Bytes.h"

namespace nfcsim {

class Crc14443A {
public:
    // The two CRC bytes, in transmission order (LSB first).
    static std::array<std::uint8_t, 2> compute(const std::uint8_t* data, std::size_t length);
    static Bytes withCrc(Bytes frame);
    // True when the frame is at least three bytes and ends with the CRC of the rest.
    static bool endsWithValidCrc(const Bytes& frame);
};

}  // namespace nfcsim
