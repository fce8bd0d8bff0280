#include "headoffice/TokenHash.h"

#include <openssl/evp.h>
#include <openssl/rand.h>

#include <array>

namespace headoffice {

namespace {

std::string hex(const unsigned char* bytes, std::size_t size) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out;
    out.reserve(size * 2);
    for (std::size_t i = 0; i < size; ++i) {
        out.push_back(kDigits[bytes[i] >> 4]);
        out.push_back(kDigits[bytes[i] & 0x0f]);
    }
    return out;
}

}  // namespace

std::string TokenHash::sha256Hex(std::string_view token) {
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int size = 0;
    if (EVP_Digest(token.data(), token.size(), digest.data(), &size, EVP_sha256(), nullptr) != 1) {
        return std::string();  // matches no stored hash
    }
    return hex(digest.data(), size);
}

std::optional<std::string> TokenHash::newToken() {
    std::array<unsigned char, 32> bytes{};
    if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1) {
        return std::nullopt;
    }
    return hex(bytes.data(), bytes.size());
}

bool TokenHash::isPrintable(std::string_view token) {
    if (token.empty()) {
        return false;
    }
    for (const char c : token) {
        if (c <= ' ' || c > '~') {
            return false;
        }
    }
    return true;
}

std::string TokenHash::fromAuthorization(std::string_view header) {
    constexpr std::string_view kScheme = "Bearer ";
    if (header.size() <= kScheme.size()) {
        return std::string();
    }
    // The scheme is case-insensitive (RFC 7235).
    for (std::size_t i = 0; i < kScheme.size(); ++i) {
        const char a = static_cast<char>(header[i] | 0x20);
        const char b = static_cast<char>(kScheme[i] | 0x20);
        if (a != b) {
            return std::string();
        }
    }
    std::string_view token = header.substr(kScheme.size());
    while (!token.empty() && token.front() == ' ') {
        token.remove_prefix(1);
    }
    while (!token.empty() && token.back() == ' ') {
        token.remove_suffix(1);
    }
    return isPrintable(token) ? std::string(token) : std::string();
}

}  // namespace headoffice
