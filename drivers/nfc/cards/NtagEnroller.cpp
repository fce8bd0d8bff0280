#include "nfc/cards/NtagEnroller.h"

#include <algorithm>

#include "nfc/cards/Type2Tlv.h"

namespace nfc::cards {

namespace {

loyalty::Unexpected<EnrolmentFailure> fail(EnrolmentError code, std::string detail) {
    return loyalty::unexpected(EnrolmentFailure{code, std::move(detail)});
}

}  // namespace

std::string enrolmentErrorName(EnrolmentError code) {
    switch (code) {
        case EnrolmentError::NotNtag:
            return "not an NTAG213/215/216";
        case EnrolmentError::Unreadable:
            return "unreadable";
        case EnrolmentError::Locked:
            return "locked";
        case EnrolmentError::TooSmall:
            return "too small";
        case EnrolmentError::SigningFailed:
            return "signing failed";
        case EnrolmentError::WriteFailed:
            return "write failed";
        case EnrolmentError::ReadBackMismatch:
            return "read-back mismatch";
        case EnrolmentError::VerifyFailed:
            return "read-back does not verify";
    }
    return "unknown";
}

std::optional<Bytes> NtagEnroller::tlvImage(const LoyaltyRecord& record) {
    const auto message = NdefMessage({record.toNdef()}).encode();
    if (!message) {
        return std::nullopt;
    }
    return Type2Tlv::encodeNdef(*message);
}

loyalty::Expected<LoyaltyRecord, EnrolmentFailure> NtagEnroller::enrol(const TargetInfo& target, std::uint64_t cardId,
                                                                       std::uint64_t issuedAt) {
    NtagReader reader(transport_, timeoutMs_);
    const auto model = reader.detect();
    if (!model) {
        return fail(model.error().refusal == CardRefusal::Unreadable ? EnrolmentError::Unreadable : EnrolmentError::NotNtag,
                    model.error().detail);
    }
    const auto header = reader.readPages(2, 3);
    const auto dynamicLock = reader.readPages(model->dynamicLockPage, model->dynamicLockPage);
    if (!header || !dynamicLock) {
        return fail(EnrolmentError::Unreadable, header ? dynamicLock.error().detail : header.error().detail);
    }
    const Bytes& h = *header;
    if (h[4] != 0xE1 || (h[5] & 0xF0) != 0x10) {
        return fail(EnrolmentError::NotNtag, "no NFC Forum Type 2 capability container");
    }
    if (h[7] != 0x00) {
        return fail(EnrolmentError::Locked, "capability container says read-only");
    }
    if ((h[2] & 0xF8) != 0 || h[3] != 0 || (*dynamicLock)[0] != 0 || (*dynamicLock)[1] != 0 || (*dynamicLock)[2] != 0) {
        return fail(EnrolmentError::Locked, "lock bits are set");
    }
    const std::size_t area = std::min(static_cast<std::size_t>(h[6]) * 8, model->userBytes());

    std::optional<LoyaltyRecord> record;
    std::optional<Bytes> image;
    for (const bool withCertificate : {true, false}) {
        record = signer_.sign(target.uid, cardId, issuedAt, withCertificate);
        if (!record) {
            return fail(EnrolmentError::SigningFailed, "libsodium could not sign");
        }
        image = tlvImage(*record);
        if (image && image->size() <= area) {
            break;
        }
        image.reset();
    }
    if (!image) {
        return fail(EnrolmentError::TooSmall, model->name + " data area of " + std::to_string(area) +
                                                  " bytes cannot hold the loyalty record");
    }
    Bytes padded = *image;
    padded.resize((padded.size() + 3) / 4 * 4, 0x00);
    for (std::size_t i = 0; i < padded.size(); i += 4) {
        const auto page = static_cast<std::uint16_t>(NtagReader::kFirstUserPage + i / 4);
        const auto written = reader.writePage(page, {padded[i], padded[i + 1], padded[i + 2], padded[i + 3]});
        if (!written) {
            return fail(EnrolmentError::WriteFailed, written.error().detail);
        }
    }

    const auto content = reader.readNdefArea(*model);
    if (!content) {
        return fail(EnrolmentError::Unreadable, "read-back: " + content.error().detail);
    }
    if (content->user.size() < padded.size() ||
        !std::equal(padded.begin(), padded.end(), content->user.begin())) {
        return fail(EnrolmentError::ReadBackMismatch, "the card does not hold what was written");
    }
    if (!content->ndef) {
        return fail(EnrolmentError::ReadBackMismatch, "no NDEF message after writing");
    }
    const auto message = NdefMessage::parse(*content->ndef);
    if (!message) {
        return fail(EnrolmentError::ReadBackMismatch, "read-back NDEF: " + message.error().message);
    }
    const auto found = LoyaltyRecord::findIn(*message);
    if (!found || !*found) {
        return fail(EnrolmentError::ReadBackMismatch, "read-back has no loyalty record");
    }
    auto verified = trust_.verify(**found, target.uid);
    if (!verified) {
        return fail(EnrolmentError::VerifyFailed, verified.error().detail);
    }
    return *verified;
}

}  // namespace nfc::cards
