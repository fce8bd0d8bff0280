#include "drivers/nfc/cards/VirtualCardTransport.h"

namespace cardtest {

loyalty::Expected<nfc::Bytes, nfc::TransportFailure> VirtualCardTransport::transceive(const nfc::Bytes& command,
                                                                                      int /*timeoutMs*/) {
    const int index = commands_++;
    if (failFrom_ && index >= *failFrom_) {
        return loyalty::unexpected(nfc::TransportFailure{nfc::TransportError::Io, "card left the field"});
    }
    if (!card_->ats().empty()) {
        auto answer = card_->apdu(command);
        if (!answer) {
            return loyalty::unexpected(nfc::TransportFailure{nfc::TransportError::Timeout, "no answer"});
        }
        return *answer;
    }
    const nfcsim::AirAnswer answer = card_->command(command, true);
    if (!answer) {
        return loyalty::unexpected(nfc::TransportFailure{nfc::TransportError::Timeout, "no answer"});
    }
    if (answer->bits == 4) {
        if (answer->data[0] == 0x0A) {
            return nfc::Bytes{};
        }
        card_->resetSession();
        return loyalty::unexpected(nfc::TransportFailure{nfc::TransportError::Nak, "NAK"});
    }
    return answer->data;
}

nfc::TargetInfo VirtualCardTransport::target() const {
    nfc::TargetInfo target;
    target.uid = card_->uid();
    const auto atqa = card_->atqa();
    target.atqa = static_cast<std::uint16_t>((atqa[0] << 8) | atqa[1]);
    target.sak = card_->sak();
    const nfc::Bytes ats = card_->ats();
    if (!ats.empty()) {
        target.ats.assign(ats.begin() + 1, ats.end());
    }
    return target;
}

}  // namespace cardtest
