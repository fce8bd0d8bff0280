#pragma once
// CardTransport over real libnfc (nfctest::LibnfcSession), for the tests
// that drive the card formats through libnfc and the PN532 simulator. The
// kiosk's own libnfc transport lives with the reader (drivers/nfc).

#include "drivers/nfc/LibnfcSession.h"
#include "nfc/CardTransport.h"

namespace cardtest {

class LibnfcTransport : public nfc::CardTransport {
public:
    explicit LibnfcTransport(nfctest::LibnfcSession& session) : session_(session) {}

    loyalty::Expected<nfc::Bytes, nfc::TransportFailure> transceive(const nfc::Bytes& command, int timeoutMs) override;

    static nfc::TargetInfo targetInfo(const nfctest::Target& target);

private:
    nfctest::LibnfcSession& session_;
};

}  // namespace cardtest
