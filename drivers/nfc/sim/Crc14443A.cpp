#include "nfc/sim/Crc14443A.h"

namespace nfcsim {

std::array<std::uint8_t, 2> Crc14443A::compute(const std::uint8_t* data, std::size_t length) {
    std::uint16_t crc = 0x6363;
    for (std::size_t i = 0; i < length; ++i) {
        std::uint8_t b = data[i];
        b = static_cast<std::uint8_t>(b ^ (crc & 0xFF));
        b = static_cast<std::uint8_t>(b ^ (b << 4));
        crc = static_cast<std::uint16_t>((crc >> 8) ^ (static_cast<std::uint16_t>(b) << 8) ^
                                         (static_cast<std::uint16_t>(b) << 3) ^ (b >> 4));
    }
    return {static_cast<std::uint8_t>(crc & 0xFF), static_cast<std::uint8_t>(crc >> 8)};
}

Bytes Crc14443A::withCrc(Bytes frame) {
    const auto crc = compute(frame.data(), frame.size());
    frame.push_back(crc[0]);
    frame.push_back(crc[1]);
    return frame;
}

bool Crc14443A::endsWithValidCrc(const Bytes& frame) {
    if (frame.size() < 3) {
        return false;
    }
    const auto crc = compute(frame.data(), frame.size() - 2);
    return frame[frame.size() - 2] == crc[0] && frame[frame.size() - 1] == crc[1];
}

}  // namespace nfcsim
