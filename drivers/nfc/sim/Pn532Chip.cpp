#include "nfc/sim/Pn532Chip.h"

namespace nfcsim {

namespace {

constexpr std::uint8_t kDiagnose = 0x00;
constexpr std::uint8_t kGetFirmwareVersion = 0x02;
constexpr std::uint8_t kGetGeneralStatus = 0x04;
constexpr std::uint8_t kReadRegister = 0x06;
constexpr std::uint8_t kWriteRegister = 0x08;
constexpr std::uint8_t kReadGpio = 0x0C;
constexpr std::uint8_t kWriteGpio = 0x0E;
constexpr std::uint8_t kSetSerialBaudRate = 0x10;
constexpr std::uint8_t kSetParameters = 0x12;
constexpr std::uint8_t kSamConfiguration = 0x14;
constexpr std::uint8_t kPowerDown = 0x16;
constexpr std::uint8_t kRfConfiguration = 0x32;
constexpr std::uint8_t kInDataExchange = 0x40;
constexpr std::uint8_t kInCommunicateThru = 0x42;
constexpr std::uint8_t kInDeselect = 0x44;
constexpr std::uint8_t kInJumpForPsl = 0x46;
constexpr std::uint8_t kInListPassiveTarget = 0x4A;
constexpr std::uint8_t kInPsl = 0x4E;
constexpr std::uint8_t kInAtr = 0x50;
constexpr std::uint8_t kInRelease = 0x52;
constexpr std::uint8_t kInSelect = 0x54;
constexpr std::uint8_t kInJumpForDep = 0x56;
constexpr std::uint8_t kInAutoPoll = 0x60;
constexpr std::uint8_t kTgInitAsTarget = 0x8C;

constexpr std::uint8_t kParamAutoRats = 0x10;
constexpr std::uint8_t kTypeGeneric106 = 0x00;
constexpr std::uint8_t kTypeMifare = 0x10;
constexpr std::uint8_t kTypeIso14443_4A = 0x20;

// libnfc's cascaded form of a UID filter (88 tags before levels 1 and 2)
// back to the plain UID.
Bytes plainUid(const Bytes& cascaded) {
    if (cascaded.size() == 8 && cascaded[0] == 0x88) {
        return Bytes(cascaded.begin() + 1, cascaded.end());
    }
    if (cascaded.size() == 12 && cascaded[0] == 0x88 && cascaded[4] == 0x88) {
        Bytes uid(cascaded.begin() + 1, cascaded.begin() + 4);
        uid.insert(uid.end(), cascaded.begin() + 5, cascaded.end());
        return uid;
    }
    return cascaded;
}

}  // namespace

Pn532Chip::Pn532Chip() = default;

Pn532Chip::Reply Pn532Chip::respond(Bytes response) {
    Reply reply;
    reply.response = std::move(response);
    return reply;
}

Pn532Chip::Reply Pn532Chip::syntaxError() {
    Reply reply;
    reply.kind = Reply::Kind::SyntaxError;
    return reply;
}

Pn532Chip::Reply Pn532Chip::execute(const Bytes& command) {
    pending_.clear();
    poweredDown_ = false;  // any frame on HSU wakes the chip up
    if (command.empty()) {
        return syntaxError();
    }
    const std::uint8_t code = command[0];
    const auto answer = static_cast<std::uint8_t>(code + 1);
    switch (code) {
        case kDiagnose:
            return diagnose(command);
        case kGetFirmwareVersion:
            return respond({answer, 0x32, 0x01, 0x06, 0x07});
        case kGetGeneralStatus:
            return generalStatus();
        case kReadRegister:
            return readRegister(command);
        case kWriteRegister:
            return writeRegister(command);
        case kReadGpio:
            return respond({answer, registers_.read(RegisterFile::kSfrP3), registers_.read(RegisterFile::kSfrP7), 0x00});
        case kWriteGpio:
            if (command.size() >= 2 && (command[1] & 0x80) != 0) {
                registers_.write(RegisterFile::kSfrP3, static_cast<std::uint8_t>(command[1] & 0x3F));
            }
            if (command.size() >= 3 && (command[2] & 0x80) != 0) {
                registers_.write(RegisterFile::kSfrP7, static_cast<std::uint8_t>(command[2] & 0x06));
            }
            return respond({answer});
        case kSetSerialBaudRate:
            return command.size() == 2 ? respond({answer}) : syntaxError();
        case kSetParameters:
            if (command.size() != 2) {
                return syntaxError();
            }
            parameters_ = command[1];
            return respond({answer});
        case kSamConfiguration:
            if (command.size() < 2 || command[1] < 1 || command[1] > 4) {
                return syntaxError();
            }
            samMode_ = command[1];
            return respond({answer});
        case kPowerDown:
            return powerDown(command);
        case kRfConfiguration:
            return rfConfiguration(command);
        case kInListPassiveTarget:
            return listPassiveTarget(command);
        case kInAutoPoll:
            return autoPoll(command);
        case kInDataExchange:
            return dataExchange(command);
        case kInCommunicateThru:
            return communicateThru(command);
        case kInDeselect:
            return deselect(command);
        case kInRelease:
            return release(command);
        case kInSelect:
            return select(command);
        case kInJumpForDep:
        case kInJumpForPsl:
            return respond({answer, ContactlessInterface::kTimeout});  // no NFC-DEP target here
        case kInAtr:
            return respond({answer, ContactlessInterface::kNotAcceptable});
        case kInPsl:
            return respond({answer, 0x00});
        case kTgInitAsTarget: {
            Reply reply;  // waits for an initiator that never comes
            reply.kind = Reply::Kind::Pending;
            return reply;
        }
        default:
            return syntaxError();
    }
}

Pn532Chip::Reply Pn532Chip::diagnose(const Bytes& command) {
    if (command.size() < 2) {
        return syntaxError();
    }
    switch (command[1]) {
        case 0x00: {  // communication line test: echo NumTst and the data
            Bytes echo{0x01};
            echo.insert(echo.end(), command.begin() + 1, command.end());
            return respond(std::move(echo));
        }
        case 0x01:  // ROM test
        case 0x02:  // RAM test
        case 0x07:  // antenna self test
            return respond({0x01, 0x00});
        case 0x04:  // polling test to a target: number of failures
            return respond({0x01, static_cast<std::uint8_t>(field_.hasCard() ? 0x00 : 0x80)});
        case 0x06: {  // attention request / card presence
            const bool present = targetListed_ && field_.selected();
            return respond({0x01, static_cast<std::uint8_t>(present ? 0x00 : ContactlessInterface::kTimeout)});
        }
        default:
            return syntaxError();
    }
}

Pn532Chip::Reply Pn532Chip::readRegister(const Bytes& command) {
    if (command.size() < 3 || (command.size() - 1) % 2 != 0) {
        return syntaxError();
    }
    Bytes values{0x07};
    for (std::size_t i = 1; i + 1 < command.size(); i += 2) {
        values.push_back(registers_.read(static_cast<std::uint16_t>((command[i] << 8) | command[i + 1])));
    }
    return respond(std::move(values));
}

Pn532Chip::Reply Pn532Chip::writeRegister(const Bytes& command) {
    if (command.size() < 4 || (command.size() - 1) % 3 != 0) {
        return syntaxError();
    }
    for (std::size_t i = 1; i + 2 < command.size(); i += 3) {
        registers_.write(static_cast<std::uint16_t>((command[i] << 8) | command[i + 1]), command[i + 2]);
    }
    return respond({0x09});
}

Pn532Chip::Reply Pn532Chip::rfConfiguration(const Bytes& command) {
    if (command.size() < 3) {
        return syntaxError();
    }
    switch (command[1]) {
        case 0x01:  // RF field: bit 0 on/off (bit 1 auto RFCA)
            field_.setPower((command[2] & 0x01) != 0);
            break;
        case 0x05:  // MxRtyATR, MxRtyPSL, MxRtyPassiveActivation
            if (command.size() != 5) {
                return syntaxError();
            }
            maxRetriesPassive_ = command[4];
            break;
        default:  // timings, MaxRtyCOM, analog settings: accepted, no effect here
            break;
    }
    return respond({0x33});
}

Pn532Chip::Reply Pn532Chip::powerDown(const Bytes& command) {
    if (command.size() < 2) {
        return syntaxError();
    }
    field_.setPower(false);
    targetListed_ = false;
    poweredDown_ = true;
    return respond({0x17, 0x00});
}

Pn532Chip::Reply Pn532Chip::generalStatus() const {
    Bytes status{0x05, 0x00, static_cast<std::uint8_t>(field_.powered() ? 0x01 : 0x00),
                 static_cast<std::uint8_t>(targetListed_ ? 0x01 : 0x00)};
    if (targetListed_) {
        status.insert(status.end(), {0x01, 0x00, 0x00, 0x00});  // Tg 1, 106 kbps both ways, type A
    }
    status.push_back(0x00);  // SAM status
    return respond(std::move(status));
}

Pn532Chip::Reply Pn532Chip::listPassiveTarget(const Bytes& command) {
    if (command.size() < 3 || command[1] < 1 || command[1] > 2) {
        return syntaxError();
    }
    targetListed_ = false;
    if (command[2] != 0x00) {
        return respond({0x4B, 0x00});  // only ISO/IEC 14443A cards are simulated
    }
    registers_.selectTypeA106();
    if (auto answer = tryListPassiveTarget(command)) {
        return respond(std::move(*answer));
    }
    if (maxRetriesPassive_ != 0xFF) {
        return respond({0x4B, 0x00});
    }
    pending_ = command;
    Reply reply;
    reply.kind = Reply::Kind::Pending;
    return reply;
}

std::optional<Bytes> Pn532Chip::tryListPassiveTarget(const Bytes& command) {
    const Bytes filter = plainUid(Bytes(command.begin() + 3, command.end()));
    const auto info = field_.activate(filter, false, (parameters_ & kParamAutoRats) != 0);
    if (!info) {
        return std::nullopt;
    }
    targetListed_ = true;
    listed_ = *info;
    Bytes answer{0x4B, 0x01};
    const Bytes data = targetData(*info);
    answer.insert(answer.end(), data.begin(), data.end());
    return answer;
}

Pn532Chip::Reply Pn532Chip::autoPoll(const Bytes& command) {
    if (command.size() < 4 || command.size() > 18 || command[1] == 0x00 || command[2] == 0x00 ||
        command[2] > 0x0F) {
        return syntaxError();
    }
    targetListed_ = false;
    registers_.selectTypeA106();
    if (auto answer = tryAutoPoll(command)) {
        return respond(std::move(*answer));
    }
    pending_ = command;
    Reply reply;
    reply.kind = Reply::Kind::Pending;
    if (command[1] != 0xFF) {
        const auto types = static_cast<long>(command.size() - 3);
        reply.waitLimit = std::chrono::milliseconds(static_cast<long>(command[1]) * types * command[2] * 150);
    }
    return reply;
}

std::optional<Bytes> Pn532Chip::tryAutoPoll(const Bytes& command) {
    const auto& card = field_.card();
    if (!card) {
        return std::nullopt;
    }
    for (std::size_t i = 3; i < command.size(); ++i) {
        const std::uint8_t type = command[i];
        const bool isoDep = type == kTypeIso14443_4A;
        if (type != kTypeGeneric106 && type != kTypeMifare && !(isoDep && (card->sak() & 0x20) != 0)) {
            continue;
        }
        const auto info = field_.activate({}, false, isoDep);
        if (!info) {
            return std::nullopt;
        }
        targetListed_ = true;
        listed_ = *info;
        const Bytes data = targetData(*info);
        Bytes answer{0x61, 0x01, type, static_cast<std::uint8_t>(data.size())};
        answer.insert(answer.end(), data.begin(), data.end());
        return answer;
    }
    return std::nullopt;
}

std::optional<Bytes> Pn532Chip::retryPending() {
    if (pending_.empty()) {
        return std::nullopt;
    }
    std::optional<Bytes> answer;
    if (pending_[0] == kInListPassiveTarget) {
        answer = tryListPassiveTarget(pending_);
    } else if (pending_[0] == kInAutoPoll) {
        answer = tryAutoPoll(pending_);
    }
    if (answer) {
        pending_.clear();
    }
    return answer;
}

std::optional<Bytes> Pn532Chip::expirePending() {
    if (pending_.empty()) {
        return std::nullopt;
    }
    const std::uint8_t code = pending_[0];
    pending_.clear();
    if (code == kInAutoPoll) {
        return Bytes{0x61, 0x00};
    }
    if (code == kInListPassiveTarget) {
        return Bytes{0x4B, 0x00};
    }
    return std::nullopt;
}

Bytes Pn532Chip::targetData(const TargetInfo& info) const {
    Bytes data{0x01, info.atqa[0], info.atqa[1], info.sak, static_cast<std::uint8_t>(info.uid.size())};
    data.insert(data.end(), info.uid.begin(), info.uid.end());
    data.insert(data.end(), info.ats.begin(), info.ats.end());
    return data;
}

Pn532Chip::Reply Pn532Chip::dataExchange(const Bytes& command) {
    if (command.size() < 2) {
        return syntaxError();
    }
    if (!targetListed_ || (command[1] & 0x3F) != 0x01) {
        return respond({0x41, ContactlessInterface::kNotAcceptable});
    }
    const Transfer transfer = ciu_.dataExchange(Bytes(command.begin() + 2, command.end()));
    Bytes answer{0x41, transfer.status};
    answer.insert(answer.end(), transfer.data.begin(), transfer.data.end());
    return respond(std::move(answer));
}

Pn532Chip::Reply Pn532Chip::communicateThru(const Bytes& command) {
    const Transfer transfer = ciu_.communicateThru(Bytes(command.begin() + 1, command.end()));
    Bytes answer{0x43, transfer.status};
    answer.insert(answer.end(), transfer.data.begin(), transfer.data.end());
    return respond(std::move(answer));
}

Pn532Chip::Reply Pn532Chip::deselect(const Bytes& command) {
    if (command.size() != 2) {
        return syntaxError();
    }
    if (targetListed_ && (command[1] == 0x00 || command[1] == 0x01)) {
        field_.halt();
    }
    return respond({0x45, 0x00});
}

Pn532Chip::Reply Pn532Chip::release(const Bytes& command) {
    if (command.size() != 2) {
        return syntaxError();
    }
    if (targetListed_ && (command[1] == 0x00 || command[1] == 0x01)) {
        if (field_.state() == RfField::CardState::Protocol) {
            field_.halt();  // S(DESELECT) for an ISO-DEP target
        }
        targetListed_ = false;
    }
    return respond({0x53, 0x00});
}

Pn532Chip::Reply Pn532Chip::select(const Bytes& command) {
    if (command.size() != 2) {
        return syntaxError();
    }
    if (!targetListed_ || command[1] != 0x01) {
        return respond({0x55, ContactlessInterface::kNotAcceptable});
    }
    const auto info = field_.activate(listed_.uid, true, !listed_.ats.empty());
    return respond({0x55, info ? ContactlessInterface::kOk : ContactlessInterface::kTimeout});
}

std::string Pn532Chip::summary() const {
    std::string text = std::string("field=") + (field_.powered() ? "on" : "off") +
                       " card=" + field_.stateName() + " target=" + (targetListed_ ? "listed" : "none");
    if (poweredDown_) {
        text += " powered-down";
    }
    if (!pending_.empty()) {
        text += " waiting=" + toHex({pending_[0]});
    }
    return text;
}

}  // namespace nfcsim
