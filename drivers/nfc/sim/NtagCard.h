#pragma once
// An NTAG213, NTAG215 or NTAG216 (NFC Forum Type 2) with its whole EEPROM:
// UID and check bytes, static and dynamic lock bytes, capability container,
// user memory, CFG0/CFG1 (AUTH0, ACCESS), PWD and PACK. Answers READ,
// FAST_READ, WRITE, COMPATIBILITY_WRITE, GET_VERSION, READ_SIG, PWD_AUTH and
// READ_CNT as the NXP datasheet describes, with NAK 0 (invalid argument or
// access), 1 (CRC) and 4 (authentication). Writes stay in memory for the
// life of the object; lock bits, AUTH0/PROT and CFGLCK are honoured.

#include <cstdint>
#include <optional>
#include <string>

#include "nfc/sim/VirtualCard.h"

namespace nfcsim {

struct NtagModel {
    std::string kind;               // "ntag213"
    std::uint16_t pages = 0;        // 45, 135, 231
    std::uint16_t dynamicLockPage = 0;
    std::uint16_t cfg0Page = 0;     // CFG0; CFG1 (ACCESS), PWD, PACK follow
    std::uint8_t versionSize = 0;   // GET_VERSION byte 6
    std::uint8_t ccSize = 0;        // capability container byte 2
    std::uint16_t pagesPerDynamicLockBit = 0;

    static std::optional<NtagModel> byKind(const std::string& kind);
};

class NtagCard : public VirtualCard {
public:
    static constexpr std::uint8_t kNakInvalid = 0x0;
    static constexpr std::uint8_t kNakCrc = 0x1;
    static constexpr std::uint8_t kNakAuth = 0x4;

    // memory: exactly model.pages * 4 bytes; pages 0-2 must carry the UID
    // and its check bytes (the caller validates; see CardFile).
    NtagCard(NtagModel model, Bytes memory, Bytes signature);

    // Factory memory for a UID (7 bytes): UID pages, CC, user memory starting
    // with userData (default an empty NDEF TLV 03 00 FE), CFG defaults.
    static Bytes factoryMemory(const NtagModel& model, const Bytes& uid, const Bytes& userData);
    // The UID as pages 0-2 store it, or nullopt when a check byte is wrong.
    static std::optional<Bytes> uidFromMemory(const Bytes& memory);

    std::string kind() const override { return model_.kind; }
    const Bytes& uid() const override { return uid_; }
    std::array<std::uint8_t, 2> atqa() const override { return {0x00, 0x44}; }
    std::uint8_t sak() const override { return 0x00; }
    void resetSession() override;
    AirAnswer command(const Bytes& frame, bool crcValid) override;
    std::string describe() const override;

    const NtagModel& model() const { return model_; }
    const Bytes& memory() const { return memory_; }
    std::uint32_t nfcCounter() const { return nfcCounter_; }

private:
    AirAnswer read(const Bytes& frame);
    AirAnswer fastRead(const Bytes& frame);
    AirAnswer write(std::uint16_t page, const std::uint8_t* data);
    AirAnswer passwordAuth(const Bytes& frame);
    AirAnswer readCounter(const Bytes& frame);
    Bytes pageForReader(std::uint16_t page) const;  // PWD and PACK read as zeros
    bool readProtected(std::uint16_t page) const;
    bool writeLocked(std::uint16_t page) const;
    void countRead();
    std::uint8_t byteAt(std::uint16_t page, int index) const;
    std::uint8_t auth0() const { return byteAt(model_.cfg0Page, 3); }
    std::uint8_t access() const { return byteAt(static_cast<std::uint16_t>(model_.cfg0Page + 1), 0); }

    NtagModel model_;
    Bytes memory_;
    Bytes signature_;
    Bytes uid_;
    std::uint32_t nfcCounter_ = 0;
    unsigned authFailures_ = 0;
    // session
    bool authenticated_ = false;
    bool counted_ = false;
    std::optional<std::uint16_t> compatibilityWritePage_;
};

}  // namespace nfcsim
