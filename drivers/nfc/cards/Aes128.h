#pragma once
// AES-128 over OpenSSL libcrypto, the primitives of NTAG 424 DNA SUN
// verification: single-block ECB (CBC with a zero IV over one block),
// AES-CMAC (RFC 4493) and a constant-time comparison. libcrypto failures
// are nullopt; nothing throws.

#include <array>
#include <cstdint>
#include <optional>

#include "nfc/CardTransport.h"

namespace nfc::cards {

class Aes128 {
public:
    using Key = std::array<std::uint8_t, 16>;
    using Block = std::array<std::uint8_t, 16>;

    static std::optional<Block> encryptBlock(const Key& key, const Block& block);
    static std::optional<Block> decryptBlock(const Key& key, const Block& block);
    static std::optional<Block> cmac(const Key& key, const std::uint8_t* data, std::size_t size);
    static std::optional<Block> cmac(const Key& key, const Bytes& data) { return cmac(key, data.data(), data.size()); }
    static bool equalConstantTime(const std::uint8_t* a, const std::uint8_t* b, std::size_t size);
    static void wipe(void* data, std::size_t size);
};

}  // namespace nfc::cards
