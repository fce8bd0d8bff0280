#pragma once
// The loyalty record on an NTAG21x: an NDEF external-type record
// "cornerrewards.example:card" whose payload binds a card id to the card's
// UID, signed with the issuing kiosk's Ed25519 key (docs/cards.md has the
// layout byte by byte):
//
//   0      version (01)
//   1      flags: bit 0 = kiosk certificate included; other bits 0
//   2      UID length n (4, 7 or 10)
//   3      UID (n)
//   3+n    card id (8, big endian)
//   11+n   kiosk key id (4, big endian)
//   15+n   issue time (8, big endian, Unix seconds)
//   23+n   Ed25519 signature (64) by the kiosk key
//   87+n   [kiosk certificate (100), when flag bit 0]
//
// The signature covers "CR-LOYALTY-CARD" || 01 || n || UID || card id ||
// key id || issue time. The verifier builds that message with the UID read
// by anticollision, so a record copied onto another card does not verify.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "loyalty/Expected.h"
#include "nfc/cards/KioskCertificate.h"
#include "nfc/cards/NdefMessage.h"

namespace nfc::cards {

struct LoyaltyRecord {
    static constexpr std::string_view kType = "cornerrewards.example:card";
    static constexpr std::uint8_t kVersion = 0x01;
    static constexpr std::uint8_t kFlagCertificate = 0x01;

    Bytes uid;
    std::uint64_t cardId = 0;
    std::uint32_t kioskKeyId = 0;
    std::uint64_t issuedAt = 0;
    Ed25519::Signature signature{};
    std::optional<KioskCertificate> certificate;

    static Bytes signedMessage(const Bytes& uid, std::uint64_t cardId, std::uint32_t kioskKeyId,
                               std::uint64_t issuedAt);
    Bytes signedMessage() const { return signedMessage(uid, cardId, kioskKeyId, issuedAt); }

    Bytes encodePayload() const;
    static loyalty::Expected<LoyaltyRecord, ParseError> decodePayload(const Bytes& payload);

    NdefRecord toNdef() const;
    // The loyalty record of a message: nullopt when there is none, an error
    // when there is one that does not decode.
    static loyalty::Expected<std::optional<LoyaltyRecord>, ParseError> findIn(const NdefMessage& message);

    // "n:" + the card id as 16 upper-case hex digits: the storage token.
    std::string identity() const;
    static std::string identityOf(std::uint64_t cardId);
};

}  // namespace nfc::cards
