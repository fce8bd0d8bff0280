#pragma once
// Real libnfc, as a host of the PN532 simulator: one context and at most one
// open device, closed on destruction. The only test file that includes
// <nfc/nfc.h> is LibnfcSession.cpp; tests see plain values and libnfc's
// error codes as named constants.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

struct nfc_context;
struct nfc_device;

namespace nfctest {

using Bytes = std::vector<std::uint8_t>;

struct Target {
    Bytes uid;
    Bytes atqa;  // two bytes as libnfc stores them (00 44 for an NTAG)
    std::uint8_t sak = 0;
    Bytes ats;   // without its length byte, as libnfc stores it
};

struct Exchange {
    int result = 0;  // byte count, or a negative libnfc error
    Bytes data;
};

class LibnfcSession {
public:
    static const int kSuccess;
    static const int kEio;
    static const int kEinvarg;
    static const int kEtimeout;
    static const int kEoperationAborted;
    static const int kErftrans;
    static const int kEtargetReleased;

    LibnfcSession();
    ~LibnfcSession();
    LibnfcSession(const LibnfcSession&) = delete;
    LibnfcSession& operator=(const LibnfcSession&) = delete;

    bool open(const std::string& connstring);
    bool isOpen() const { return device_ != nullptr; }
    void close();

    // "PN532 v1.6" from nfc_device_get_information_about.
    std::string firmware();
    int initiatorInit();
    int setInfiniteSelect(bool on);
    int setEasyFraming(bool on);
    int setHandleCrc(bool on);

    // ISO/IEC 14443A at 106 kbps; result > 0 with a target, 0 none, < 0 error.
    std::optional<Target> select(int* result = nullptr);
    int deselect();
    int targetIsPresent();
    Exchange transceive(const Bytes& command, int timeoutMs = 350);
    // nfc_initiator_poll_target for ISO/IEC 14443A at 106 kbps.
    std::optional<Target> poll(std::uint8_t pollNr, std::uint8_t period, int* result = nullptr);
    // Safe from another thread while a command runs.
    int abortCommand();
    int lastError();
    std::string lastErrorText();

private:
    nfc_context* context_ = nullptr;
    nfc_device* device_ = nullptr;
};

}  // namespace nfctest
