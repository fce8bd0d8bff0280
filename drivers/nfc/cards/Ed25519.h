#pragma once
// Ed25519 (libsodium crypto_sign_*), the signatures of the loyalty record and
// of the kiosk certificates. Secret keys are handled as their 32-byte seed
// and wiped (sodium_memzero) when a holder is destroyed.

#include <array>
#include <cstdint>
#include <optional>

#include "nfc/CardTransport.h"

namespace nfc::cards {

class Ed25519 {
public:
    using PublicKey = std::array<std::uint8_t, 32>;
    using Seed = std::array<std::uint8_t, 32>;
    using Signature = std::array<std::uint8_t, 64>;

    // sodium_init, once; false if libsodium cannot start (no entropy).
    static bool ready();
    static std::optional<PublicKey> publicKeyOf(const Seed& seed);
    static std::optional<Signature> sign(const Seed& seed, const Bytes& message);
    static bool verify(const PublicKey& key, const Bytes& message, const Signature& signature);
    // A fresh key pair (tests, demo key generation).
    static std::optional<Seed> generateSeed();
    static void wipe(void* data, std::size_t size);
};

}  // namespace nfc::cards
