#include "nfc/cards/KioskCertificate.h"

#include <algorithm>
#include <string_view>

namespace nfc::cards {

namespace {

constexpr std::string_view kMagic = "CR-KIOSK-CERT";
constexpr std::uint8_t kVersion = 0x01;

void putKeyId(Bytes& out, std::uint32_t keyId) {
    for (int shift = 24; shift >= 0; shift -= 8) {
        out.push_back(static_cast<std::uint8_t>((keyId >> shift) & 0xFF));
    }
}

}  // namespace

Bytes KioskCertificate::signedMessage(std::uint32_t keyId, const Ed25519::PublicKey& publicKey) {
    Bytes message(kMagic.begin(), kMagic.end());
    message.push_back(kVersion);
    putKeyId(message, keyId);
    message.insert(message.end(), publicKey.begin(), publicKey.end());
    return message;
}

std::optional<KioskCertificate> KioskCertificate::issue(const Ed25519::Seed& headOfficeSeed, std::uint32_t keyId,
                                                        const Ed25519::PublicKey& kioskPublicKey) {
    const auto signature = Ed25519::sign(headOfficeSeed, signedMessage(keyId, kioskPublicKey));
    if (!signature) {
        return std::nullopt;
    }
    return KioskCertificate{keyId, kioskPublicKey, *signature};
}

bool KioskCertificate::verify(const Ed25519::PublicKey& headOfficeKey) const {
    return Ed25519::verify(headOfficeKey, signedMessage(keyId, publicKey), signature);
}

Bytes KioskCertificate::encode() const {
    Bytes out;
    out.reserve(kSize);
    putKeyId(out, keyId);
    out.insert(out.end(), publicKey.begin(), publicKey.end());
    out.insert(out.end(), signature.begin(), signature.end());
    return out;
}

loyalty::Expected<KioskCertificate, ParseError> KioskCertificate::decode(const std::uint8_t* data, std::size_t size) {
    if (size != kSize) {
        return loyalty::unexpected(ParseError{ParseErrorCode::BadLength, 0, "kiosk certificate is not 100 bytes"});
    }
    KioskCertificate certificate;
    certificate.keyId = (static_cast<std::uint32_t>(data[0]) << 24) | (static_cast<std::uint32_t>(data[1]) << 16) |
                        (static_cast<std::uint32_t>(data[2]) << 8) | data[3];
    std::copy_n(data + 4, 32, certificate.publicKey.begin());
    std::copy_n(data + 36, 64, certificate.signature.begin());
    return certificate;
}

}  // namespace nfc::cards
