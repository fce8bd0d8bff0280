#include "nfc/sim/Ntag424Card.h"

#include <openssl/rand.h>

#include <algorithm>

namespace nfcsim {

namespace {

const Bytes kNdefApplication{0xD2, 0x76, 0x00, 0x00, 0x85, 0x01, 0x01};
const Bytes kOk{0x90, 0x00};
const Bytes kWrongLength{0x67, 0x00};
const Bytes kNotFound{0x6A, 0x82};
const Bytes kWrongParameters{0x6A, 0x86};
const Bytes kNoCurrentFile{0x69, 0x86};
const Bytes kSecurityNotSatisfied{0x69, 0x82};
const Bytes kOffsetOutOfRange{0x6B, 0x00};
const Bytes kUnknownInstruction{0x6D, 0x00};
const Bytes kUnknownClass{0x6E, 0x00};
const Bytes kMemoryFailure{0x65, 0x81};

void replace(std::string& text, const std::string& placeholder, const std::string& value) {
    for (auto at = text.find(placeholder); at != std::string::npos; at = text.find(placeholder, at + value.size())) {
        text.replace(at, placeholder.size(), value);
    }
}

}  // namespace

Ntag424Card::Ntag424Card(Ntag424Config config) : config_(std::move(config)) {
    // CC file as an NTAG 424 DNA ships it: CCLEN 0017, mapping version 2.0,
    // MLe 0100, MLc 00FF, NDEF file E104 (256 bytes, free read, no write),
    // proprietary file E105 (128 bytes).
    capabilityContainer_ = {0x00, 0x17, 0x20, 0x01, 0x00, 0x00, 0xFF, 0x04, 0x06, 0xE1, 0x04, 0x01, 0x00, 0x00,
                            0xFF, 0x05, 0x06, 0xE1, 0x05, 0x00, 0x80, 0x82, 0x83, 0x00, 0x00, 0x00, 0x00, 0x00,
                            0x00, 0x00, 0x00, 0x00};
    proprietaryFile_.assign(128, 0x00);
    ndefFile_.assign(kNdefFileSize, 0x00);
}

void Ntag424Card::resetSession() {
    applicationSelected_ = false;
    file_ = File::None;
}

AirAnswer Ntag424Card::command(const Bytes& /*frame*/, bool /*crcValid*/) {
    return std::nullopt;  // only RATS (handled by the field) opens this card
}

std::string Ntag424Card::describe() const {
    return VirtualCard::describe() + " counter=" + std::to_string(config_.readCounter);
}

std::optional<Bytes> Ntag424Card::apdu(const Bytes& command) {
    if (command.size() < 4) {
        return kWrongLength;
    }
    if (command[0] != 0x00) {
        return kUnknownClass;
    }
    switch (command[1]) {
        case 0xA4:
            return select(command);
        case 0xB0:
            return readBinary(command);
        case 0xD6:
            return kSecurityNotSatisfied;
        default:
            return kUnknownInstruction;
    }
}

Bytes Ntag424Card::select(const Bytes& command) {
    if (command.size() < 5 || command.size() < 5u + command[4]) {
        return kWrongLength;
    }
    const Bytes data(command.begin() + 5, command.begin() + 5 + command[4]);
    if (command[2] == 0x04) {  // by DF name
        if (data != kNdefApplication) {
            return kNotFound;
        }
        applicationSelected_ = true;
        file_ = File::None;
        return renderSun() ? kOk : kMemoryFailure;
    }
    if (command[2] != 0x00 || data.size() != 2) {
        return kWrongParameters;
    }
    const unsigned id = (static_cast<unsigned>(data[0]) << 8) | data[1];
    if (id == 0x3F00) {
        applicationSelected_ = false;
        file_ = File::MasterFile;
        return kOk;
    }
    if (!applicationSelected_) {
        return kNotFound;
    }
    switch (id) {
        case 0xE103:
            file_ = File::CapabilityContainer;
            return kOk;
        case 0xE104:
            file_ = File::Ndef;
            return kOk;
        case 0xE105:
            file_ = File::Proprietary;
            return kOk;
        default:
            return kNotFound;
    }
}

Bytes Ntag424Card::readBinary(const Bytes& command) const {
    const Bytes* file = currentFile();
    if (!file) {
        return kNoCurrentFile;
    }
    if ((command[2] & 0x80) != 0) {
        return kWrongParameters;  // short file identifiers are not simulated
    }
    const std::size_t offset = (static_cast<std::size_t>(command[2]) << 8) | command[3];
    std::size_t expected = 256;
    if (command.size() == 5 && command[4] != 0) {
        expected = command[4];
    } else if (command.size() > 5) {
        return kWrongLength;
    }
    if (offset > file->size()) {
        return kOffsetOutOfRange;
    }
    const std::size_t count = std::min(expected, file->size() - offset);
    Bytes response(file->begin() + static_cast<std::ptrdiff_t>(offset),
                   file->begin() + static_cast<std::ptrdiff_t>(offset + count));
    response.insert(response.end(), kOk.begin(), kOk.end());
    return response;
}

const Bytes* Ntag424Card::currentFile() const {
    switch (file_) {
        case File::CapabilityContainer:
            return &capabilityContainer_;
        case File::Ndef:
            return &ndefFile_;
        case File::Proprietary:
            return &proprietaryFile_;
        case File::None:
        case File::MasterFile:
            return nullptr;
    }
    return nullptr;
}

bool Ntag424Card::renderSun() {
    if (config_.readCounter < 0xFFFFFF) {
        ++config_.readCounter;
    }
    Bytes padding(5, 0x00);
    if (config_.padding) {
        padding = *config_.padding;
    } else if (RAND_bytes(padding.data(), static_cast<int>(padding.size())) != 1) {
        return false;
    }
    const auto picc = SunCrypto::encryptPiccData(config_.metaReadKey, config_.uid, config_.readCounter, padding);
    const auto mac = SunCrypto::sdmMac(config_.fileReadKey, config_.uid, config_.readCounter, {});
    if (!picc || !mac) {
        return false;
    }
    std::string url = config_.urlTemplate;
    replace(url, "{picc}", toHex(*picc));
    replace(url, "{cmac}", toHex(*mac));
    lastUrl_ = url;
    const Bytes message = uriMessage(url);
    std::fill(ndefFile_.begin(), ndefFile_.end(), 0x00);
    const std::size_t length = std::min(message.size(), kNdefFileSize - 2);
    ndefFile_[0] = static_cast<std::uint8_t>(length >> 8);
    ndefFile_[1] = static_cast<std::uint8_t>(length & 0xFF);
    std::copy_n(message.begin(), length, ndefFile_.begin() + 2);
    return true;
}

Bytes Ntag424Card::uriMessage(const std::string& url) {
    static const std::pair<const char*, std::uint8_t> kPrefixes[] = {
        {"https://www.", 0x02}, {"http://www.", 0x01}, {"https://", 0x04}, {"http://", 0x03}};
    std::uint8_t code = 0x00;
    std::string rest = url;
    for (const auto& [prefix, value] : kPrefixes) {
        const std::string p = prefix;
        if (url.rfind(p, 0) == 0) {
            code = value;
            rest = url.substr(p.size());
            break;
        }
    }
    const std::size_t payloadLength = rest.size() + 1;
    Bytes message;
    if (payloadLength <= 255) {
        message = {0xD1, 0x01, static_cast<std::uint8_t>(payloadLength), 0x55};
    } else {
        message = {0xC1, 0x01, static_cast<std::uint8_t>(payloadLength >> 24),
                   static_cast<std::uint8_t>((payloadLength >> 16) & 0xFF),
                   static_cast<std::uint8_t>((payloadLength >> 8) & 0xFF),
                   static_cast<std::uint8_t>(payloadLength & 0xFF), 0x55};
    }
    message.push_back(code);
    message.insert(message.end(), rest.begin(), rest.end());
    return message;
}

}  // namespace nfcsim
