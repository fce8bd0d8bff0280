#include "nfc/reader/LibnfcTransport.h"

namespace nfc {

loyalty::Expected<Bytes, TransportFailure> LibnfcTransport::transceive(const Bytes& command, int timeoutMs) {
    if (deviceFailure_) {
        return loyalty::unexpected(TransportFailure{TransportError::Io, deviceFailure_->message});
    }
    Bytes answer;
    const int res = device_.transceive(command, answer, timeoutMs > 0 ? timeoutMs : 350);
    if (res >= 0) {
        return answer;
    }
    const std::string text = LibnfcDevice::describe(res);
    if (LibnfcDevice::isCardError(res)) {
        // ERFTRANS covers "no answer" and "NAK": the PN532 reports both as a status.
        return loyalty::unexpected(TransportFailure{TransportError::Timeout, text});
    }
    if (res == -5 /* NFC_EOVFLOW */) {
        return loyalty::unexpected(TransportFailure{TransportError::TooLong, text});
    }
    deviceFailure_ = DeviceError{res, "card exchange: " + text};
    return loyalty::unexpected(TransportFailure{TransportError::Io, text});
}

}  // namespace nfc
