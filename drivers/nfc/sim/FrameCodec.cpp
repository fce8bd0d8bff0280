#include "nfc/sim/FrameCodec.h"

#include <algorithm>

namespace nfcsim {

Bytes FrameCodec::information(std::uint8_t tfi, const Bytes& data) {
    const std::size_t length = std::min(data.size(), kMaxExtendedData);
    const std::size_t withTfi = length + 1;
    Bytes frame{0x00, 0x00, 0xFF};
    if (length <= kMaxNormalData) {
        frame.push_back(static_cast<std::uint8_t>(withTfi));
        frame.push_back(static_cast<std::uint8_t>(0x100 - withTfi));
    } else {
        const auto high = static_cast<std::uint8_t>(withTfi >> 8);
        const auto low = static_cast<std::uint8_t>(withTfi & 0xFF);
        frame.push_back(0xFF);
        frame.push_back(0xFF);
        frame.push_back(high);
        frame.push_back(low);
        frame.push_back(static_cast<std::uint8_t>(0x100 - ((high + low) & 0xFF)));
    }
    frame.push_back(tfi);
    unsigned sum = tfi;
    for (std::size_t i = 0; i < length; ++i) {
        frame.push_back(data[i]);
        sum += data[i];
    }
    frame.push_back(static_cast<std::uint8_t>(0x100 - (sum & 0xFF)));
    frame.push_back(0x00);
    return frame;
}

Bytes FrameCodec::ack() {
    return {0x00, 0x00, 0xFF, 0x00, 0xFF, 0x00};
}

Bytes FrameCodec::nack() {
    return {0x00, 0x00, 0xFF, 0xFF, 0x00, 0x00};
}

Bytes FrameCodec::syntaxError() {
    return {0x00, 0x00, 0xFF, 0x01, 0xFF, 0x7F, 0x81, 0x00};
}

Bytes FrameCodec::withBadDataChecksum(Bytes frame) {
    if (frame.size() >= 2) {
        frame[frame.size() - 2] = static_cast<std::uint8_t>(frame[frame.size() - 2] + 1);
    }
    return frame;
}

}  // namespace nfcsim
