#include "nfc/cards/Ed25519.h"

#include <sodium.h>

namespace nfc::cards {

bool Ed25519::ready() {
    static const bool started = sodium_init() >= 0;
    return started;
}

std::optional<Ed25519::PublicKey> Ed25519::publicKeyOf(const Seed& seed) {
    if (!ready()) {
        return std::nullopt;
    }
    PublicKey publicKey{};
    std::array<std::uint8_t, crypto_sign_SECRETKEYBYTES> secret{};
    const int rc = crypto_sign_seed_keypair(publicKey.data(), secret.data(), seed.data());
    sodium_memzero(secret.data(), secret.size());
    if (rc != 0) {
        return std::nullopt;
    }
    return publicKey;
}

std::optional<Ed25519::Signature> Ed25519::sign(const Seed& seed, const Bytes& message) {
    if (!ready()) {
        return std::nullopt;
    }
    PublicKey publicKey{};
    std::array<std::uint8_t, crypto_sign_SECRETKEYBYTES> secret{};
    Signature signature{};
    int rc = crypto_sign_seed_keypair(publicKey.data(), secret.data(), seed.data());
    if (rc == 0) {
        rc = crypto_sign_detached(signature.data(), nullptr, message.data(), message.size(), secret.data());
    }
    sodium_memzero(secret.data(), secret.size());
    if (rc != 0) {
        return std::nullopt;
    }
    return signature;
}

bool Ed25519::verify(const PublicKey& key, const Bytes& message, const Signature& signature) {
    return ready() &&
           crypto_sign_verify_detached(signature.data(), message.data(), message.size(), key.data()) == 0;
}

std::optional<Ed25519::Seed> Ed25519::generateSeed() {
    if (!ready()) {
        return std::nullopt;
    }
    Seed seed{};
    randombytes_buf(seed.data(), seed.size());
    return seed;
}

void Ed25519::wipe(void* data, std::size_t size) {
    sodium_memzero(data, size);
}

}  // namespace nfc::cards
