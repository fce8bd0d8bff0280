// The signed loyalty record: round trip, every tampered byte, copies onto
// another UID, revoked kiosks, forged certificates, the key files.

#include <string>

#include "drivers/nfc/cards/CardTestSupport.h"
#include "nfc/cards/KioskSigner.h"
#include "nfc/cards/NtagEnroller.h"
#include "nfc/cards/TrustStore.h"

#include <CppUTest/TestHarness.h>

using cardtest::hex;
using nfc::Bytes;
using nfc::CardRefusal;
using namespace nfc::cards;

TEST_GROUP(LoyaltyRecord) {
    KioskSigner signer = cardtest::demoKioskSigner();
    TrustStore headOfficeOnly{cardtest::demoHeadOfficeKey()};
    TrustStore withCertificate = cardtest::demoTrustStore();
    Bytes uid = hex("04A1B2C3D4E5F6");

    LoyaltyRecord signedRecord(bool embed) { return *signer.sign(uid, 0x0123456789ABCDEFull, 1767225600ull, embed); }
};

TEST(LoyaltyRecord, RoundTripsThroughItsPayloadAndVerifies) {
    const LoyaltyRecord record = signedRecord(true);
    const Bytes payload = record.encodePayload();
    LONGS_EQUAL(3 + 7 + 8 + 4 + 8 + 64 + 100, payload.size());
    const auto decoded = LoyaltyRecord::decodePayload(payload);
    CHECK(decoded.hasValue());
    CHECK(decoded->encodePayload() == payload);
    const auto verified = headOfficeOnly.verify(*decoded, uid);
    CHECK_TEXT(verified.hasValue(), verified ? "" : verified.error().detail.c_str());
    STRCMP_EQUAL("n:0123456789ABCDEF", verified->identity().c_str());
}

TEST(LoyaltyRecord, ACompactRecordNeedsItsKioskCertificateInTheTrustStore) {
    const LoyaltyRecord record = signedRecord(false);
    LONGS_EQUAL(94, record.encodePayload().size());
    CHECK_EQUAL(CardRefusal::BadSignature, headOfficeOnly.verify(record, uid).error().refusal);
    CHECK(withCertificate.verify(record, uid).hasValue());
}

TEST(LoyaltyRecord, EveryTamperedByteIsRefused) {
    for (const bool embed : {true, false}) {
        const Bytes payload = signedRecord(embed).encodePayload();
        const TrustStore& trust = embed ? headOfficeOnly : withCertificate;
        for (std::size_t i = 0; i < payload.size(); ++i) {
            Bytes tampered = payload;
            tampered[i] = static_cast<std::uint8_t>(tampered[i] ^ 0x01);
            const auto decoded = LoyaltyRecord::decodePayload(tampered);
            if (!decoded) {
                continue;  // version, flags or UID length: does not even decode
            }
            const auto verified = trust.verify(*decoded, uid);
            CHECK_FALSE_TEXT(verified.hasValue(), ("byte " + std::to_string(i)).c_str());
            CHECK_EQUAL_TEXT(CardRefusal::BadSignature, verified.error().refusal, ("byte " + std::to_string(i)).c_str());
        }
    }
}

TEST(LoyaltyRecord, ARecordCopiedToAnotherUidIsABadSignature) {
    const LoyaltyRecord record = signedRecord(true);
    const auto copied = headOfficeOnly.verify(record, hex("04FFFFFFFFFFFF"));
    CHECK_EQUAL(CardRefusal::BadSignature, copied.error().refusal);
    // Even with the record's UID field rewritten to the new card's UID.
    LoyaltyRecord rewritten = record;
    rewritten.uid = hex("04FFFFFFFFFFFF");
    CHECK_EQUAL(CardRefusal::BadSignature, headOfficeOnly.verify(rewritten, hex("04FFFFFFFFFFFF")).error().refusal);
}

TEST(LoyaltyRecord, ARevokedKioskIsRefusedEvenWithAValidSignature) {
    headOfficeOnly.revoke(signer.certificate().keyId);
    CHECK_EQUAL(CardRefusal::RevokedKiosk, headOfficeOnly.verify(signedRecord(true), uid).error().refusal);
    withCertificate.revoke(signer.certificate().keyId);
    CHECK_EQUAL(CardRefusal::RevokedKiosk, withCertificate.verify(signedRecord(false), uid).error().refusal);
}

