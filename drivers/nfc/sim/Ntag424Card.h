#pragma once
// An NTAG 424 DNA as a Type 4 tag: ISO-DEP (ATS 06 77 77 71 02 80), the
// NDEF application D2760000850101 with its capability container (E103),
// NDEF file (E104) and proprietary file (E105), answering ISO/IEC 7816-4
// SELECT and READ BINARY. Each SELECT of the NDEF application increments
// the SDM read counter and renders a fresh Secure Unique NFC URL from the
// template: {picc} becomes the encrypted PICCData (32 hex digits), {cmac}
// the SDM MAC over empty input (16 hex digits), as in AN12196.

#include <cstdint>
#include <optional>
#include <string>

#include "nfc/sim/SunCrypto.h"
#include "nfc/sim/VirtualCard.h"

namespace nfcsim {

struct Ntag424Config {
    Bytes uid;  // 7 bytes
    SunCrypto::Key metaReadKey{};
    SunCrypto::Key fileReadKey{};
    std::string urlTemplate;       // "https://example.com/tap?e={picc}&c={cmac}"
    std::uint32_t readCounter = 0; // the last counter used; the next tap shows readCounter + 1
    std::optional<Bytes> padding;  // 5 bytes of PICCData padding; random when absent
};

class Ntag424Card : public VirtualCard {
public:
    static constexpr std::size_t kNdefFileSize = 256;

    explicit Ntag424Card(Ntag424Config config);

    std::string kind() const override { return "ntag424"; }
    const Bytes& uid() const override { return config_.uid; }
    std::array<std::uint8_t, 2> atqa() const override { return {0x03, 0x44}; }
    std::uint8_t sak() const override { return 0x20; }
    Bytes ats() const override { return {0x06, 0x77, 0x77, 0x71, 0x02, 0x80}; }
    void resetSession() override;
    AirAnswer command(const Bytes& frame, bool crcValid) override;
    std::optional<Bytes> apdu(const Bytes& command) override;
    std::string describe() const override;

    std::uint32_t readCounter() const { return config_.readCounter; }
    const std::string& lastUrl() const { return lastUrl_; }
    // The NDEF message (one URI record) for a URL.
    static Bytes uriMessage(const std::string& url);

private:
    enum class File { None, MasterFile, CapabilityContainer, Ndef, Proprietary };

    Bytes select(const Bytes& command);
    Bytes readBinary(const Bytes& command) const;
    const Bytes* currentFile() const;
    bool renderSun();

    Ntag424Config config_;
    Bytes capabilityContainer_;
    Bytes ndefFile_;
    Bytes proprietaryFile_;
    std::string lastUrl_;
    bool applicationSelected_ = false;
    File file_ = File::None;
};

}  // namespace nfcsim
