#pragma once
// One libnfc context and at most one open PN53x device (RAII: closed and
// freed on destruction). The only production file that includes
// <nfc/nfc.h> is LibnfcDevice.cpp; everything else sees plain values.
//
// Threads: one thread (the reader's) calls everything except abort(),
// which any thread may call while a command runs. open() and close() swap
// the device pointer under a mutex that abort() also takes.
//
// The libnfc context is shared by every LibnfcDevice of the process:
// libnfc 1.8.0's nfc_exit frees the process-wide driver list, after which
// no other context can open a device.

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>

#include "loyalty/Expected.h"
#include "nfc/CardTransport.h"

struct nfc_context;
struct nfc_device;

namespace nfc {

struct DeviceError {
    int code = 0;         // libnfc's error code (NFC_EIO, ...), or kOpenFailed
    std::string message;  // what failed, for ReaderStatus.lastError
};

template <class T>
using DeviceResult = loyalty::Expected<T, DeviceError>;

class LibnfcDevice {
public:
    static constexpr int kOpenFailed = -1000;
    static constexpr int kCloseTimeoutMs = 100;
    // Host timeout of an InAutoPoll beyond the chip's own bound (also bounds
    // the wait for its ACK, which libnfc cannot abort).
    static constexpr int kPollSlackMs = 200;

    LibnfcDevice();
    ~LibnfcDevice();
    LibnfcDevice(const LibnfcDevice&) = delete;
    LibnfcDevice& operator=(const LibnfcDevice&) = delete;

    // nfc_open, nfc_initiator_init, infinite select off. The firmware
    // ("PN532 v1.6") on success.
    DeviceResult<std::string> open(const std::string& connstring);
    void close();
    bool isOpen() const { return device_ != nullptr; }

    // InAutoPoll for an ISO 14443-A card, bounded by the chip (pollNr x 2 x
    // period x 150 ms) and by a host timeout kPollSlackMs longer. A card it
    // finds is activated in the chip (transceive reaches it) but is not yet
    // libnfc's current target: call adopt() before isPresent().
    DeviceResult<std::optional<TargetInfo>> poll(std::uint8_t pollNr, std::uint8_t period);
    // Selects the polled card by UID so libnfc knows it; false if it has gone.
    DeviceResult<bool> adopt(const TargetInfo& target);
    // InListPassiveTarget, answered at once when no card is there; with a
    // UID, only that card (it wakes a card that fell back to IDLE).
    DeviceResult<std::optional<TargetInfo>> select(const Bytes* uid = nullptr);
    // libnfc's presence check for the selected target (READ 0 for NTAG21x,
    // R(NAK) for ISO-DEP, re-select by UID for MIFARE Classic).
    DeviceResult<bool> isPresent();
    // InDataExchange: the answer's length, or a negative libnfc error code.
    int transceive(const Bytes& command, Bytes& answer, int timeoutMs);
    // The text of the last error.
    std::string lastErrorText() const;

    // From any thread: aborts the command in progress (it returns
    // NFC_EOPABORTED). No effect when nothing runs.
    void abort();

    // Codes that mean the card misbehaved or left, not the reader.
    static bool isCardError(int code);
    static bool isAborted(int code);
    static std::string describe(int code);

private:
    DeviceError failure(const std::string& what, int code) const;

    nfc_context* context_ = nullptr;  // shared, counted (LibnfcDevice.cpp)
    nfc_device* device_ = nullptr;
    mutable std::mutex pointerMutex_;  // device_ changes vs abort()
};

}  // namespace nfc
