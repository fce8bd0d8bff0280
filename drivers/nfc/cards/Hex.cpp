#include "nfc/cards/Hex.h"

namespace nfc::cards {

namespace {

int digit(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

}  // namespace

std::string Hex::encode(const Bytes& bytes) {
    return encode(bytes.data(), bytes.size());
}

std::string Hex::encode(const std::uint8_t* data, std::size_t size) {
    static constexpr char kDigits[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(size * 2);
    for (std::size_t i = 0; i < size; ++i) {
        out.push_back(kDigits[data[i] >> 4]);
        out.push_back(kDigits[data[i] & 0x0F]);
    }
    return out;
}

std::optional<Bytes> Hex::decode(std::string_view text, std::size_t maxBytes) {
    if (text.size() % 2 != 0 || text.size() / 2 > maxBytes) {
        return std::nullopt;
    }
    Bytes out;
    out.reserve(text.size() / 2);
    for (std::size_t i = 0; i < text.size(); i += 2) {
        const int high = digit(text[i]);
        const int low = digit(text[i + 1]);
        if (high < 0 || low < 0) {
            return std::nullopt;
        }
        out.push_back(static_cast<std::uint8_t>((high << 4) | low));
    }
    return out;
}

std::optional<Bytes> Hex::decodeExact(std::string_view text, std::size_t size) {
    if (text.size() != size * 2) {
        return std::nullopt;
    }
    return decode(text, size);
}

}  // namespace nfc::cards
