#include "nfc/sim/NtagCard.h"

#include <algorithm>

namespace nfcsim {

namespace {

constexpr std::uint8_t kRead = 0x30;
constexpr std::uint8_t kFastRead = 0x3A;
constexpr std::uint8_t kWrite = 0xA2;
constexpr std::uint8_t kCompatibilityWrite = 0xA0;
constexpr std::uint8_t kGetVersion = 0x60;
constexpr std::uint8_t kReadSig = 0x3C;
constexpr std::uint8_t kPwdAuth = 0x1B;
constexpr std::uint8_t kReadCnt = 0x39;

constexpr std::uint8_t kAccessProt = 0x80;
constexpr std::uint8_t kAccessCfgLock = 0x40;
constexpr std::uint8_t kAccessCounterEnable = 0x10;
constexpr std::uint8_t kAccessCounterPwdProt = 0x08;

}  // namespace

std::optional<NtagModel> NtagModel::byKind(const std::string& kind) {
    if (kind == "ntag213") {
        return NtagModel{kind, 45, 0x28, 0x29, 0x0F, 0x12, 2};
    }
    if (kind == "ntag215") {
        return NtagModel{kind, 135, 0x82, 0x83, 0x11, 0x3E, 16};
    }
    if (kind == "ntag216") {
        return NtagModel{kind, 231, 0xE2, 0xE3, 0x13, 0x6D, 16};
    }
    return std::nullopt;
}

NtagCard::NtagCard(NtagModel model, Bytes memory, Bytes signature)
    : model_(std::move(model)), memory_(std::move(memory)), signature_(std::move(signature)) {
    memory_.resize(static_cast<std::size_t>(model_.pages) * 4, 0x00);
    signature_.resize(32, 0x00);
    uid_ = uidFromMemory(memory_).value_or(Bytes{memory_[0], memory_[1], memory_[2], memory_[4], memory_[5],
                                                 memory_[6], memory_[7]});
}

Bytes NtagCard::factoryMemory(const NtagModel& model, const Bytes& uid, const Bytes& userData) {
    Bytes memory(static_cast<std::size_t>(model.pages) * 4, 0x00);
    const auto bcc0 = static_cast<std::uint8_t>(0x88 ^ uid[0] ^ uid[1] ^ uid[2]);
    const auto bcc1 = static_cast<std::uint8_t>(uid[3] ^ uid[4] ^ uid[5] ^ uid[6]);
    const Bytes head{uid[0], uid[1], uid[2], bcc0, uid[3], uid[4], uid[5], uid[6],
                     bcc1,   0x48,   0x00,   0x00, 0xE1,   0x10,   model.ccSize, 0x00};
    std::copy(head.begin(), head.end(), memory.begin());
    const Bytes user = userData.empty() ? Bytes{0x03, 0x00, 0xFE} : userData;
    const std::size_t userBytes = static_cast<std::size_t>(model.dynamicLockPage - 4) * 4;
    std::copy_n(user.begin(), std::min(user.size(), userBytes), memory.begin() + 16);
    auto page = [&memory](std::uint16_t index) { return memory.begin() + index * 4; };
    const Bytes dynamicLock{0x00, 0x00, 0x00, 0xBD};
    const Bytes cfg0{0x04, 0x00, 0x00, 0xFF};  // MIRROR, RFUI, MIRROR_PAGE, AUTH0 = FF (no protection)
    const Bytes cfg1{0x00, 0x05, 0x00, 0x00};  // ACCESS, RFUI...
    const Bytes pwd{0xFF, 0xFF, 0xFF, 0xFF};
    std::copy(dynamicLock.begin(), dynamicLock.end(), page(model.dynamicLockPage));
    std::copy(cfg0.begin(), cfg0.end(), page(model.cfg0Page));
    std::copy(cfg1.begin(), cfg1.end(), page(static_cast<std::uint16_t>(model.cfg0Page + 1)));
    std::copy(pwd.begin(), pwd.end(), page(static_cast<std::uint16_t>(model.cfg0Page + 2)));
    return memory;
}

std::optional<Bytes> NtagCard::uidFromMemory(const Bytes& memory) {
    if (memory.size() < 12) {
        return std::nullopt;
    }
    const auto bcc0 = static_cast<std::uint8_t>(0x88 ^ memory[0] ^ memory[1] ^ memory[2]);
    const auto bcc1 = static_cast<std::uint8_t>(memory[4] ^ memory[5] ^ memory[6] ^ memory[7]);
    if (memory[3] != bcc0 || memory[8] != bcc1) {
        return std::nullopt;
    }
    return Bytes{memory[0], memory[1], memory[2], memory[4], memory[5], memory[6], memory[7]};
}

void NtagCard::resetSession() {
    authenticated_ = false;
    counted_ = false;
    compatibilityWritePage_.reset();
}

std::string NtagCard::describe() const {
    return VirtualCard::describe() + " pages=" + std::to_string(model_.pages) +
           (authenticated_ ? " authenticated" : "");
}

AirAnswer NtagCard::command(const Bytes& frame, bool crcValid) {
    if (compatibilityWritePage_) {
        const std::uint16_t page = *compatibilityWritePage_;
        compatibilityWritePage_.reset();
        if (!crcValid) {
            return AirReply::nak(kNakCrc);
        }
        if (frame.size() != 16) {
            return AirReply::nak(kNakInvalid);
        }
        return write(page, frame.data());
    }
    if (frame.empty()) {
        return std::nullopt;
    }
    if (!crcValid) {
        return AirReply::nak(kNakCrc);
    }
    switch (frame[0]) {
        case kRead:
            return read(frame);
        case kFastRead:
            return fastRead(frame);
        case kWrite:
            if (frame.size() != 6) {
                return AirReply::nak(kNakInvalid);
            }
            return write(frame[1], frame.data() + 2);
        case kCompatibilityWrite:
            if (frame.size() != 2 || frame[1] < 2 || frame[1] >= model_.pages) {
                return AirReply::nak(kNakInvalid);
            }
            compatibilityWritePage_ = frame[1];
            return AirReply::ack();
        case kGetVersion:
            if (frame.size() != 1) {
                return AirReply::nak(kNakInvalid);
            }
            return AirReply::frame({0x00, 0x04, 0x04, 0x02, 0x01, 0x00, model_.versionSize, 0x03});
        case kReadSig:
            if (frame.size() != 2 || frame[1] != 0x00) {
                return AirReply::nak(kNakInvalid);
            }
            return AirReply::frame(signature_);
        case kPwdAuth:
            return passwordAuth(frame);
        case kReadCnt:
            return readCounter(frame);
        default:
            return AirReply::nak(kNakInvalid);
    }
}

AirAnswer NtagCard::read(const Bytes& frame) {
    if (frame.size() != 2 || frame[1] >= model_.pages || readProtected(frame[1])) {
        return AirReply::nak(kNakInvalid);
    }
    // Four pages, rolling over to page 0 at the end of memory (or at AUTH0
    // when the pages from there on are read-protected).
    const std::uint16_t limit =
        (access() & kAccessProt) != 0 && !authenticated_ ? std::min<std::uint16_t>(auth0(), model_.pages) : model_.pages;
    Bytes out;
    for (std::uint16_t i = 0; i < 4; ++i) {
        const auto page = static_cast<std::uint16_t>((frame[1] + i) % limit);
        const Bytes bytes = pageForReader(page);
        out.insert(out.end(), bytes.begin(), bytes.end());
    }
    countRead();
    return AirReply::frame(std::move(out));
}

AirAnswer NtagCard::fastRead(const Bytes& frame) {
    if (frame.size() != 3 || frame[1] > frame[2] || frame[2] >= model_.pages || readProtected(frame[2])) {
        return AirReply::nak(kNakInvalid);
    }
    Bytes out;
    for (std::uint16_t page = frame[1]; page <= frame[2]; ++page) {
        const Bytes bytes = pageForReader(page);
        out.insert(out.end(), bytes.begin(), bytes.end());
    }
    countRead();
    return AirReply::frame(std::move(out));
}

AirAnswer NtagCard::write(std::uint16_t page, const std::uint8_t* data) {
    if (page < 2 || page >= model_.pages) {
        return AirReply::nak(kNakInvalid);
    }
    if ((page >= auth0() && !authenticated_) || writeLocked(page)) {
        return AirReply::nak(kNakInvalid);
    }
    const bool configPage = page == model_.cfg0Page || page == model_.cfg0Page + 1;
    if (configPage && (access() & kAccessCfgLock) != 0) {
        return AirReply::nak(kNakInvalid);
    }
    auto* target = memory_.data() + static_cast<std::size_t>(page) * 4;
    if (page == 2) {  // only the lock bytes, and bits can only be set
        target[2] = static_cast<std::uint8_t>(target[2] | data[2]);
        target[3] = static_cast<std::uint8_t>(target[3] | data[3]);
    } else if (page == 3) {  // capability container: one-time programmable
        for (int i = 0; i < 4; ++i) {
            target[i] = static_cast<std::uint8_t>(target[i] | data[i]);
        }
    } else if (page == model_.dynamicLockPage) {
        for (int i = 0; i < 3; ++i) {
            target[i] = static_cast<std::uint8_t>(target[i] | data[i]);
        }
    } else {
        std::copy_n(data, 4, target);
    }
    return AirReply::ack();
}

AirAnswer NtagCard::passwordAuth(const Bytes& frame) {
    if (frame.size() != 5) {
        return AirReply::nak(kNakInvalid);
    }
    const unsigned authLimit = access() & 0x07;
    if (authLimit != 0 && authFailures_ >= (1u << authLimit)) {
        return AirReply::nak(kNakAuth);
    }
    const auto pwdPage = static_cast<std::size_t>(model_.cfg0Page + 2) * 4;
    if (!std::equal(frame.begin() + 1, frame.end(), memory_.begin() + static_cast<std::ptrdiff_t>(pwdPage))) {
        ++authFailures_;
        return AirReply::nak(kNakAuth);
    }
    authFailures_ = 0;
    authenticated_ = true;
    return AirReply::frame({memory_[pwdPage + 4], memory_[pwdPage + 5]});
}

AirAnswer NtagCard::readCounter(const Bytes& frame) {
    if (frame.size() != 2 || frame[1] != 0x02 || (access() & kAccessCounterEnable) == 0 ||
        ((access() & kAccessCounterPwdProt) != 0 && !authenticated_)) {
        return AirReply::nak(kNakInvalid);
    }
    return AirReply::frame({static_cast<std::uint8_t>(nfcCounter_ & 0xFF),
                            static_cast<std::uint8_t>((nfcCounter_ >> 8) & 0xFF),
                            static_cast<std::uint8_t>((nfcCounter_ >> 16) & 0xFF)});
}

Bytes NtagCard::pageForReader(std::uint16_t page) const {
    if (page == model_.cfg0Page + 2 || page == model_.cfg0Page + 3) {
        return Bytes(4, 0x00);
    }
    const auto offset = static_cast<std::ptrdiff_t>(page) * 4;
    return Bytes(memory_.begin() + offset, memory_.begin() + offset + 4);
}

bool NtagCard::readProtected(std::uint16_t page) const {
    return (access() & kAccessProt) != 0 && !authenticated_ && page >= auth0();
}

bool NtagCard::writeLocked(std::uint16_t page) const {
    const std::uint8_t lock0 = byteAt(2, 2);
    const std::uint8_t lock1 = byteAt(2, 3);
    if (page >= 3 && page <= 7) {
        return (lock0 & (1u << page)) != 0;
    }
    if (page >= 8 && page <= 15) {
        return (lock1 & (1u << (page - 8))) != 0;
    }
    if (page >= 16 && page < model_.dynamicLockPage) {
        const unsigned bit = static_cast<unsigned>(page - 16) / model_.pagesPerDynamicLockBit;
        return (byteAt(model_.dynamicLockPage, static_cast<int>(bit / 8)) & (1u << (bit % 8))) != 0;
    }
    return false;
}

void NtagCard::countRead() {
    if (!counted_ && (access() & kAccessCounterEnable) != 0 && nfcCounter_ < 0xFFFFFF) {
        ++nfcCounter_;
    }
    counted_ = true;
}

std::uint8_t NtagCard::byteAt(std::uint16_t page, int index) const {
    return memory_[static_cast<std::size_t>(page) * 4 + static_cast<std::size_t>(index)];
}

}  // namespace nfcsim
