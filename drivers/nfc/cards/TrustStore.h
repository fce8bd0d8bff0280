#pragma once
// What a kiosk believes about loyalty records: head office's public key (the
// only root), the kiosk key ids head office revoked, and kiosk certificates
// it has been given (its own, those synced from head office), each checked
// against head office's key before it is kept. A record that carries its
// certificate verifies with the root alone; a compact record (NTAG213 has no
// room for the certificate) needs its kiosk's certificate here.

#include <cstdint>
#include <map>
#include <set>

#include "loyalty/Expected.h"
#include "nfc/cards/CardFailure.h"
#include "nfc/cards/LoyaltyRecord.h"

namespace nfc::cards {

class TrustStore {
public:
    explicit TrustStore(const Ed25519::PublicKey& headOfficeKey) : headOfficeKey_(headOfficeKey) {}

    const Ed25519::PublicKey& headOfficeKey() const { return headOfficeKey_; }
    void revoke(std::uint32_t kioskKeyId) { revoked_.insert(kioskKeyId); }
    bool isRevoked(std::uint32_t kioskKeyId) const { return revoked_.count(kioskKeyId) != 0; }
    // False (and not kept) when head office did not sign it.
    bool addCertificate(const KioskCertificate& certificate);

    // Verifies a record read from a card whose anticollision UID is `uid`:
    // BadSignature (wrong UID, unknown or forged certificate, bad
    // signature) or RevokedKiosk.
    loyalty::Expected<LoyaltyRecord, CardFailure> verify(const LoyaltyRecord& record, const Bytes& uid) const;

private:
    Ed25519::PublicKey headOfficeKey_;
    std::set<std::uint32_t> revoked_;
    std::map<std::uint32_t, KioskCertificate> certificates_;
};

}  // namespace nfc::cards
