#pragma once
// The RF field in front of the simulated PN532 and the card in it (at most
// one), with the card side of ISO/IEC 14443-3 (IDLE, READY, ACTIVE, HALT:
// REQA/WUPA, anticollision and SELECT per cascade level, HLTA) and of
// ISO/IEC 14443-4 (RATS, I-, R- and S(DESELECT) blocks). The chip calls
// activate()/halt() for what its firmware does on its own (InListPassiveTarget,
// InDeselect) and transceive() for raw frames a host sends with
// InCommunicateThru.

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "nfc/sim/Bytes.h"
#include "nfc/sim/VirtualCard.h"

namespace nfcsim {

struct TargetInfo {
    Bytes uid;
    std::array<std::uint8_t, 2> atqa{};
    std::uint8_t sak = 0;
    Bytes ats;  // with its length byte; empty when not activated as ISO-DEP
};

class RfField {
public:
    enum class CardState { Idle, Ready, Active, Protocol, Halt };

    void insert(std::shared_ptr<VirtualCard> card);  // a card enters the field (IDLE)
    void remove();
    const std::shared_ptr<VirtualCard>& card() const { return card_; }
    bool hasCard() const { return card_ != nullptr; }

    // Field off resets the card (it loses power); on lets it answer again.
    void setPower(bool on);
    bool powered() const { return powered_; }

    // The firmware's activation: REQA (or WUPA when wake) then anticollision
    // and SELECT, then RATS when rats and the card is ISO-DEP. uidFilter
    // (plain UID, may be empty) selects only that card. Turns the field on.
    std::optional<TargetInfo> activate(const Bytes& uidFilter, bool wake, bool rats);
    // InDeselect: S(DESELECT) for ISO-DEP, HLTA otherwise; the card halts.
    void halt();
    bool selected() const { return card_ && (state_ == CardState::Active || state_ == CardState::Protocol); }
    CardState state() const { return state_; }
    std::string stateName() const;

    // What the firmware sends for InDataExchange: an APDU when ISO-DEP is
    // active, a layer-3 command (CRC handled by the chip) otherwise.
    AirAnswer exchange(const Bytes& data);
    // A raw frame as InCommunicateThru transmits it. lastBits: valid bits of
    // the last byte (0 = all). crcValid: frame is the payload of a frame
    // whose CRC_A was correct (the chip's layer strips it).
    AirAnswer transceive(const Bytes& frame, std::uint8_t lastBits, bool crcValid);

private:
    AirAnswer onShortFrame(std::uint8_t command);
    AirAnswer onReady(const Bytes& frame, bool crcValid);
    AirAnswer onActive(const Bytes& frame, bool crcValid);
    AirAnswer onBlock(const Bytes& frame, bool crcValid);
    Bytes cascadeLevel(int level) const;  // four bytes of UID for level 1..3 (with 0x88 tags)
    int cascadeLevels() const;
    void fallBack();  // an unexpected frame: back to IDLE (or HALT when halted before)
    AirAnswer afterCardAnswer(AirAnswer answer);

    std::shared_ptr<VirtualCard> card_;
    bool powered_ = false;
    CardState state_ = CardState::Idle;
    bool wasHalted_ = false;
};

}  // namespace nfcsim
