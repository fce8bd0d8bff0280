#include <variant>

#include "services/DriverMessages.h"

// CppUTest last: its memory-leak macros redefine new.
#include <CppUTest/TestHarness.h>

TEST_GROUP(DriverMessages){};

TEST(DriverMessages, ACardTheReaderAcceptedCarriesItsTokenToTheFlow) {
    nfc::CardPresented presented{"04A1B2C3D4E5F6", nfc::CardKind::Ntag424, loyalty::Assurance::SecureMessaging,
                                 "s:04A1B2C3D4E5F6", nfc::CardRefusal::None, ""};
    const auto tapped = std::get<kiosk::CardTapped>(services::toFlowMessage(nfc::NfcMessage{presented}));
    STRCMP_EQUAL("s:04A1B2C3D4E5F6", tapped.token.c_str());
    STRCMP_EQUAL("04A1B2C3D4E5F6", tapped.uidHex.c_str());
    CHECK_TRUE(tapped.kind == kiosk::CardKind::Ntag424);
    CHECK_TRUE(tapped.assurance == loyalty::Assurance::SecureMessaging);
    CHECK_FALSE(tapped.refusedByReader);
}

TEST(DriverMessages, AForgedOrReplayedCardReachesTheFlowRefusedAndWithoutAToken) {
    for (auto refusal : {nfc::CardRefusal::BadSignature, nfc::CardRefusal::Replayed, nfc::CardRefusal::BadMac,
                         nfc::CardRefusal::Unreadable}) {
        nfc::CardPresented presented{"04A1B2C3D4E5F6", nfc::CardKind::Ntag21x, loyalty::Assurance::Low,
                                     "n:0000000000010001", refusal, "detail"};
        const auto tapped = std::get<kiosk::CardTapped>(services::toFlowMessage(nfc::NfcMessage{presented}));
        CHECK_TRUE(tapped.refusedByReader);
        CHECK_TRUE(tapped.token.empty());
    }
}

TEST(DriverMessages, RemovalAndReaderStatusPassThrough) {
    CHECK_TRUE(std::holds_alternative<kiosk::CardRemoved>(services::toFlowMessage(nfc::NfcMessage{nfc::CardRemoved{}})));
    nfc::ReaderStatus status{nfc::ReaderState::Reopening, "PN532 v1.6", "no answer", "pn532_uart:/dev/pts/3"};
    const auto changed = std::get<kiosk::ReaderStatusChanged>(services::toFlowMessage(nfc::NfcMessage{status}));
    CHECK_TRUE(changed.state == kiosk::ReaderState::Reopening);
    STRCMP_EQUAL("PN532 v1.6", changed.firmware.c_str());
    STRCMP_EQUAL("no answer", changed.lastError.c_str());
    STRCMP_EQUAL("reopening", services::readerStateName(nfc::ReaderState::Reopening));
}

TEST(DriverMessages, SyncStatusKeepsWhatTheScreensShow) {
    kiosksync::SyncStatus status;
    status.online = true;
    status.queueDepth = 12;
    status.oldestUnsentAgeMs = 3400;
    status.lastSuccessAtMs = 1710237600000;
    const auto changed = services::toFlowMessage(status);
    CHECK_TRUE(changed.online);
    LONGS_EQUAL(12, changed.queueDepth);
    LONGS_EQUAL(3400, *changed.oldestUnsentAgeMs);
    LONGS_EQUAL(1710237600000, *changed.lastSuccessAtMs);
}
