#pragma once
// A kiosk's signing key and its certificate: signs loyalty records at
// enrolment. The seed is wiped when the signer is destroyed and never
// leaves this class except through sign().

#include <cstdint>
#include <string>

#include "loyalty/Expected.h"
#include "nfc/cards/LoyaltyRecord.h"

namespace nfc::cards {

class KioskSigner {
public:
    // Fails when the seed's public key is not the certificate's.
    static loyalty::Expected<KioskSigner, std::string> create(const Ed25519::Seed& seed,
                                                              const KioskCertificate& certificate);
    ~KioskSigner();
    KioskSigner(const KioskSigner& other) = default;
    KioskSigner& operator=(const KioskSigner& other) = default;

    const KioskCertificate& certificate() const { return certificate_; }
    // nullopt only if libsodium fails.
    std::optional<LoyaltyRecord> sign(const Bytes& uid, std::uint64_t cardId, std::uint64_t issuedAt,
                                      bool embedCertificate) const;

private:
    KioskSigner(const Ed25519::Seed& seed, const KioskCertificate& certificate)
        : seed_(seed), certificate_(certificate) {}

    Ed25519::Seed seed_;
    KioskCertificate certificate_;
};

}  // namespace nfc::cards
