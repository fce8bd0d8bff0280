#pragma once
// The cryptography of NTAG 424 DNA Secure Unique NFC messages in AES mode
// (NXP AN12196), over OpenSSL libcrypto: PICCData encryption with the SDM
// meta read key, the session MAC key derived from the SDM file read key
// (SV2 = 3C C3 00 01 00 80 || UID || counter), the full AES-CMAC and its
// truncation to the odd-indexed bytes. Failures of libcrypto are nullopt.

#include <array>
#include <cstdint>
#include <optional>

#include "nfc/sim/Bytes.h"

namespace nfcsim {

struct PiccData {
    Bytes uid;  // 7 bytes
    std::uint32_t counter = 0;
};

class SunCrypto {
public:
    using Key = std::array<std::uint8_t, 16>;

    static std::optional<Bytes> aesEncryptBlock(const Key& key, const Bytes& block);
    static std::optional<Bytes> aesDecryptBlock(const Key& key, const Bytes& block);
    static std::optional<Bytes> cmac(const Key& key, const Bytes& message);

    // C7 || UID(7) || counter (3, LSB first) || padding (5 bytes).
    static Bytes piccDataPlain(const Bytes& uid, std::uint32_t counter, const Bytes& padding);
    static std::optional<Bytes> encryptPiccData(const Key& metaReadKey, const Bytes& uid, std::uint32_t counter,
                                                const Bytes& padding);
    // nullopt also when the tag byte is not C7 (UID and counter mirrored).
    static std::optional<PiccData> decryptPiccData(const Key& metaReadKey, const Bytes& encrypted);
    static Bytes sessionVector2(const Bytes& uid, std::uint32_t counter);
    static std::optional<Bytes> sessionMacKey(const Key& fileReadKey, const Bytes& uid, std::uint32_t counter);
    static std::optional<Bytes> fullMac(const Key& fileReadKey, const Bytes& uid, std::uint32_t counter,
                                        const Bytes& macInput);
    // Bytes 1, 3, 5, ..., 15 of the full MAC.
    static Bytes truncateMac(const Bytes& fullMac);
    static std::optional<Bytes> sdmMac(const Key& fileReadKey, const Bytes& uid, std::uint32_t counter,
                                       const Bytes& macInput);
    static std::optional<Key> keyFromBytes(const Bytes& bytes);
};

}  // namespace nfcsim
