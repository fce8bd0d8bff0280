#include "nfc/cards/KioskSigner.h"

namespace nfc::cards {

loyalty::Expected<KioskSigner, std::string> KioskSigner::create(const Ed25519::Seed& seed,
                                                                const KioskCertificate& certificate) {
    const auto publicKey = Ed25519::publicKeyOf(seed);
    if (!publicKey) {
        return loyalty::unexpected(std::string("libsodium is not available"));
    }
    if (*publicKey != certificate.publicKey) {
        return loyalty::unexpected(std::string("the kiosk key does not match its certificate"));
    }
    return KioskSigner(seed, certificate);
}

KioskSigner::~KioskSigner() {
    Ed25519::wipe(seed_.data(), seed_.size());
}

std::optional<LoyaltyRecord> KioskSigner::sign(const Bytes& uid, std::uint64_t cardId, std::uint64_t issuedAt,
                                               bool embedCertificate) const {
    LoyaltyRecord record;
    record.uid = uid;
    record.cardId = cardId;
    record.kioskKeyId = certificate_.keyId;
    record.issuedAt = issuedAt;
    const auto signature = Ed25519::sign(seed_, record.signedMessage());
    if (!signature) {
        return std::nullopt;
    }
    record.signature = *signature;
    if (embedCertificate) {
        record.certificate = certificate_;
    }
    return record;
}

}  // namespace nfc::cards
