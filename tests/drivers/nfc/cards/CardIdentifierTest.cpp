// CardIdentifier and NtagEnroller against the simulator's virtual cards
// directly (no PN532): every demo card, cards that leave mid-read, locked
// and too-small cards, forged and copied records.

#include <memory>
#include <string>

#include "drivers/nfc/cards/CardTestSupport.h"
#include "drivers/nfc/cards/VirtualCardTransport.h"
#include "nfc/cards/CardIdentifier.h"
#include "nfc/cards/MemorySunCounterStore.h"
#include "nfc/cards/NtagEnroller.h"
#include "nfc/sim/CardFile.h"
#include "nfc/sim/NtagCard.h"

#include <CppUTest/TestHarness.h>

using cardtest::hex;
using cardtest::VirtualCardTransport;
using nfc::CardKind;
using nfc::CardRefusal;
using namespace nfc::cards;

namespace {

std::shared_ptr<nfcsim::VirtualCard> card(const std::string& name) {
    auto loaded = nfcsim::CardFile::load(cardtest::assetPath("cards/" + name));
    if (!loaded) {
        FAIL(loaded.error().c_str());
    }
    return *loaded;
}

std::shared_ptr<nfcsim::VirtualCard> blankNtag(const std::string& kind, const nfc::Bytes& uid) {
    const auto model = *nfcsim::NtagModel::byKind(kind);
    return std::make_shared<nfcsim::NtagCard>(model, nfcsim::NtagCard::factoryMemory(model, uid, {}), nfc::Bytes{});
}

}  // namespace

TEST_GROUP(CardIdentifier) {
    MemorySunCounterStore counters;
    CardIdentifierConfig config;

    void setup() override {
        config.trust = cardtest::demoTrustStore();
        config.sunKeys = SunKeys{};
        config.counters = &counters;
    }

    nfc::CardPresented identify(const std::shared_ptr<nfcsim::VirtualCard>& virtualCard) {
        VirtualCardTransport transport(virtualCard);
        return CardIdentifier(config).identify(transport.target(), transport);
    }
};

TEST(CardIdentifier, AMifareClassicIsUidOnlyAndLowAssurance) {
    const auto presented = identify(card("mifare-classic-uid.json"));
    CHECK_EQUAL(CardRefusal::None, presented.refusal);
    CHECK(presented.kind == CardKind::UidOnly);
    CHECK(presented.assurance == loyalty::Assurance::Low);
    STRCMP_EQUAL("u:A1B2C3D4", presented.identity.c_str());
}

TEST(CardIdentifier, UidOnlyCardsCanBeRefusedByConfiguration) {
    config.acceptUidOnly = false;
    const auto presented = identify(card("mifare-classic-uid.json"));
    CHECK_EQUAL(CardRefusal::UnknownFormat, presented.refusal);
    CHECK(presented.identity.empty());
    CHECK_EQUAL(CardRefusal::UnknownFormat, identify(card("ntag213.json")).refusal);
}

TEST(CardIdentifier, AnNtagWithoutALoyaltyRecordIsUidOnly) {
    const auto presented = identify(card("ntag216.json"));
    CHECK_EQUAL(CardRefusal::None, presented.refusal);
    CHECK(presented.kind == CardKind::Ntag21x);
    CHECK(presented.assurance == loyalty::Assurance::Low);
    STRCMP_EQUAL("u:04C1D2E3F40617", presented.identity.c_str());
}

TEST(CardIdentifier, TheEnrolledDemoCardsAreSigned) {
    const auto compact = identify(card("ntag213-enrolled.json"));
    CHECK_EQUAL_TEXT(CardRefusal::None, compact.refusal, compact.detail.c_str());
    CHECK(compact.assurance == loyalty::Assurance::Signed);
    STRCMP_EQUAL("n:0000000000010001", compact.identity.c_str());
    config.trust = TrustStore(cardtest::demoHeadOfficeKey());  // head office's key alone
    const auto withCertificate = identify(card("ntag215-enrolled.json"));
    CHECK_EQUAL_TEXT(CardRefusal::None, withCertificate.refusal, withCertificate.detail.c_str());
    STRCMP_EQUAL("n:0000000000010002", withCertificate.identity.c_str());
    CHECK_EQUAL(CardRefusal::BadSignature, identify(card("ntag213-enrolled.json")).refusal);
}

TEST(CardIdentifier, ARevokedKioskKeyRefusesItsCards) {
    config.trust->revoke(1);
    const auto presented = identify(card("ntag213-enrolled.json"));
    CHECK_EQUAL(CardRefusal::RevokedKiosk, presented.refusal);
    CHECK(presented.identity.empty());
}

TEST(CardIdentifier, TheAn12196CardIsSecureMessagingAndItsReplayIsRefused) {
    const auto sun = card("ntag424-sun.json");
    const auto first = identify(sun);
    CHECK_EQUAL_TEXT(CardRefusal::None, first.refusal, first.detail.c_str());
    CHECK(first.kind == CardKind::Ntag424);
    CHECK(first.assurance == loyalty::Assurance::SecureMessaging);
    STRCMP_EQUAL("s:04DE5F1EACC040", first.identity.c_str());
    LONGS_EQUAL(61, *counters.last("04DE5F1EACC040"));
    CHECK_EQUAL(CardRefusal::None, identify(sun).refusal);  // next tap, counter 62
    counters.setLast("04DE5F1EACC040", 100);
    CHECK_EQUAL(CardRefusal::Replayed, identify(sun).refusal);
}

