#pragma once
// The PN532's command interpreter: takes the data of one host information
// frame (command code first, TFI removed) and produces the chip's answer
// (response code = command code + 1), a syntax error, or "pending" for the
// commands that wait for a card (InListPassiveTarget with infinite retries,
// InAutoPoll). No I/O and no clock: the simulator owns those, and calls
// retryPending() when a card arrives and expirePending() when the wait ends.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include "nfc/sim/Bytes.h"
#include "nfc/sim/ContactlessInterface.h"
#include "nfc/sim/RegisterFile.h"
#include "nfc/sim/RfField.h"

namespace nfcsim {

class Pn532Chip {
public:
    struct Reply {
        enum class Kind { Response, SyntaxError, Pending };
        Kind kind = Kind::Response;
        Bytes response;  // Response: data of the answer frame (code + 1 first)
        // Pending: how long the chip waits before answering "no target"
        // (nullopt: until a card comes or the host aborts).
        std::optional<std::chrono::milliseconds> waitLimit;
    };

    Pn532Chip();

    Reply execute(const Bytes& command);
    // The pending command's answer if a card now satisfies it.
    std::optional<Bytes> retryPending();
    // The pending command's answer when its wait is over ("no target").
    std::optional<Bytes> expirePending();
    // The host aborted (ACK) or sent another command: drop the pending one.
    void abortPending() { pending_.clear(); }
    bool hasPending() const { return !pending_.empty(); }

    RfField& field() { return field_; }
    const RfField& field() const { return field_; }
    RegisterFile& registers() { return registers_; }
    bool poweredDown() const { return poweredDown_; }
    bool targetListed() const { return targetListed_; }
    std::uint8_t parameters() const { return parameters_; }
    std::string summary() const;

private:
    Reply diagnose(const Bytes& command);
    Reply readRegister(const Bytes& command);
    Reply writeRegister(const Bytes& command);
    Reply rfConfiguration(const Bytes& command);
    Reply listPassiveTarget(const Bytes& command);
    Reply autoPoll(const Bytes& command);
    Reply dataExchange(const Bytes& command);
    Reply communicateThru(const Bytes& command);
    Reply deselect(const Bytes& command);
    Reply release(const Bytes& command);
    Reply select(const Bytes& command);
    Reply generalStatus() const;
    Reply powerDown(const Bytes& command);

    std::optional<Bytes> tryListPassiveTarget(const Bytes& command);
    std::optional<Bytes> tryAutoPoll(const Bytes& command);
    Bytes targetData(const TargetInfo& info) const;  // Tg ATQA SAK UIDLEN UID [ATS]
    static Reply respond(Bytes response);
    static Reply syntaxError();

    RegisterFile registers_;
    RfField field_;
    ContactlessInterface ciu_{registers_, field_};
    std::uint8_t parameters_ = 0x00;
    std::uint8_t samMode_ = 0x01;
    std::uint8_t maxRetriesPassive_ = 0xFF;
    bool poweredDown_ = false;
    bool targetListed_ = false;
    TargetInfo listed_;
    Bytes pending_;
};

}  // namespace nfcsim
