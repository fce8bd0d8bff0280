#pragma once
// Writes a signed loyalty record onto a blank or reusable NTAG21x at
// enrolment, then reads it back and verifies it as any kiosk would:
//  1. GET_VERSION (NTAG213/215/216 only) and read pages 2-3;
//  2. refuse a card whose capability container is missing or read-only or
//     that has any static or dynamic lock bit set;
//  3. sign the record with the kiosk's key, with the kiosk certificate when
//     it fits (NTAG215/216) and without (compact, NTAG213) otherwise; refuse
//     when not even the compact record fits;
//  4. WRITE the NDEF TLV (and terminator) page by page from page 4;
//  5. read back, compare with what was written, and verify the record with
//     the trust store for this card's UID.
// It overwrites whatever NDEF message the card held: deciding whether a card
// may be re-enrolled is the caller's business.

#include <cstdint>
#include <string>

#include "loyalty/Expected.h"
#include "nfc/CardTransport.h"
#include "nfc/cards/KioskSigner.h"
#include "nfc/cards/NtagReader.h"
#include "nfc/cards/TrustStore.h"

namespace nfc::cards {

enum class EnrolmentError { NotNtag, Unreadable, Locked, TooSmall, SigningFailed, WriteFailed, ReadBackMismatch, VerifyFailed };

struct EnrolmentFailure {
    EnrolmentError code = EnrolmentError::Unreadable;
    std::string detail;
};

std::string enrolmentErrorName(EnrolmentError code);

class NtagEnroller {
public:
    NtagEnroller(CardTransport& transport, const KioskSigner& signer, const TrustStore& trust, int timeoutMs)
        : transport_(transport), signer_(signer), trust_(trust), timeoutMs_(timeoutMs) {}

    loyalty::Expected<LoyaltyRecord, EnrolmentFailure> enrol(const TargetInfo& target, std::uint64_t cardId,
                                                             std::uint64_t issuedAt);

    // The TLV bytes (NDEF TLV + terminator) of a record.
    static std::optional<Bytes> tlvImage(const LoyaltyRecord& record);

private:
    CardTransport& transport_;
    const KioskSigner& signer_;
    const TrustStore& trust_;
    int timeoutMs_;
};

}  // namespace nfc::cards
