#include "drivers/nfc/cards/LibnfcTransport.h"

namespace cardtest {

loyalty::Expected<nfc::Bytes, nfc::TransportFailure> LibnfcTransport::transceive(const nfc::Bytes& command,
                                                                                 int timeoutMs) {
    const nfctest::Exchange exchange = session_.transceive(command, timeoutMs);
    if (exchange.result >= 0) {
        return exchange.data;
    }
    nfc::TransportError code = nfc::TransportError::Io;
    if (exchange.result == nfctest::LibnfcSession::kEtimeout) {
        code = nfc::TransportError::Timeout;
    } else if (exchange.result == nfctest::LibnfcSession::kErftrans) {
        code = nfc::TransportError::Nak;  // the PN532 reports a card's NAK as an RF transmission error
    }
    return loyalty::unexpected(nfc::TransportFailure{code, session_.lastErrorText()});
}

nfc::TargetInfo LibnfcTransport::targetInfo(const nfctest::Target& target) {
    nfc::TargetInfo info;
    info.uid = target.uid;
    if (target.atqa.size() == 2) {
        info.atqa = static_cast<std::uint16_t>((target.atqa[0] << 8) | target.atqa[1]);
    }
    info.sak = target.sak;
    info.ats = target.ats;
    return info;
}

}  // namespace cardtest
