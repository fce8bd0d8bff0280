#pragma once
// The PN532's register space as ReadRegister/WriteRegister see it: the CIU
// registers at 0x6301..0x633F (inside a 0x6300..0x63FF page), the 8051 SFRs
// at 0xFF00..0xFFFF and any other XRAM address, all plain bytes with the
// reset values of the PN532 user manual. The few bits the simulated
// contactless interface honours are read back through named accessors.

#include <array>
#include <cstdint>

namespace nfcsim {

class RegisterFile {
public:
    static constexpr std::uint16_t kTxMode = 0x6302;
    static constexpr std::uint16_t kRxMode = 0x6303;
    static constexpr std::uint16_t kTxAuto = 0x6305;
    static constexpr std::uint16_t kManualRcv = 0x630D;
    static constexpr std::uint16_t kStatus2 = 0x6338;
    static constexpr std::uint16_t kControl = 0x633C;
    static constexpr std::uint16_t kBitFraming = 0x633D;
    static constexpr std::uint16_t kSfrP3 = 0xFFB0;
    static constexpr std::uint16_t kSfrP7 = 0xFFF7;

    RegisterFile();

    std::uint8_t read(std::uint16_t address) const { return memory_[address]; }
    void write(std::uint16_t address, std::uint8_t value);
    void reset();

    bool txCrcEnabled() const { return (read(kTxMode) & 0x80) != 0; }
    bool rxCrcEnabled() const { return (read(kRxMode) & 0x80) != 0; }
    bool parityDisabled() const { return (read(kManualRcv) & 0x10) != 0; }
    // TxFraming / RxFraming: 0 = ISO/IEC 14443A / MIFARE, 3 = ISO/IEC 14443B.
    std::uint8_t txFraming() const { return read(kTxMode) & 0x03; }
    std::uint8_t txLastBits() const { return read(kBitFraming) & 0x07; }
    bool crypto1On() const { return (read(kStatus2) & 0x08) != 0; }
    // Valid bits of the last received byte (0 = all eight), set after a transfer.
    void setRxLastBits(std::uint8_t bits);
    // What the chip's firmware does before an ISO/IEC 14443A activation:
    // type A framing at 106 kbps, CRC and parity settings left alone.
    void selectTypeA106();

private:
    std::array<std::uint8_t, 0x10000> memory_{};
};

}  // namespace nfcsim
