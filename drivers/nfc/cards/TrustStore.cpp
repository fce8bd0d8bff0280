#include "nfc/cards/TrustStore.h"

namespace nfc::cards {

namespace {

loyalty::Unexpected<CardFailure> refuse(CardRefusal refusal, std::string detail) {
    return loyalty::unexpected(CardFailure{refusal, std::move(detail)});
}

}  // namespace

bool TrustStore::addCertificate(const KioskCertificate& certificate) {
    if (!certificate.verify(headOfficeKey_)) {
        return false;
    }
    certificates_[certificate.keyId] = certificate;
    return true;
}

loyalty::Expected<LoyaltyRecord, CardFailure> TrustStore::verify(const LoyaltyRecord& record, const Bytes& uid) const {
    const std::string kiosk = "kiosk key " + std::to_string(record.kioskKeyId);
    if (isRevoked(record.kioskKeyId)) {
        return refuse(CardRefusal::RevokedKiosk, kiosk + " is revoked");
    }
    const KioskCertificate* certificate = nullptr;
    if (record.certificate) {
        if (record.certificate->keyId != record.kioskKeyId) {
            return refuse(CardRefusal::BadSignature, "certificate is for another kiosk key than the record");
        }
        if (!record.certificate->verify(headOfficeKey_)) {
            return refuse(CardRefusal::BadSignature, kiosk + ": certificate not signed by head office");
        }
        certificate = &*record.certificate;
    } else {
        const auto known = certificates_.find(record.kioskKeyId);
        if (known == certificates_.end()) {
            return refuse(CardRefusal::BadSignature, kiosk + ": no certificate on the card or in the trust store");
        }
        certificate = &known->second;
    }
    // The message is built from the UID the card answered anticollision
    // with, not the one in the record: a copied record fails here even if
    // its own UID field was left untouched.
    const Bytes message = LoyaltyRecord::signedMessage(uid, record.cardId, record.kioskKeyId, record.issuedAt);
    if (!Ed25519::verify(certificate->publicKey, message, record.signature)) {
        return refuse(CardRefusal::BadSignature, "record signature does not verify for this card's UID");
    }
    if (record.uid != uid) {
        return refuse(CardRefusal::BadSignature, "record is bound to another UID");
    }
    return record;
}

}  // namespace nfc::cards
