#include "nfc/sim/RfField.h"

#include <algorithm>

namespace nfcsim {

namespace {

constexpr std::uint8_t kReqa = 0x26;
constexpr std::uint8_t kWupa = 0x52;
constexpr std::uint8_t kCascadeTag = 0x88;

std::uint8_t bcc(const Bytes& four) {
    return static_cast<std::uint8_t>(four[0] ^ four[1] ^ four[2] ^ four[3]);
}

}  // namespace

void RfField::insert(std::shared_ptr<VirtualCard> card) {
    card_ = std::move(card);
    state_ = CardState::Idle;
    wasHalted_ = false;
    if (card_) {
        card_->resetSession();
    }
}

void RfField::remove() {
    card_.reset();
    state_ = CardState::Idle;
    wasHalted_ = false;
}

void RfField::setPower(bool on) {
    if (!on || !powered_) {
        state_ = CardState::Idle;
        wasHalted_ = false;
        if (card_) {
            card_->resetSession();
        }
    }
    powered_ = on;
}

std::optional<TargetInfo> RfField::activate(const Bytes& uidFilter, bool wake, bool rats) {
    powered_ = true;
    if (!card_) {
        return std::nullopt;
    }
    if (state_ == CardState::Halt && !wake) {
        return std::nullopt;
    }
    if (!uidFilter.empty() && uidFilter != card_->uid()) {
        return std::nullopt;
    }
    card_->resetSession();
    state_ = CardState::Active;
    wasHalted_ = false;
    TargetInfo info{card_->uid(), card_->atqa(), card_->sak(), {}};
    if (rats && (card_->sak() & 0x20) != 0 && !card_->ats().empty()) {
        state_ = CardState::Protocol;
        info.ats = card_->ats();
    }
    return info;
}

void RfField::halt() {
    if (card_ && (state_ == CardState::Active || state_ == CardState::Protocol)) {
        state_ = CardState::Halt;
        wasHalted_ = true;
        card_->resetSession();
    }
}

std::string RfField::stateName() const {
    if (!card_) {
        return "empty";
    }
    switch (state_) {
        case CardState::Idle:
            return "idle";
        case CardState::Ready:
            return "ready";
        case CardState::Active:
            return "active";
        case CardState::Protocol:
            return "iso-dep";
        case CardState::Halt:
            return "halt";
    }
    return "?";
}

AirAnswer RfField::exchange(const Bytes& data) {
    if (!card_ || !powered_) {
        return std::nullopt;
    }
    if (state_ == CardState::Protocol) {
        auto response = card_->apdu(data);
        if (!response) {
            return std::nullopt;
        }
        return AirReply::frame(std::move(*response));
    }
    if (state_ == CardState::Active) {
        return onActive(data, true);
    }
    return std::nullopt;
}

AirAnswer RfField::transceive(const Bytes& frame, std::uint8_t lastBits, bool crcValid) {
    if (!card_ || !powered_ || frame.empty()) {
        return std::nullopt;
    }
    if (lastBits == 7 && frame.size() == 1) {
        return onShortFrame(frame[0]);
    }
    if (lastBits != 0) {
        fallBack();
        return std::nullopt;
    }
    switch (state_) {
        case CardState::Idle:
        case CardState::Halt:
            return std::nullopt;
        case CardState::Ready:
            return onReady(frame, crcValid);
        case CardState::Active:
            return onActive(frame, crcValid);
        case CardState::Protocol:
            return onBlock(frame, crcValid);
    }
    return std::nullopt;
}

AirAnswer RfField::onShortFrame(std::uint8_t command) {
    const bool answers = (command == kReqa && state_ == CardState::Idle) ||
                         (command == kWupa && (state_ == CardState::Idle || state_ == CardState::Halt));
    if (!answers) {
        fallBack();
        return std::nullopt;
    }
    wasHalted_ = state_ == CardState::Halt;
    state_ = CardState::Ready;
    const auto atqa = card_->atqa();
    return AirReply{{atqa[1], atqa[0]}, 0, false};  // SENS_RES travels LSB first
}

AirAnswer RfField::onReady(const Bytes& frame, bool crcValid) {
    int level = 0;
    if (frame.size() >= 2) {
        level = frame[0] == 0x93 ? 1 : frame[0] == 0x95 ? 2 : frame[0] == 0x97 ? 3 : 0;
    }
    if (level == 0 || level > cascadeLevels()) {
        fallBack();
        return std::nullopt;
    }
    Bytes clN = cascadeLevel(level);
    if (frame.size() == 2 && frame[1] == 0x20) {  // anticollision, all bits unknown
        clN.push_back(bcc(clN));
        return AirReply{clN, 0, false};
    }
    if (frame.size() == 7 && frame[1] == 0x70 && crcValid) {  // SELECT
        if (!std::equal(clN.begin(), clN.end(), frame.begin() + 2) || frame[6] != bcc(clN)) {
            fallBack();
            return std::nullopt;
        }
        if (level < cascadeLevels()) {
            return AirReply::frame({0x04});  // cascade bit: UID not complete
        }
        state_ = CardState::Active;
        card_->resetSession();
        return AirReply::frame({card_->sak()});
    }
    fallBack();
    return std::nullopt;
}

AirAnswer RfField::onActive(const Bytes& frame, bool crcValid) {
    if (frame.size() == 2 && frame[0] == 0x50 && frame[1] == 0x00 && crcValid) {  // HLTA
        state_ = CardState::Halt;
        wasHalted_ = true;
        card_->resetSession();
        return std::nullopt;
    }
    if (frame.size() == 2 && frame[0] == 0xE0 && crcValid && !card_->ats().empty()) {  // RATS
        state_ = CardState::Protocol;
        return AirReply::frame(card_->ats());
    }
    return afterCardAnswer(card_->command(frame, crcValid));
}

AirAnswer RfField::onBlock(const Bytes& frame, bool crcValid) {
    if (!crcValid) {
        return std::nullopt;  // ISO-DEP blocks without a valid CRC are ignored
    }
    const std::uint8_t pcb = frame[0];
    const bool hasCid = (pcb & 0x08) != 0;
    if ((pcb & 0xE2) == 0x02) {  // I-block
        const std::size_t header = 1 + (hasCid ? 1 : 0) + ((pcb & 0x04) != 0 ? 1 : 0);
        if (frame.size() < header) {
            return std::nullopt;
        }
        auto response = card_->apdu(Bytes(frame.begin() + static_cast<std::ptrdiff_t>(header), frame.end()));
        if (!response) {
            return std::nullopt;
        }
        Bytes block{static_cast<std::uint8_t>(0x02 | (pcb & 0x01) | (hasCid ? 0x08 : 0x00))};
        if (hasCid) {
            block.push_back(frame[1]);
        }
        block.insert(block.end(), response->begin(), response->end());
        return AirReply::frame(std::move(block));
    }
    if ((pcb & 0xE6) == 0xA2) {  // R(ACK) / R(NAK): acknowledge with our block number
        return AirReply::frame({static_cast<std::uint8_t>(0xA2 | (pcb & 0x01))});
    }
    if ((pcb & 0xF7) == 0xC2) {  // S(DESELECT)
        state_ = CardState::Halt;
        wasHalted_ = true;
        card_->resetSession();
        return AirReply::frame({0xC2});
    }
    return std::nullopt;
}

Bytes RfField::cascadeLevel(int level) const {
    const Bytes& uid = card_->uid();
    if (uid.size() == 4) {
        return uid;
    }
    if (uid.size() == 7) {
        if (level == 1) {
            return {kCascadeTag, uid[0], uid[1], uid[2]};
        }
        return {uid[3], uid[4], uid[5], uid[6]};
    }
    if (level == 1) {
        return {kCascadeTag, uid[0], uid[1], uid[2]};
    }
    if (level == 2) {
        return {kCascadeTag, uid[3], uid[4], uid[5]};
    }
    return {uid[6], uid[7], uid[8], uid[9]};
}

int RfField::cascadeLevels() const {
    const std::size_t size = card_->uid().size();
    return size == 4 ? 1 : size == 7 ? 2 : 3;
}

void RfField::fallBack() {
    if (state_ == CardState::Ready || state_ == CardState::Active) {
        state_ = wasHalted_ ? CardState::Halt : CardState::Idle;
        card_->resetSession();
    }
}

AirAnswer RfField::afterCardAnswer(AirAnswer answer) {
    // A Type 2 tag that answers NAK drops back to IDLE (or HALT): the reader
    // must select it again before the next command.
    if (answer && answer->bits == 4 && !answer->data.empty() && answer->data[0] != 0x0A) {
        fallBack();
    }
    return answer;
}

}  // namespace nfcsim
