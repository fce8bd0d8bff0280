#include "nfc/sim/ContactlessInterface.h"

#include "nfc/sim/Crc14443A.h"

namespace nfcsim {

ContactlessInterface::ContactlessInterface(RegisterFile& registers, RfField& field)
    : registers_(registers), field_(field) {}

Transfer ContactlessInterface::dataExchange(const Bytes& data) {
    if (data.empty()) {
        return {kInvalidFrame, {}};
    }
    const bool isoDep = field_.state() == RfField::CardState::Protocol;
    if (!isoDep && data[0] == 0xA0 && data.size() == 18) {
        // MIFARE WRITE: command and address, ACK, then the 16 data bytes, ACK.
        const auto first = field_.exchange({data[0], data[1]});
        const Transfer step = firmwareAnswer(first, data);
        if (step.status != kOk) {
            return step;
        }
        return firmwareAnswer(field_.exchange(Bytes(data.begin() + 2, data.end())), data);
    }
    return firmwareAnswer(field_.exchange(data), data);
}

Transfer ContactlessInterface::firmwareAnswer(const AirAnswer& answer, const Bytes& command) const {
    if (!answer) {
        const bool mifareAuth = (command[0] == 0x60 || command[0] == 0x61) && field_.card() &&
                                (field_.card()->sak() & 0x08) != 0;
        return {mifareAuth ? kMifareAuth : kTimeout, {}};
    }
    if (answer->bits == 4) {
        return {answer->data[0] == 0x0A ? kOk : kInvalidFrame, {}};
    }
    if (answer->data.size() > kMaxAnswer) {
        return {kBufferOverflow, {}};
    }
    return {kOk, answer->data};
}

Transfer ContactlessInterface::communicateThru(const Bytes& data) {
    registers_.setRxLastBits(0);
    if (data.empty() || registers_.txFraming() != 0 || registers_.parityDisabled()) {
        return {kTimeout, {}};  // nothing of type A in the field understands it
    }
    const std::uint8_t lastBits = registers_.txLastBits();
    Bytes frame = data;
    bool crcValid = false;
    if (lastBits == 0) {
        if (registers_.txCrcEnabled()) {
            crcValid = true;
        } else if (Crc14443A::endsWithValidCrc(frame)) {
            frame.resize(frame.size() - 2);
            crcValid = true;
        }
    }
    const AirAnswer answer = field_.transceive(frame, lastBits, crcValid);
    if (!answer) {
        return {kTimeout, {}};
    }
    if (answer->bits == 4) {
        registers_.setRxLastBits(4);
        return {kOk, answer->data};
    }
    if (answer->data.size() + 2 > kMaxAnswer) {
        return {kBufferOverflow, {}};
    }
    if (registers_.rxCrcEnabled()) {
        return answer->crc ? Transfer{kOk, answer->data} : Transfer{kCrcError, {}};
    }
    return {kOk, answer->crc ? Crc14443A::withCrc(answer->data) : answer->data};
}

}  // namespace nfcsim
