#include "nfc/reader/CardWrite.h"

#include <memory>
#include <optional>

#include "nfc/cards/KeyFile.h"
#include "nfc/cards/NtagEnroller.h"

namespace nfc {
namespace {

// What a staff member can do about each failure: use another card
// (Unsuitable) or hold this one still and try again (CardMoved).
CardWriteError classify(cards::EnrolmentError error) {
    switch (error) {
        case cards::EnrolmentError::NotNtag:
        case cards::EnrolmentError::Locked:
        case cards::EnrolmentError::TooSmall: return CardWriteError::Unsuitable;
        case cards::EnrolmentError::SigningFailed: return CardWriteError::NoKioskKey;
        case cards::EnrolmentError::Unreadable:
        case cards::EnrolmentError::WriteFailed:
        case cards::EnrolmentError::ReadBackMismatch:
        case cards::EnrolmentError::VerifyFailed: break;
    }
    return CardWriteError::CardMoved;
}

// Written bytes take a few ms per page; a 40-page record well under a second.
constexpr int kWriteTimeoutMs = 300;

}  // namespace

std::uint64_t issuedCardId(std::uint32_t kioskKeyId, std::uint32_t serial) {
    return (static_cast<std::uint64_t>(kioskKeyId) << 32) | serial;
}

CardWritten cardNotInField(const WriteCardRecord& request) {
    CardWritten written;
    written.request = request.request;
    written.uid = request.uid;
    written.error = CardWriteError::NotInField;
    written.detail = "the card to write is not on the reader";
    return written;
}

loyalty::Expected<CardWrite, std::string> cardWriteFromFiles(const CardKeyFiles& files) {
    if (files.kioskKey.empty()) {
        return CardWrite([](const TargetInfo&, CardTransport&, const WriteCardRecord& request) {
            CardWritten written;
            written.request = request.request;
            written.uid = request.uid;
            written.error = CardWriteError::NoKioskKey;
            written.detail = "no kiosk key configured (--kiosk-key): this kiosk cannot issue signed cards";
            return written;
        });
    }
    if (files.headOfficeKey.empty()) {
        return loyalty::unexpected("kiosk key: " + files.kioskKey +
                                   ": needs the head office key file to check its certificate");
    }
    const auto root = cards::KeyFile::headOfficePublicKey(files.headOfficeKey);
    if (!root) {
        return loyalty::unexpected("head office key: " + root.error());
    }
    auto signer = cards::KeyFile::kioskSigner(files.kioskKey);
    if (!signer) {
        return loyalty::unexpected("kiosk key: " + signer.error());
    }
    auto trust = std::make_shared<cards::TrustStore>(*root);
    if (!trust->addCertificate(signer->certificate())) {
        return loyalty::unexpected("kiosk key: " + files.kioskKey +
                                   ": \"certificate\" is not signed by the head office key in " + files.headOfficeKey);
    }
    auto kioskSigner = std::make_shared<const cards::KioskSigner>(std::move(*signer));
    return CardWrite([kioskSigner, trust](const TargetInfo& target, CardTransport& transport,
                                          const WriteCardRecord& request) {
        CardWritten written;
        written.request = request.request;
        written.uid = request.uid;
        cards::NtagEnroller enroller(transport, *kioskSigner, *trust, kWriteTimeoutMs);
        const std::uint64_t cardId = issuedCardId(kioskSigner->certificate().keyId, request.serial);
        auto record = enroller.enrol(target, cardId, request.issuedAt);
        if (record) {
            written.identity = record->identity();
            written.detail = "signed record written and verified";
        } else {
            written.error = classify(record.error().code);
            written.detail = "card not written: " + cards::enrolmentErrorName(record.error().code) +
                             (record.error().detail.empty() ? "" : " (" + record.error().detail + ")");
        }
        return written;
    });
}

}  // namespace nfc
