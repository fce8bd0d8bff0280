#include "storage/Uuid.h"

#include <sys/random.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace storage {

namespace {

constexpr std::size_t kTextLength = 36;

bool isDashPosition(std::size_t i) { return i == 8 || i == 13 || i == 18 || i == 23; }

int hexValue(char c) {
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

Status fillRandom(std::uint8_t* data, std::size_t size) {
    std::size_t filled = 0;
    while (filled < size) {
        // Blocking mode: waits only until the kernel's pool is first seeded at boot.
        const ssize_t got = getrandom(data + filled, size - filled, 0);
        if (got < 0) {
            if (errno == EINTR) {
                continue;
            }
            return loyalty::unexpected(StorageError{
                ErrorCode::Io, std::string("getrandom failed (") + std::strerror(errno) + "): no event id", 0});
        }
        filled += static_cast<std::size_t>(got);
    }
    return Done{};
}

Result<Uuid::Bytes> randomBytes() {
    Uuid::Bytes bytes{};
    if (auto filled = fillRandom(bytes.data(), bytes.size()); !filled) {
        return loyalty::unexpected(filled.error());
    }
    return bytes;
}

}  // namespace

Result<Uuid> Uuid::random() {
    auto bytes = randomBytes();
    if (!bytes) {
        return loyalty::unexpected(bytes.error());
    }
    return v4FromBytes(*bytes);
}

Result<Uuid> Uuid::timeOrdered(std::int64_t unixMs) {
    auto bytes = randomBytes();
    if (!bytes) {
        return loyalty::unexpected(bytes.error());
    }
    return v7FromBytes(unixMs, *bytes);
}

Result<Uuid> UuidSource::timeOrdered(std::int64_t unixMs) {
    if (used_ + kRandomBytesPerId > pool_.size()) {
        if (auto filled = fillRandom(pool_.data(), pool_.size()); !filled) {
            return loyalty::unexpected(filled.error());
        }
        used_ = 0;
    }
    Uuid::Bytes bytes{};  // bytes 0-5 are the time
    std::copy_n(pool_.begin() + static_cast<std::ptrdiff_t>(used_), kRandomBytesPerId, bytes.begin() + 6);
    std::fill_n(pool_.begin() + static_cast<std::ptrdiff_t>(used_), kRandomBytesPerId, std::uint8_t{0});
    used_ += kRandomBytesPerId;
    return Uuid::v7FromBytes(unixMs, bytes);
}

Uuid Uuid::v7FromBytes(std::int64_t unixMs, Bytes bytes) {
    const auto ms = static_cast<std::uint64_t>(unixMs < 0 ? 0 : unixMs);
    for (std::size_t i = 0; i < 6; ++i) {
        bytes[i] = static_cast<std::uint8_t>(ms >> (8 * (5 - i)));
    }
    bytes[6] = static_cast<std::uint8_t>((bytes[6] & 0x0F) | 0x70);  // version 7
    bytes[8] = static_cast<std::uint8_t>((bytes[8] & 0x3F) | 0x80);  // variant 10xx
    return Uuid(bytes);
}

Uuid Uuid::v4FromBytes(Bytes bytes) {
    bytes[6] = static_cast<std::uint8_t>((bytes[6] & 0x0F) | 0x40);  // version 4
    bytes[8] = static_cast<std::uint8_t>((bytes[8] & 0x3F) | 0x80);  // variant 10xx (RFC 4122)
    return Uuid(bytes);
}

std::optional<Uuid> Uuid::parse(std::string_view text) {
    if (text.size() != kTextLength) {
        return std::nullopt;
    }
    Bytes bytes{};
    std::size_t nibble = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (isDashPosition(i)) {
            if (text[i] != '-') {
                return std::nullopt;
            }
            continue;
        }
        const int value = hexValue(text[i]);
        if (value < 0) {
            return std::nullopt;
        }
        auto& byte = bytes[nibble / 2];
        byte = static_cast<std::uint8_t>(nibble % 2 == 0 ? value << 4 : byte | value);
        ++nibble;
    }
    return Uuid(bytes);
}

bool Uuid::isCanonical(std::string_view text) {
    const auto parsed = parse(text);
    return parsed && parsed->text() == text;
}

std::string Uuid::text() const {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out;
    out.reserve(kTextLength);
    for (std::size_t i = 0; i < bytes_.size(); ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) {
            out.push_back('-');
        }
        out.push_back(kDigits[bytes_[i] >> 4]);
        out.push_back(kDigits[bytes_[i] & 0x0F]);
    }
    return out;
}

}  // namespace storage