TEST(CardIdentifier, TheDiversifiedDemoCardNeedsItsMasterKey) {
    CHECK_EQUAL(CardRefusal::BadMac, identify(card("ntag424-sun-diversified.json")).refusal);
    auto keys = KeyFile::sunKeys(cardtest::assetPath("keys/demo-sun.json"));
    CHECK(keys.hasValue());
    config.sunKeys = *keys;
    const auto presented = identify(card("ntag424-sun-diversified.json"));
    CHECK_EQUAL_TEXT(CardRefusal::None, presented.refusal, presented.detail.c_str());
    STRCMP_EQUAL("s:0424D0A1B2C3D4", presented.identity.c_str());
}

TEST(CardIdentifier, A424WithoutKeysIsRefused) {
    config.sunKeys.reset();
    CHECK_EQUAL(CardRefusal::UnknownFormat, identify(card("ntag424-sun.json")).refusal);
}

TEST(CardIdentifier, ACardThatLeavesMidReadIsUnreadable) {
    for (int failAt = 0; failAt < 4; ++failAt) {
        for (const char* name : {"ntag213-enrolled.json", "ntag215-enrolled.json", "ntag424-sun.json"}) {
            VirtualCardTransport transport(card(name));
            transport.failFrom(failAt);
            const auto presented = CardIdentifier(config).identify(transport.target(), transport);
            if (transport.commands() > failAt) {
                CHECK_EQUAL_TEXT(CardRefusal::Unreadable, presented.refusal, name);
                CHECK(presented.identity.empty());
            }
        }
    }
}

TEST(CardIdentifier, AForgedRecordIsNeverDowngradedToUidOnly) {
    // Copy the enrolled NTAG213's memory onto a blank card with another UID.
    auto original = card("ntag213-enrolled.json");
    VirtualCardTransport reader(original);
    const auto pages = *NtagReader(reader, 100).readPages(4, 0x27);
    const nfc::Bytes otherUid = hex("04AABBCCDDEEFF");
    const auto model = *nfcsim::NtagModel::byKind("ntag213");
    auto copy = std::make_shared<nfcsim::NtagCard>(model, nfcsim::NtagCard::factoryMemory(model, otherUid, pages),
                                                   nfc::Bytes{});
    const auto presented = identify(copy);
    CHECK_EQUAL(CardRefusal::BadSignature, presented.refusal);
    CHECK(presented.identity.empty());
}

TEST_GROUP(NtagEnroller) {
    KioskSigner signer = cardtest::demoKioskSigner();
    TrustStore trust = cardtest::demoTrustStore();
};

TEST(NtagEnroller, WritesAVerifiedRecordOnEachNtagSize) {
    for (const char* kind : {"ntag213", "ntag215", "ntag216"}) {
        auto blank = blankNtag(kind, hex("04010203040506"));
        VirtualCardTransport transport(blank);
        const auto record = NtagEnroller(transport, signer, trust, 100).enrol(transport.target(), 42, 1767225600);
        CHECK_TEXT(record.hasValue(), record ? kind : record.error().detail.c_str());
        CHECK_EQUAL(std::string(kind) != "ntag213", record->certificate.has_value());
        MemorySunCounterStore counters;
        CardIdentifierConfig config;
        config.trust = trust;
        VirtualCardTransport again(blank);
        const auto presented = CardIdentifier(config).identify(again.target(), again);
        STRCMP_EQUAL("n:000000000000002A", presented.identity.c_str());
    }
}

TEST(NtagEnroller, RefusesALockedCard) {
    auto blank = blankNtag("ntag213", hex("04010203040506"));
    VirtualCardTransport transport(blank);
    CHECK(NtagReader(transport, 100).writePage(2, {0, 0, 0x10, 0x00}).hasValue());  // lock page 4
    const auto result = NtagEnroller(transport, signer, trust, 100).enrol(transport.target(), 1, 2);
    CHECK(result.error().code == EnrolmentError::Locked);
}

TEST(NtagEnroller, RefusesAReadOnlyCapabilityContainer) {
    const auto model = *nfcsim::NtagModel::byKind("ntag213");
    auto memory = nfcsim::NtagCard::factoryMemory(model, hex("04010203040506"), {});
    memory[15] = 0x0F;  // CC byte 3: no write access
    VirtualCardTransport transport(std::make_shared<nfcsim::NtagCard>(model, memory, nfc::Bytes{}));
    CHECK(NtagEnroller(transport, signer, trust, 100).enrol(transport.target(), 1, 2).error().code ==
          EnrolmentError::Locked);
}

TEST(NtagEnroller, RefusesACardTooSmallForTheRecord) {
    const auto model = *nfcsim::NtagModel::byKind("ntag213");
    auto memory = nfcsim::NtagCard::factoryMemory(model, hex("04010203040506"), {});
    memory[14] = 0x0A;  // CC declares an 80-byte data area
    VirtualCardTransport transport(std::make_shared<nfcsim::NtagCard>(model, memory, nfc::Bytes{}));
    CHECK(NtagEnroller(transport, signer, trust, 100).enrol(transport.target(), 1, 2).error().code ==
          EnrolmentError::TooSmall);
}

TEST(NtagEnroller, ReportsACardThatLeavesWhileWriting) {
    VirtualCardTransport transport(blankNtag("ntag213", hex("04010203040506")));
    transport.failFrom(6);
    CHECK(NtagEnroller(transport, signer, trust, 100).enrol(transport.target(), 1, 2).error().code ==
          EnrolmentError::WriteFailed);
}

TEST(NtagEnroller, RefusesACardThatIsNotAnNtag) {
    VirtualCardTransport transport(card("mifare-classic-uid.json"));
    CHECK(NtagEnroller(transport, signer, trust, 100).enrol(transport.target(), 1, 2).error().code ==
          EnrolmentError::NotNtag);
}
