#include "nfc/sim/RegisterFile.h"

namespace nfcsim {

namespace {

struct ResetValue {
    std::uint16_t address;
    std::uint8_t value;
};

// CIU values after the PN532 firmware's start-up (PN532 user manual, CIU
// register table) and the SFR port values a PN532 breakout board reads.
constexpr ResetValue kResetValues[] = {
    {0x6301, 0x3F},  // Mode
    {0x6302, 0x80},  // TxMode: the firmware starts with CRC on (libnfc assumes so)
    {0x6303, 0x80},  // RxMode: likewise
    {0x6304, 0x80},  // TxControl
    {0x6305, 0x00},  // TxAuto
    {0x6306, 0x10},  // TxSel
    {0x6307, 0x84},  // RxSel
    {0x6308, 0x84},  // RxThreshold
    {0x6309, 0x4D},  // Demod
    {0x630A, 0x00},  // FelNFC1
    {0x630B, 0x00},  // FelNFC2
    {0x630C, 0x62},  // MifNFC
    {0x630D, 0x00},  // ManualRCV
    {0x630E, 0x00},  // TypeB
    {0x6311, 0xFF},  // CRCResultMSB
    {0x6312, 0xFF},  // CRCResultLSB
    {0x6313, 0x88},  // GsNOff
    {0x6314, 0x26},  // ModWidth
    {0x6315, 0x87},  // TxBitPhase
    {0x6316, 0x48},  // RFCfg
    {0x6317, 0x88},  // GsNOn
    {0x6318, 0x20},  // CWGsP
    {0x6319, 0x20},  // ModGsP
    {0x6331, 0x20},  // Command
    {0x6332, 0x80},  // CommIEn
    {0x6334, 0x14},  // CommIrq
    {0x6335, 0x00},  // DivIrq
    {0x633A, 0x00},  // FIFOLevel
    {0x633B, 0x08},  // WaterLevel
    {0x633C, 0x10},  // Control: initiator
    {0x633D, 0x00},  // BitFraming
    {0x633E, 0x80},  // Coll
    {0xFFB0, 0xFF},  // P3
    {0xFFF7, 0xFF},  // P7
    {0xFFFC, 0xFF},  // P3CFGA
    {0xFFFD, 0x00},  // P3CFGB
    {0xFFF4, 0xFF},  // P7CFGA
    {0xFFF5, 0x00},  // P7CFGB
};

}  // namespace

RegisterFile::RegisterFile() {
    reset();
}

void RegisterFile::reset() {
    memory_.fill(0x00);
    for (const auto& r : kResetValues) {
        memory_[r.address] = r.value;
    }
}

void RegisterFile::write(std::uint16_t address, std::uint8_t value) {
    memory_[address] = value;
}

void RegisterFile::setRxLastBits(std::uint8_t bits) {
    memory_[kControl] = static_cast<std::uint8_t>((memory_[kControl] & ~0x07) | (bits & 0x07));
}

void RegisterFile::selectTypeA106() {
    memory_[kTxMode] = static_cast<std::uint8_t>(memory_[kTxMode] & 0x88);
    memory_[kRxMode] = static_cast<std::uint8_t>(memory_[kRxMode] & 0x8C);
}

}  // namespace nfcsim
