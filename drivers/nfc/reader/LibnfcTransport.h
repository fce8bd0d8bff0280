#pragma once
// CardTransport over the selected target of a LibnfcDevice (InDataExchange:
// the chip adds the CRC and handles ISO-DEP blocks). Remembers whether the
// reader itself failed, so the reader's loop reopens it instead of blaming
// the card.

#include <optional>

#include "nfc/CardTransport.h"
#include "nfc/reader/LibnfcDevice.h"

namespace nfc {

class LibnfcTransport : public CardTransport {
public:
    explicit LibnfcTransport(LibnfcDevice& device) : device_(device) {}

    loyalty::Expected<Bytes, TransportFailure> transceive(const Bytes& command, int timeoutMs) override;

    // Set when an exchange failed because of the reader (EIO, timeout, abort).
    const std::optional<DeviceError>& deviceFailure() const { return deviceFailure_; }

private:
    LibnfcDevice& device_;
    std::optional<DeviceError> deviceFailure_;
};

}  // namespace nfc
