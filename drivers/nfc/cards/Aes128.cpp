#include "nfc/cards/Aes128.h"

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/params.h>

#include <algorithm>
#include <memory>

namespace nfc::cards {

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

std::optional<Aes128::Block> block(const Aes128::Key& key, const Aes128::Block& in, bool encrypt) {
    std::unique_ptr<EVP_CIPHER_CTX, CipherContextFree> context(EVP_CIPHER_CTX_new());
    if (!context ||
        EVP_CipherInit_ex(context.get(), EVP_aes_128_ecb(), nullptr, key.data(), nullptr, encrypt ? 1 : 0) != 1 ||
        EVP_CIPHER_CTX_set_padding(context.get(), 0) != 1) {
        return std::nullopt;
    }
    std::array<std::uint8_t, 32> out{};
    int written = 0;
    int finalWritten = 0;
    if (EVP_CipherUpdate(context.get(), out.data(), &written, in.data(), 16) != 1 ||
        EVP_CipherFinal_ex(context.get(), out.data() + written, &finalWritten) != 1 || written + finalWritten != 16) {
        return std::nullopt;
    }
    Aes128::Block result{};
    std::copy_n(out.begin(), 16, result.begin());
    OPENSSL_cleanse(out.data(), out.size());
    return result;
}

}  // namespace

std::optional<Aes128::Block> Aes128::encryptBlock(const Key& key, const Block& in) {
    return block(key, in, true);
}

std::optional<Aes128::Block> Aes128::decryptBlock(const Key& key, const Block& in) {
    return block(key, in, false);
}

std::optional<Aes128::Block> Aes128::cmac(const Key& key, const std::uint8_t* data, std::size_t size) {
    std::unique_ptr<EVP_MAC, MacFree> mac(EVP_MAC_fetch(nullptr, "CMAC", nullptr));
    if (!mac) {
        return std::nullopt;
    }
    std::unique_ptr<EVP_MAC_CTX, MacContextFree> context(EVP_MAC_CTX_new(mac.get()));
    char cipher[] = "AES-128-CBC";
    const OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_CIPHER, cipher, 0),
                                 OSSL_PARAM_construct_end()};
    static const std::uint8_t kNothing = 0;
    if (!context || EVP_MAC_init(context.get(), key.data(), key.size(), params) != 1 ||
        EVP_MAC_update(context.get(), size == 0 ? &kNothing : data, size) != 1) {
        return std::nullopt;
    }
    Block out{};
    std::size_t written = 0;
    if (EVP_MAC_final(context.get(), out.data(), &written, out.size()) != 1 || written != out.size()) {
        return std::nullopt;
    }
    return out;
}

bool Aes128::equalConstantTime(const std::uint8_t* a, const std::uint8_t* b, std::size_t size) {
    return CRYPTO_memcmp(a, b, size) == 0;
}

void Aes128::wipe(void* data, std::size_t size) {
    OPENSSL_cleanse(data, size);
}

}  // namespace nfc::cards
