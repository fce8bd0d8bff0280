// The card formats end to end through real libnfc and the PN532 simulator on
// a pty: every demo card in assets/cards/, two taps of the NTAG 424 DNA with
// increasing counters, and an enrolment written onto a simulated NTAG then
// read back.

#include <memory>
#include <string>

#include "drivers/nfc/SimulatedReader.h"
#include "drivers/nfc/cards/CardTestSupport.h"
#include "drivers/nfc/cards/LibnfcTransport.h"
#include "nfc/cards/CardIdentifier.h"
#include "nfc/cards/MemorySunCounterStore.h"
#include "nfc/cards/NtagEnroller.h"

#include <CppUTest/TestHarness.h>

using cardtest::LibnfcTransport;
using nfctest::SimulatedReader;
using nfc::CardKind;
using nfc::CardRefusal;
using namespace nfc::cards;

TEST_GROUP(LibnfcCards) {
    nfctest::SimulatedReader reader;
    MemorySunCounterStore counters;
    CardIdentifierConfig config;

    void setup() override {
        config.trust = cardtest::demoTrustStore();
        config.sunKeys = SunKeys{};
        config.counters = &counters;
        CHECK(reader.openAndInit());
    }

    // A card from assets/cards/ brought to the reader (again: it left the
    // field first, as a customer's second tap does).
    nfc::CardPresented tap(const std::shared_ptr<nfcsim::VirtualCard>& card) {
        reader.simulator().remove();
        reader.simulator().present(card);
        const auto target = reader.nfc().select();
        if (!target) {
            FAIL("no card selected");
        }
        LibnfcTransport transport(reader.nfc());
        auto presented = CardIdentifier(config).identify(LibnfcTransport::targetInfo(*target), transport);
        reader.nfc().deselect();
        return presented;
    }
};

TEST(LibnfcCards, TheUidOnlyClassic) {
    const auto presented = tap(SimulatedReader::card("mifare-classic-uid.json"));
    CHECK_EQUAL_TEXT(CardRefusal::None, presented.refusal, presented.detail.c_str());
    CHECK(presented.kind == CardKind::UidOnly);
    STRCMP_EQUAL("u:A1B2C3D4", presented.identity.c_str());
}

TEST(LibnfcCards, TheNtag213WithoutARecord) {
    const auto presented = tap(SimulatedReader::card("ntag213.json"));
    CHECK_EQUAL_TEXT(CardRefusal::None, presented.refusal, presented.detail.c_str());
    CHECK(presented.kind == CardKind::Ntag21x);
    CHECK(presented.assurance == loyalty::Assurance::Low);
    STRCMP_EQUAL("u:04A1B2C3D4E5F6", presented.identity.c_str());
}

TEST(LibnfcCards, TheEnrolledNtag213And215) {
    const auto compact = tap(SimulatedReader::card("ntag213-enrolled.json"));
    CHECK_EQUAL_TEXT(CardRefusal::None, compact.refusal, compact.detail.c_str());
    CHECK(compact.assurance == loyalty::Assurance::Signed);
    STRCMP_EQUAL("n:0000000000010001", compact.identity.c_str());
    config.trust = TrustStore(cardtest::demoHeadOfficeKey());
    const auto full = tap(SimulatedReader::card("ntag215-enrolled.json"));
    CHECK_EQUAL_TEXT(CardRefusal::None, full.refusal, full.detail.c_str());
    STRCMP_EQUAL("n:0000000000010002", full.identity.c_str());
}

TEST(LibnfcCards, TheNtag424GivesIncreasingCountersThatBothVerify) {
    const auto card = SimulatedReader::card("ntag424-sun.json");
    const auto first = tap(card);
    CHECK_EQUAL_TEXT(CardRefusal::None, first.refusal, first.detail.c_str());
    CHECK(first.assurance == loyalty::Assurance::SecureMessaging);
    STRCMP_EQUAL("s:04DE5F1EACC040", first.identity.c_str());
    LONGS_EQUAL(61, *counters.last("04DE5F1EACC040"));
    const auto second = tap(card);
    CHECK_EQUAL_TEXT(CardRefusal::None, second.refusal, second.detail.c_str());
    LONGS_EQUAL(62, *counters.last("04DE5F1EACC040"));
}

TEST(LibnfcCards, TheDiversifiedNtag424) {
    config.sunKeys = *KeyFile::sunKeys(cardtest::assetPath("keys/demo-sun.json"));
    const auto presented = tap(SimulatedReader::card("ntag424-sun-diversified.json"));
    CHECK_EQUAL_TEXT(CardRefusal::None, presented.refusal, presented.detail.c_str());
    STRCMP_EQUAL("s:0424D0A1B2C3D4", presented.identity.c_str());
}

TEST(LibnfcCards, EnrolmentWritesOntoTheSimulatedNtagAndReadsBack) {
    const auto card = SimulatedReader::card("ntag215.json");
    reader.simulator().present(card);
    const auto target = reader.nfc().select();
    CHECK(target.has_value());
    LibnfcTransport transport(reader.nfc());
    const KioskSigner signer = cardtest::demoKioskSigner();
    const TrustStore headOffice(cardtest::demoHeadOfficeKey());
    const auto record =
        NtagEnroller(transport, signer, headOffice, 200).enrol(LibnfcTransport::targetInfo(*target), 0xC0FFEE, 1767225600);
    CHECK_TEXT(record.hasValue(), record ? "" : record.error().detail.c_str());
    reader.nfc().deselect();
    // A fresh tap of the same card: signed, verifiable with head office's key alone.
    config.trust = headOffice;
    const auto presented = tap(card);
    CHECK_EQUAL_TEXT(CardRefusal::None, presented.refusal, presented.detail.c_str());
    STRCMP_EQUAL("n:0000000000C0FFEE", presented.identity.c_str());
}

TEST(LibnfcCards, EnrolmentOnAnNtag213WritesTheCompactRecord) {
    const auto card = SimulatedReader::card("ntag213.json");
    reader.simulator().present(card);
    const auto target = reader.nfc().select();
    CHECK(target.has_value());
    LibnfcTransport transport(reader.nfc());
    const auto record = NtagEnroller(transport, cardtest::demoKioskSigner(), *config.trust, 200)
                            .enrol(LibnfcTransport::targetInfo(*target), 7, 1767225600);
    CHECK_TEXT(record.hasValue(), record ? "" : record.error().detail.c_str());
    CHECK_FALSE(record->certificate.has_value());
    reader.nfc().deselect();
    STRCMP_EQUAL("n:0000000000000007", tap(card).identity.c_str());
}
