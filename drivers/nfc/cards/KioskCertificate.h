#pragma once
// A kiosk's certificate: head office's Ed25519 signature over the kiosk's
// key id and public key, so any kiosk can check a card signed by another one
// knowing only head office's public key. Wire form (100 bytes):
//   key id (4, big endian) || kiosk public key (32) || signature (64)
// The signature covers "CR-KIOSK-CERT" || 01 || key id || public key.

#include <cstdint>
#include <optional>

#include "loyalty/Expected.h"
#include "nfc/cards/Ed25519.h"
#include "nfc/cards/ParseError.h"

namespace nfc::cards {

struct KioskCertificate {
    static constexpr std::size_t kSize = 4 + 32 + 64;

    std::uint32_t keyId = 0;
    Ed25519::PublicKey publicKey{};
    Ed25519::Signature signature{};

    static Bytes signedMessage(std::uint32_t keyId, const Ed25519::PublicKey& publicKey);
    // Head office's side (and the demo keys' generator).
    static std::optional<KioskCertificate> issue(const Ed25519::Seed& headOfficeSeed, std::uint32_t keyId,
                                                 const Ed25519::PublicKey& kioskPublicKey);
    bool verify(const Ed25519::PublicKey& headOfficeKey) const;

    Bytes encode() const;
    static loyalty::Expected<KioskCertificate, ParseError> decode(const std::uint8_t* data, std::size_t size);
};

}  // namespace nfc::cards
