#include "nfc/sim/SunCrypto.h"

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/params.h>

#include <algorithm>
#include <memory>

namespace nfcsim {

namespace {

struct CipherContextFree {
    void operator()(EVP_CIPHER_CTX* context) const { EVP_CIPHER_CTX_free(context); }
};
struct MacFree {
    void operator()(EVP_MAC* mac) const { EVP_MAC_free(mac); }
};
struct MacContextFree {
    void operator()(EVP_MAC_CTX* context) const { EVP_MAC_CTX_free(context); }
};

std::optional<Bytes> aesBlock(const SunCrypto::Key& key, const Bytes& block, bool encrypt) {
    if (block.size() != 16) {
        return std::nullopt;
    }
    std::unique_ptr<EVP_CIPHER_CTX, CipherContextFree> context(EVP_CIPHER_CTX_new());
    if (!context ||
        EVP_CipherInit_ex(context.get(), EVP_aes_128_ecb(), nullptr, key.data(), nullptr, encrypt ? 1 : 0) != 1 ||
        EVP_CIPHER_CTX_set_padding(context.get(), 0) != 1) {
        return std::nullopt;
    }
    Bytes out(32);
    int written = 0;
    int finalWritten = 0;
    if (EVP_CipherUpdate(context.get(), out.data(), &written, block.data(), 16) != 1 ||
        EVP_CipherFinal_ex(context.get(), out.data() + written, &finalWritten) != 1 || written + finalWritten != 16) {
        return std::nullopt;
    }
    out.resize(16);
    return out;
}

}  // namespace

std::optional<Bytes> SunCrypto::aesEncryptBlock(const Key& key, const Bytes& block) {
    return aesBlock(key, block, true);
}

std::optional<Bytes> SunCrypto::aesDecryptBlock(const Key& key, const Bytes& block) {
    return aesBlock(key, block, false);
}

std::optional<Bytes> SunCrypto::cmac(const Key& key, const Bytes& message) {
    std::unique_ptr<EVP_MAC, MacFree> mac(EVP_MAC_fetch(nullptr, "CMAC", nullptr));
    if (!mac) {
        return std::nullopt;
    }
    std::unique_ptr<EVP_MAC_CTX, MacContextFree> context(EVP_MAC_CTX_new(mac.get()));
    char cipher[] = "AES-128-CBC";
    const OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_CIPHER, cipher, 0),
                                 OSSL_PARAM_construct_end()};
    if (!context || EVP_MAC_init(context.get(), key.data(), key.size(), params) != 1 ||
        EVP_MAC_update(context.get(), message.data(), message.size()) != 1) {
        return std::nullopt;
    }
    Bytes out(16);
    std::size_t written = 0;
    if (EVP_MAC_final(context.get(), out.data(), &written, out.size()) != 1 || written != 16) {
        return std::nullopt;
    }
    return out;
}

Bytes SunCrypto::piccDataPlain(const Bytes& uid, std::uint32_t counter, const Bytes& padding) {
    Bytes plain{0xC7};
    plain.insert(plain.end(), uid.begin(), uid.end());
    plain.push_back(static_cast<std::uint8_t>(counter & 0xFF));
    plain.push_back(static_cast<std::uint8_t>((counter >> 8) & 0xFF));
    plain.push_back(static_cast<std::uint8_t>((counter >> 16) & 0xFF));
    plain.insert(plain.end(), padding.begin(), padding.end());
    plain.resize(16, 0x00);
    return plain;
}

std::optional<Bytes> SunCrypto::encryptPiccData(const Key& metaReadKey, const Bytes& uid, std::uint32_t counter,
                                                const Bytes& padding) {
    // AES-128-CBC with a zero IV over one block is ECB of that block.
    return aesEncryptBlock(metaReadKey, piccDataPlain(uid, counter, padding));
}

std::optional<PiccData> SunCrypto::decryptPiccData(const Key& metaReadKey, const Bytes& encrypted) {
    auto plain = aesDecryptBlock(metaReadKey, encrypted);
    if (!plain || (*plain)[0] != 0xC7) {
        return std::nullopt;
    }
    PiccData data;
    data.uid.assign(plain->begin() + 1, plain->begin() + 8);
    data.counter = static_cast<std::uint32_t>((*plain)[8]) | (static_cast<std::uint32_t>((*plain)[9]) << 8) |
                   (static_cast<std::uint32_t>((*plain)[10]) << 16);
    return data;
}

Bytes SunCrypto::sessionVector2(const Bytes& uid, std::uint32_t counter) {
    Bytes sv2{0x3C, 0xC3, 0x00, 0x01, 0x00, 0x80};
    sv2.insert(sv2.end(), uid.begin(), uid.end());
    sv2.push_back(static_cast<std::uint8_t>(counter & 0xFF));
    sv2.push_back(static_cast<std::uint8_t>((counter >> 8) & 0xFF));
    sv2.push_back(static_cast<std::uint8_t>((counter >> 16) & 0xFF));
    sv2.resize(16, 0x00);
    return sv2;
}

std::optional<Bytes> SunCrypto::sessionMacKey(const Key& fileReadKey, const Bytes& uid, std::uint32_t counter) {
    return cmac(fileReadKey, sessionVector2(uid, counter));
}

std::optional<Bytes> SunCrypto::fullMac(const Key& fileReadKey, const Bytes& uid, std::uint32_t counter,
                                        const Bytes& macInput) {
    const auto sessionKey = sessionMacKey(fileReadKey, uid, counter);
    if (!sessionKey) {
        return std::nullopt;
    }
    const auto key = keyFromBytes(*sessionKey);
    return cmac(*key, macInput);
}

Bytes SunCrypto::truncateMac(const Bytes& full) {
    Bytes out;
    for (std::size_t i = 1; i < full.size(); i += 2) {
        out.push_back(full[i]);
    }
    return out;
}

std::optional<Bytes> SunCrypto::sdmMac(const Key& fileReadKey, const Bytes& uid, std::uint32_t counter,
                                       const Bytes& macInput) {
    auto full = fullMac(fileReadKey, uid, counter, macInput);
    if (!full) {
        return std::nullopt;
    }
    return truncateMac(*full);
}

std::optional<SunCrypto::Key> SunCrypto::keyFromBytes(const Bytes& bytes) {
    if (bytes.size() != 16) {
        return std::nullopt;
    }
    Key key{};
    std::copy(bytes.begin(), bytes.end(), key.begin());
    return key;
}

}  // namespace nfcsim
