#include "nfc/sim/UidOnlyCard.h"

namespace nfcsim {

UidOnlyCard::UidOnlyCard(Bytes uid) : uid_(std::move(uid)) {}

std::array<std::uint8_t, 2> UidOnlyCard::atqa() const {
    // Single-size UID: 00 04; double-size (7-byte) MIFARE Classic: 00 44.
    return {0x00, static_cast<std::uint8_t>(uid_.size() == 4 ? 0x04 : 0x44)};
}

AirAnswer UidOnlyCard::command(const Bytes& frame, bool crcValid) {
    if (frame.empty() || frame[0] == 0x60 || frame[0] == 0x61) {
        return std::nullopt;  // AUTH: no Crypto1 here, the reader times out
    }
    if (!crcValid) {
        return std::nullopt;
    }
    return AirReply::nak(0x4);
}

}  // namespace nfcsim
