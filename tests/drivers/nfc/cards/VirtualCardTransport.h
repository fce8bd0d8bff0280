#pragma once
// CardTransport straight to one of the simulator's virtual cards, without a
// PN532 or libnfc in between (what the PN532 firmware does for
// InDataExchange: a 4-bit ACK becomes an empty answer, a NAK an error). It
// can fail on purpose: from the Nth command on, every exchange is an I/O
// error (the card left the field mid-read).

#include <memory>
#include <optional>

#include "nfc/CardTransport.h"
#include "nfc/sim/VirtualCard.h"

namespace cardtest {

class VirtualCardTransport : public nfc::CardTransport {
public:
    explicit VirtualCardTransport(std::shared_ptr<nfcsim::VirtualCard> card) : card_(std::move(card)) {}

    loyalty::Expected<nfc::Bytes, nfc::TransportFailure> transceive(const nfc::Bytes& command, int timeoutMs) override;

    nfc::TargetInfo target() const;
    void failFrom(int commandIndex) { failFrom_ = commandIndex; }
    int commands() const { return commands_; }

private:
    std::shared_ptr<nfcsim::VirtualCard> card_;
    std::optional<int> failFrom_;
    int commands_ = 0;
};

}  // namespace cardtest