TEST(LoyaltyRecord, AKioskThatCertifiedItselfIsRefused) {
    // A thief's own key pair and a certificate it signed itself.
    const auto rogueSeed = *Ed25519::generateSeed();
    const auto roguePublic = *Ed25519::publicKeyOf(rogueSeed);
    const auto rogueCertificate = *KioskCertificate::issue(rogueSeed, 77, roguePublic);
    const auto rogue = KioskSigner::create(rogueSeed, rogueCertificate);
    CHECK(rogue.hasValue());
    const auto record = *rogue->sign(uid, 1, 2, true);
    CHECK_EQUAL(CardRefusal::BadSignature, headOfficeOnly.verify(record, uid).error().refusal);
    CHECK_FALSE(headOfficeOnly.addCertificate(rogueCertificate));
    // Another kiosk's certificate pasted next to a rogue signature.
    LoyaltyRecord borrowed = record;
    borrowed.kioskKeyId = signer.certificate().keyId;
    borrowed.certificate = signer.certificate();
    CHECK_EQUAL(CardRefusal::BadSignature, headOfficeOnly.verify(borrowed, uid).error().refusal);
}

TEST(LoyaltyRecord, ASignerRefusesAKeyThatIsNotItsCertificates) {
    const auto otherSeed = *Ed25519::generateSeed();
    CHECK_FALSE(KioskSigner::create(otherSeed, signer.certificate()).hasValue());
}

TEST(LoyaltyRecord, MalformedPayloadsDoNotDecode) {
    const Bytes payload = signedRecord(true).encodePayload();
    for (std::size_t size = 0; size < payload.size(); ++size) {
        CHECK_FALSE(LoyaltyRecord::decodePayload(Bytes(payload.begin(), payload.begin() + static_cast<long>(size))).hasValue());
    }
    Bytes longer = payload;
    longer.push_back(0);
    CHECK_EQUAL(ParseErrorCode::BadLength, LoyaltyRecord::decodePayload(longer).error().code);
    Bytes version = payload;
    version[0] = 2;
    CHECK_EQUAL(ParseErrorCode::Unsupported, LoyaltyRecord::decodePayload(version).error().code);
    Bytes flags = payload;
    flags[1] = 0x03;
    CHECK_EQUAL(ParseErrorCode::BadValue, LoyaltyRecord::decodePayload(flags).error().code);
    Bytes uidLength = payload;
    uidLength[2] = 5;
    CHECK_EQUAL(ParseErrorCode::BadLength, LoyaltyRecord::decodePayload(uidLength).error().code);
}

TEST(LoyaltyRecord, TheTlvImageFitsAnNtag213OnlyWithoutTheCertificate) {
    const std::size_t ntag213 = 36 * 4;
    CHECK(NtagEnroller::tlvImage(signedRecord(false))->size() <= ntag213);
    CHECK(NtagEnroller::tlvImage(signedRecord(true))->size() > ntag213);
    CHECK(NtagEnroller::tlvImage(signedRecord(true))->size() <= 126 * 4);
}

TEST(LoyaltyRecord, IsFoundInAMessageAmongOtherRecords) {
    const auto message = NdefMessage({NdefRecord{Tnf::WellKnown, {'U'}, {}, {0x04, 'x'}}, signedRecord(true).toNdef()});
    const auto found = LoyaltyRecord::findIn(message);
    CHECK(found.hasValue() && found->has_value());
    CHECK_FALSE(LoyaltyRecord::findIn(NdefMessage({NdefRecord{Tnf::WellKnown, {'U'}, {}, {0}}}))->has_value());
}

TEST_GROUP(KeyFile) {};

TEST(KeyFile, TheDemoKeysLoadAndTheCertificateChains) {
    const auto signer = cardtest::demoKioskSigner();
    CHECK(signer.certificate().verify(cardtest::demoHeadOfficeKey()));
    CHECK(Ed25519::publicKeyOf(cardtest::demoHeadOfficeSeed()) == cardtest::demoHeadOfficeKey());
}

TEST(KeyFile, MissingFilesAndFieldsAreNamedButKeysAreNot) {
    const auto missing = KeyFile::kioskSigner("/nonexistent/kiosk.json");
    CHECK_FALSE(missing.hasValue());
    CHECK(missing.error().find("/nonexistent/kiosk.json") != std::string::npos);
    const auto wrongField = KeyFile::headOfficeSeed(cardtest::assetPath("keys/demo-kiosk.json"));
    CHECK(wrongField.hasValue());  // the kiosk file has a secret_seed too: it loads, it is just another key
    CHECK_FALSE(KeyFile::headOfficePublicKey(cardtest::assetPath("cards/ntag213.json")).hasValue());
}
