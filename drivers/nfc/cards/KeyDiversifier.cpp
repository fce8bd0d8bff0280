#include "nfc/cards/KeyDiversifier.h"

namespace nfc::cards {

namespace {

// Doubling in GF(2^128) (RFC 4493 subkey generation).
Aes128::Block doubled(const Aes128::Block& in) {
    Aes128::Block out{};
    for (std::size_t i = 0; i < 16; ++i) {
        const std::uint8_t next = i + 1 < 16 ? static_cast<std::uint8_t>(in[i + 1] >> 7) : std::uint8_t{0};
        out[i] = static_cast<std::uint8_t>((in[i] << 1) | next);
    }
    if ((in[0] & 0x80) != 0) {
        out[15] = static_cast<std::uint8_t>(out[15] ^ 0x87);
    }
    return out;
}

}  // namespace

std::optional<Aes128::Key> KeyDiversifier::diversify(const Aes128::Key& master, const Bytes& uid,
                                                     const Bytes& systemIdentifier) {
    if (uid.size() + systemIdentifier.size() > 31) {
        return std::nullopt;
    }
    std::array<std::uint8_t, 32> input{};
    input[0] = 0x01;
    std::size_t length = 1;
    for (const auto b : uid) {
        input[length++] = b;
    }
    for (const auto b : systemIdentifier) {
        input[length++] = b;
    }
    const bool padded = length < 32;
    if (padded) {
        input[length] = 0x80;
    }
    const auto l = Aes128::encryptBlock(master, Aes128::Block{});
    if (!l) {
        return std::nullopt;
    }
    const Aes128::Block k1 = doubled(*l);
    const Aes128::Block subkey = padded ? doubled(k1) : k1;
    Aes128::Block state{};
    for (std::size_t i = 0; i < 16; ++i) {
        state[i] = input[i];
    }
    auto first = Aes128::encryptBlock(master, state);
    if (!first) {
        return std::nullopt;
    }
    for (std::size_t i = 0; i < 16; ++i) {
        state[i] = static_cast<std::uint8_t>((*first)[i] ^ input[16 + i] ^ subkey[i]);
    }
    auto result = Aes128::encryptBlock(master, state);
    Aes128::wipe(state.data(), state.size());
    Aes128::wipe(input.data(), input.size());
    return result;
}

}  // namespace nfc::cards
