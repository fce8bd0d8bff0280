#pragma once
// Per-card AES-128 keys from a master key, as NXP AN10922 §2.2 describes for
// AES-128: D = 01 || M, M = UID || system identifier (at most 31 bytes);
// D is padded (80 00 ..) to 32 bytes, the last block is XORed with CMAC
// subkey K2 (K1 when D is exactly 32 bytes) and the diversified key is the
// last block of the AES-CBC MAC of those 32 bytes. The kiosk uses it for
// the SDM file read key (the MAC key) of each NTAG 424 DNA.

#include <optional>
#include <string_view>

#include "nfc/cards/Aes128.h"

namespace nfc::cards {

class KeyDiversifier {
public:
    static constexpr std::string_view kDefaultSystemIdentifier = "CornerRewards";

    // nullopt when UID + system identifier exceed 31 bytes or libcrypto fails.
    static std::optional<Aes128::Key> diversify(const Aes128::Key& master, const Bytes& uid,
                                                const Bytes& systemIdentifier);
};

}  // namespace nfc::cards
