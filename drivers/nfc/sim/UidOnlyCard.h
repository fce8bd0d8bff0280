#pragma once
// A MIFARE Classic 1K seen only through its UID (ATQA 00 04, SAK 08, 4-byte
// UID): the kiosk uses nothing else of it. Without Crypto1 no sector can be
// authenticated: AUTH gets no answer (the PN532 reports an authentication
// error) and any other command a NAK.

#include "nfc/sim/VirtualCard.h"

namespace nfcsim {

class UidOnlyCard : public VirtualCard {
public:
    explicit UidOnlyCard(Bytes uid);

    std::string kind() const override { return "mifare-classic"; }
    const Bytes& uid() const override { return uid_; }
    std::array<std::uint8_t, 2> atqa() const override;
    std::uint8_t sak() const override { return 0x08; }
    AirAnswer command(const Bytes& frame, bool crcValid) override;

private:
    Bytes uid_;
};

}  // namespace nfcsim
