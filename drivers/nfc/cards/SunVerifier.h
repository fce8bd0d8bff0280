#pragma once
// NTAG 424 DNA Secure Unique NFC verification in AES mode (NXP AN12196):
//  1. find PICCData and the SDM MAC in the URL (SunUrl);
//  2. PICCData = AES-128-CBC-decrypt(K_SDMMetaRead, IV 0, e); its tag byte
//     must say UID and counter mirrored with a 7-byte UID (C7);
//  3. K_SDMFileRead: the configured key, or AN10922-diversified from the
//     master with the decrypted UID (KeyDiversifier);
//  4. SV2 = 3C C3 00 01 00 80 || UID || counter (LSB first);
//     K_Ses = AES-CMAC(K_SDMFileRead, SV2);
//  5. SDM MAC = bytes 1, 3, .., 15 of AES-CMAC(K_Ses, empty input),
//     compared in constant time;
//  6. the counter must be above the last accepted one (SunCounterStore).
// The meta read key cannot be per card: the UID it would be diversified
// with is inside what it decrypts. Session keys are wiped after use.

#include <cstdint>
#include <string>
#include <string_view>

#include "loyalty/Expected.h"
#include "nfc/cards/Aes128.h"
#include "nfc/cards/CardFailure.h"
#include "nfc/cards/SunCounterStore.h"
#include "nfc/cards/SunUrl.h"

namespace nfc::cards {

struct SunKeys {
    Aes128::Key metaReadKey{};
    Aes128::Key fileReadKey{};        // the card's key, or the master when diversifyFileKey
    bool diversifyFileKey = false;
    Bytes systemIdentifier{'C', 'o', 'r', 'n', 'e', 'r', 'R', 'e', 'w', 'a', 'r', 'd', 's'};
};

struct SunReading {
    Bytes uid;                        // 7 bytes
    std::uint32_t counter = 0;
    std::string uidHex() const;
};

class SunVerifier {
public:
    explicit SunVerifier(SunKeys keys, SunParameterNames names = {});
    ~SunVerifier();
    SunVerifier(const SunVerifier&) = default;
    SunVerifier& operator=(const SunVerifier&) = default;

    // Steps 1-2 only (what a technician wants to see even when the MAC is
    // wrong): UnknownFormat or BadMac (PICCData does not decrypt to C7).
    loyalty::Expected<SunReading, CardFailure> decrypt(std::string_view url) const;
    // Steps 1-5: UnknownFormat (not a SUN URL) or BadMac.
    loyalty::Expected<SunReading, CardFailure> verify(std::string_view url) const;
    // Step 6 for a verified reading: Replayed, or Unreadable when the store fails.
    static loyalty::Expected<SunReading, CardFailure> accept(const SunReading& reading, SunCounterStore& store);
    // Steps 1-6.
    loyalty::Expected<SunReading, CardFailure> verifyAndAccept(std::string_view url, SunCounterStore& store) const;

    // The SDM MAC for a UID and counter (tests, the simulator's card files).
    std::optional<std::array<std::uint8_t, 8>> sdmMac(const Bytes& uid, std::uint32_t counter) const;

private:
    SunKeys keys_;
    SunParameterNames names_;
};

}  // namespace nfc::cards
