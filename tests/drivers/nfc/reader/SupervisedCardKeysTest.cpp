// The kiosk-nfc-worker with the DEMO card keys (assets/keys/) and a SUN
// counter file, supervised from here, against the PN532 simulator: signed
// NTAG21x and NTAG 424 DNA cards are believed, a clone and a replayed SUN
// read are not (also after the kiosk restarts), and a key file that does
// not load is a reason the kiosk can show, not a restart loop.

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <chrono>
#include <memory>
#include <string>
#include <thread>

#include "drivers/nfc/reader/MessageLog.h"
#include "drivers/nfc/reader/SimulatorRig.h"
#include "nfc/reader/CardWrite.h"
#include "nfc/reader/SupervisedCardReader.h"
#include "nfc/reader/WorkerProcess.h"
#include "nfc/sim/CardFile.h"
#include "nfc/sim/Ntag424Card.h"
#include "nfc/sim/NtagCard.h"
#include "support/ChildProcess.h"
#include "support/FileBytes.h"
#include "support/TempDir.h"

#include <CppUTest/TestHarness.h>

using nfc::CardPresented;
using nfc::CardRefusal;
using nfc::ReaderState;
using nfctest::MessageLog;
using nfctest::SimulatorRig;
using testsupport::FileBytes;

namespace {

const char* refusalName(CardRefusal refusal) {
    switch (refusal) {
        case CardRefusal::None: return "None";
        case CardRefusal::Unreadable: return "Unreadable";
        case CardRefusal::UnknownFormat: return "UnknownFormat";
        case CardRefusal::BadSignature: return "BadSignature";
        case CardRefusal::RevokedKiosk: return "RevokedKiosk";
        case CardRefusal::BadMac: return "BadMac";
        case CardRefusal::Replayed: return "Replayed";
    }
    return "?";
}

// The refusal, with the reader's detail when it is not the expected one.
#define CHECK_REFUSAL(expected, card)                                                        \
    do {                                                                                     \
        const CardPresented& presented_ = (card);                                            \
        STRCMP_EQUAL_TEXT(refusalName(expected), refusalName(presented_.refusal), presented_.detail.c_str()); \
    } while (false)

std::string key(const std::string& name) {
    return std::string(KIOSK_SOURCE_ASSETS) + "/keys/" + name;
}

// ntag213-enrolled.json's pages on a blank NTAG213 with another UID: what a
// card copier produces.
std::shared_ptr<nfcsim::VirtualCard> cloneOfEnrolledNtag213() {
    const auto original = std::dynamic_pointer_cast<nfcsim::NtagCard>(SimulatorRig::card("ntag213-enrolled.json"));
    CHECK(original != nullptr);
    const auto model = original->model();
    const nfc::Bytes otherUid{0x04, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66};
    nfc::Bytes memory = original->memory();
    const nfc::Bytes blank = nfcsim::NtagCard::factoryMemory(model, otherUid, {});
    std::copy(blank.begin(), blank.begin() + 9, memory.begin());  // UID and its check bytes (pages 0-2)
    return std::make_shared<nfcsim::NtagCard>(model, memory, nfc::Bytes{});
}

}  // namespace

TEST_GROUP(SupervisedCardKeys) {
    SimulatorRig rig;
    MessageLog log;
    testsupport::TempDir dir{"nfc-keys-test"};
    std::unique_ptr<nfc::SupervisedCardReader> reader;

    nfc::SupervisorOptions options() {
        nfc::SupervisorOptions options;
        options.workerPath = KIOSK_NFC_WORKER;
        options.reader = rig.options();
        options.restartInitial = std::chrono::milliseconds(100);
        options.restartMax = std::chrono::milliseconds(400);
        options.cards.headOfficeKey = key("demo-head-office.json");
        options.cards.kioskKey = key("demo-kiosk.json");
        options.cards.sunKeys = key("demo-sun.json");
        options.cards.sunCounters = dir.file("sun-counters");
        return options;
    }

    void startReader(const nfc::SupervisorOptions& opts) {
        reader = std::make_unique<nfc::SupervisedCardReader>(opts);
        reader->start(log.sink());
        CHECK_TRUE_TEXT(log.waitForState(ReaderState::Ready, 5000).has_value(), log.statuses().c_str());
    }

    // Presents the card, waits for what the reader made of it, takes it away.
    CardPresented tap(const std::shared_ptr<nfcsim::VirtualCard>& card) {
        const auto mark = log.size();
        rig.simulator().present(card);
        const auto presented = log.waitForCard(5000, mark);
        CHECK_TRUE_TEXT(presented.has_value(), log.statuses(mark).c_str());
        rig.remove();
        CHECK_TRUE(log.waitForRemoval(5000, *presented).has_value());
        return std::get<CardPresented>(log.at(*presented).message);
    }

    // The worker never gets to Ready; the kiosk sees Unavailable and why.
    nfc::ReaderStatus refusedConfiguration(const nfc::SupervisorOptions& opts) {
        reader = std::make_unique<nfc::SupervisedCardReader>(opts);
        reader->start(log.sink());
        const auto down = log.waitFor(
            [](const nfc::NfcMessage& m) {
                const auto* s = std::get_if<nfc::ReaderStatus>(&m);
                return s && s->state == ReaderState::Unavailable && s->lastError.find("; retry in 400 ms") != std::string::npos;
            },
            5000);
        CHECK_TRUE_TEXT(down.has_value(), log.statuses().c_str());
        LONGS_EQUAL(0, log.count([](const nfc::NfcMessage& m) {
            const auto* s = std::get_if<nfc::ReaderStatus>(&m);
            return s && (s->state == ReaderState::Ready || s->state == ReaderState::Reopening);
        }));
        return std::get<nfc::ReaderStatus>(log.at(*down).message);
    }

    void teardown() override {
        if (reader) {
            reader->stop();
        }
    }
};

TEST(SupervisedCardKeys, SignedNtagRecordsAreBelieved) {
    startReader(options());
    const auto ntag213 = tap(SimulatorRig::card("ntag213-enrolled.json"));
    CHECK_REFUSAL(CardRefusal::None, ntag213);
    STRCMP_EQUAL("n:0000000000010001", ntag213.identity.c_str());
    CHECK(ntag213.assurance == loyalty::Assurance::Signed);
    CHECK(ntag213.kind == nfc::CardKind::Ntag21x);
    const auto ntag215 = tap(SimulatorRig::card("ntag215-enrolled.json"));
    CHECK_REFUSAL(CardRefusal::None, ntag215);
    STRCMP_EQUAL("n:0000000000010002", ntag215.identity.c_str());
    CHECK(ntag215.assurance == loyalty::Assurance::Signed);
}

TEST(SupervisedCardKeys, ACloneOfASignedNtagIsRefused) {
    startReader(options());
    const auto clone = tap(cloneOfEnrolledNtag213());
    STRCMP_EQUAL("04112233445566", clone.uid.c_str());
    CHECK_REFUSAL(CardRefusal::BadSignature, clone);
    CHECK(clone.identity.empty());
}

TEST(SupervisedCardKeys, WithoutTheKioskCertificateACompactRecordIsRefused) {
    // ntag213-enrolled carries no certificate; ntag215-enrolled does.
    auto opts = options();
    opts.cards.kioskKey.clear();
    startReader(opts);
    CHECK_REFUSAL(CardRefusal::BadSignature, tap(SimulatorRig::card("ntag213-enrolled.json")));
    STRCMP_EQUAL("n:0000000000010002", tap(SimulatorRig::card("ntag215-enrolled.json")).identity.c_str());
}

TEST(SupervisedCardKeys, AnNtag424IsAcceptedAtEachTapButAReplayIsRefused) {
    startReader(options());
    const auto card =
        std::dynamic_pointer_cast<nfcsim::Ntag424Card>(SimulatorRig::card("ntag424-sun-diversified.json"));
    CHECK(card != nullptr);
    const auto first = tap(card);
    CHECK_REFUSAL(CardRefusal::None, first);
    STRCMP_EQUAL("s:0424D0A1B2C3D4", first.identity.c_str());
    CHECK(first.assurance == loyalty::Assurance::SecureMessaging);
    CHECK(first.kind == nfc::CardKind::Ntag424);
    const auto counterAfterFirst = card->readCounter();
    const auto second = tap(card);
    CHECK_REFUSAL(CardRefusal::None, second);
    STRCMP_EQUAL("s:0424D0A1B2C3D4", second.identity.c_str());
    CHECK(card->readCounter() > counterAfterFirst);
    STRCMP_EQUAL(("SUN read counter " + std::to_string(card->readCounter())).c_str(), second.detail.c_str());
    // The card as it was before the first tap shows the first tap's counter
    // again: a copied URL.
    const auto replay = tap(SimulatorRig::card("ntag424-sun-diversified.json"));
    CHECK_REFUSAL(CardRefusal::Replayed, replay);
    CHECK(replay.identity.empty());
    STRCMP_CONTAINS(("0424D0A1B2C3D4 " + std::to_string(card->readCounter())).c_str(),
                    FileBytes::read(dir.file("sun-counters")).c_str());
}

TEST(SupervisedCardKeys, AReplayIsRefusedAfterTheWorkerAndTheKioskRestart) {
    startReader(options());
    const auto card =
        std::dynamic_pointer_cast<nfcsim::Ntag424Card>(SimulatorRig::card("ntag424-sun-diversified.json"));
    CHECK_REFUSAL(CardRefusal::None, tap(card));
    CHECK_REFUSAL(CardRefusal::None, tap(card));
    // A new worker process reads the counter file.
    const auto mark = log.size();
    kill(reader->workerPid(), SIGKILL);
    CHECK_TRUE_TEXT(log.waitForState(ReaderState::Ready, 5000, mark).has_value(), log.statuses(mark).c_str());
    CHECK_REFUSAL(CardRefusal::Replayed, tap(SimulatorRig::card("ntag424-sun-diversified.json")));
    // So does a new kiosk.
    reader->stop();
    reader.reset();
    startReader(options());
    CHECK_REFUSAL(CardRefusal::Replayed, tap(SimulatorRig::card("ntag424-sun-diversified.json")));
    CHECK_REFUSAL(CardRefusal::None, tap(card));  // the real card moves on
}

TEST(SupervisedCardKeys, UidOnlyCardsCanBeRefused) {
    auto opts = options();
    opts.cards.acceptUidOnly = false;
    startReader(opts);
    const auto uidOnly = tap(SimulatorRig::card("mifare-classic-uid.json"));
    CHECK_REFUSAL(CardRefusal::UnknownFormat, uidOnly);
    STRCMP_EQUAL("n:0000000000010001", tap(SimulatorRig::card("ntag213-enrolled.json")).identity.c_str());
}

TEST(SupervisedCardKeys, TheWorkerGetsOnlyTheKeyOptionsThatAreSet) {
    auto opts = options();
    const auto all = nfc::SupervisedCardReader::workerArguments(opts);
    for (const char* option : {"--head-office-key", "--kiosk-key", "--sun-keys", "--sun-counters"}) {
        CHECK_TEXT(std::find(all.begin(), all.end(), option) != all.end(), option);
    }
    CHECK(std::find(all.begin(), all.end(), "--no-uid-only") == all.end());
    opts.cards = {};
    opts.cards.acceptUidOnly = false;
    const auto none = nfc::SupervisedCardReader::workerArguments(opts);
    CHECK(std::find(none.begin(), none.end(), "--sun-keys") == none.end());
    CHECK(std::find(none.begin(), none.end(), "--no-uid-only") != none.end());
}

TEST(SupervisedCardKeys, ABadKeyFileIsAReasonNotARestartLoop) {
    // One hex digit too many: the message names the file and the field, not the value.
    const std::string value = "CD2CFCEBC06F609925449202FB4236691970820E86BAABC3D50DE7166777B3FD0";
    const std::string bad = dir.file("head-office.json");
    CHECK_TRUE(FileBytes::write(bad, "{\"public_key\": \"" + value + "\"}"));
    auto opts = options();
    opts.cards.headOfficeKey = bad;
    const auto status = refusedConfiguration(opts);
    STRCMP_CONTAINS(("head office key: " + bad + ": \"public_key\" must be 64 hex digits").c_str(),
                    status.lastError.c_str());
    CHECK(status.lastError.find(value.substr(0, 16)) == std::string::npos);
    // Tried again now and then, but the same reason is reported once.
    const unsigned triesSoFar = reader->restarts();
    for (int i = 0; i < 100 && reader->restarts() < triesSoFar + 2; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    CHECK(reader->restarts() >= triesSoFar + 2);
    LONGS_EQUAL(2, log.count([&bad](const nfc::NfcMessage& m) {  // the worker's and the supervisor's
        const auto* s = std::get_if<nfc::ReaderStatus>(&m);
        return s && s->lastError.find(bad) != std::string::npos;
    }));
    // A fixed file is picked up at the next try, without restarting the kiosk.
    CHECK_TRUE(FileBytes::write(bad, "{\"public_key\": \"" + value.substr(0, 64) + "\"}"));
    CHECK_TRUE_TEXT(log.waitForState(ReaderState::Ready, 5000).has_value(), log.statuses().c_str());
}

TEST(SupervisedCardKeys, AKioskCertificateFromAnotherHeadOfficeIsRefused) {
    // The kiosk's own public key posing as the head office key.
    const std::string other = dir.file("other-head-office.json");
    CHECK_TRUE(FileBytes::write(
        other, "{\"public_key\": \"D16AFAF22EC443B8FF627EA4514F22BFB5BE3D209660273DF8D814EFE3AFA988\"}"));
    auto opts = options();
    opts.cards.headOfficeKey = other;
    const auto status = refusedConfiguration(opts);
    STRCMP_CONTAINS("\"certificate\" is not signed by the head office key in", status.lastError.c_str());
    STRCMP_CONTAINS(key("demo-kiosk.json").c_str(), status.lastError.c_str());
}

TEST(SupervisedCardKeys, SunKeysWithoutACounterFileAreRefused) {
    auto opts = options();
    opts.cards.sunCounters.clear();
    STRCMP_CONTAINS("needs a SUN counter file", refusedConfiguration(opts).lastError.c_str());
}

TEST(SupervisedCardKeys, ADamagedCounterFileIsReportedAndKeptAsItWas) {
    const std::string damaged = "kiosk-sun-counters 1 1\n0424D0A1B2C3D4 banana\n";
    CHECK_TRUE(FileBytes::write(dir.file("sun-counters"), damaged));
    const auto status = refusedConfiguration(options());
    STRCMP_CONTAINS(("SUN counters: " + dir.file("sun-counters") + " line 2").c_str(), status.lastError.c_str());
    STRCMP_EQUAL(damaged.c_str(), FileBytes::read(dir.file("sun-counters")).c_str());
}

TEST(SupervisedCardKeys, TheWorkerSaysWhyOnStderrAndExitsWithItsConfigurationCode) {
    const std::string errors = dir.file("worker.stderr");
    const auto code = testsupport::ChildProcess::run(
        {KIOSK_NFC_WORKER, "--device", rig.connstring(), "--head-office-key", key("demo-head-office.json"),
         "--sun-keys", key("no-such-keys.json"), "--sun-counters", dir.file("sun-counters")},
        {}, errors, 10000);
    CHECK_TRUE(code.has_value());
    LONGS_EQUAL(nfc::WorkerProcess::kConfigurationError, *code);
    const std::string expected = "kiosk-nfc-worker: card keys: SUN keys: " + key("no-such-keys.json") + ": cannot open";
    CHECK_TEXT(FileBytes::read(errors).find(expected) != std::string::npos, FileBytes::read(errors).c_str());
    const auto unknown = testsupport::ChildProcess::run({KIOSK_NFC_WORKER, "--sun-key", "x"}, {}, errors, 10000);
    LONGS_EQUAL(nfc::WorkerProcess::kConfigurationError, unknown.value_or(-1));
    CHECK(FileBytes::read(errors).find("reader worker arguments: unknown option --sun-key") != std::string::npos);
}

// ---- writing a card (enrolment) ----------------------------------------------------

namespace {

constexpr std::chrono::milliseconds kWriteWait{5000};

std::string hex16(std::uint64_t value) {
    char text[17];
    std::snprintf(text, sizeof text, "%016llX", static_cast<unsigned long long>(value));
    return text;
}

}  // namespace

TEST(SupervisedCardKeys, ABlankNtagIsWrittenAndThenBelievedAsASignedCard) {
    startReader(options());
    const auto blank = SimulatorRig::card("ntag213.json");
    const std::string uid = SimulatorRig::uidOf("ntag213.json");
    const auto mark = log.size();
    rig.simulator().present(blank);
    const auto presented = log.waitForCard(5000, mark);
    CHECK_TRUE(presented.has_value());
    STRCMP_EQUAL(("u:" + uid).c_str(), std::get<CardPresented>(log.at(*presented).message).identity.c_str());

    const auto written = reader->writeCard(uid, 7, 1795000000, kWriteWait);
    CHECK_TEXT(written.error == nfc::CardWriteError::None, written.detail.c_str());
    STRCMP_EQUAL(uid.c_str(), written.uid.c_str());
    // Kiosk key id in the high half, the serial in the low half.
    STRCMP_EQUAL("00000007", written.identity.substr(written.identity.size() - 8).c_str());
    STRCMP_EQUAL("n:", written.identity.substr(0, 2).c_str());
    rig.remove();
    CHECK_TRUE(log.waitForRemoval(5000, *presented).has_value());

    const auto again = tap(blank);
    CHECK_REFUSAL(CardRefusal::None, again);
    STRCMP_EQUAL(written.identity.c_str(), again.identity.c_str());
    CHECK(again.assurance == loyalty::Assurance::Signed);
    CHECK(again.kind == nfc::CardKind::Ntag21x);
}

TEST(SupervisedCardKeys, TheCardIdIsTheKioskKeyIdAndTheSerial) {
    STRCMP_EQUAL("0000000100000002", hex16(nfc::issuedCardId(1, 2)).c_str());
    STRCMP_EQUAL("FFFFFFFFFFFFFFFF", hex16(nfc::issuedCardId(0xFFFFFFFFu, 0xFFFFFFFFu)).c_str());
}

TEST(SupervisedCardKeys, OnlyTheCardOnTheReaderIsWritten) {
    startReader(options());
    // No card at all.
    const auto nothing = reader->writeCard(SimulatorRig::uidOf("ntag213.json"), 8, 1795000000, kWriteWait);
    CHECK(nothing.error == nfc::CardWriteError::NotInField);
    // Another card than the one asked for.
    const auto mark = log.size();
    rig.simulator().present(SimulatorRig::card("ntag215.json"));
    CHECK_TRUE(log.waitForCard(5000, mark).has_value());
    const auto other = reader->writeCard(SimulatorRig::uidOf("ntag213.json"), 8, 1795000000, kWriteWait);
    CHECK(other.error == nfc::CardWriteError::NotInField);
    STRCMP_EQUAL("", other.identity.c_str());
}

TEST(SupervisedCardKeys, ACardThatCannotHoldTheRecordIsUnsuitable) {
    startReader(options());
    const auto mark = log.size();
    rig.simulator().present(SimulatorRig::card("mifare-classic-uid.json"));
    CHECK_TRUE(log.waitForCard(5000, mark).has_value());
    const auto written = reader->writeCard(SimulatorRig::uidOf("mifare-classic-uid.json"), 9, 1795000000, kWriteWait);
    CHECK_TEXT(written.error == nfc::CardWriteError::Unsuitable, written.detail.c_str());
    STRCMP_CONTAINS("not an NTAG213/215/216", written.detail.c_str());
}

TEST(SupervisedCardKeys, WithoutAKioskKeyNoCardIsIssued) {
    auto opts = options();
    opts.cards.kioskKey.clear();
    startReader(opts);
    const auto mark = log.size();
    rig.simulator().present(SimulatorRig::card("ntag213.json"));
    CHECK_TRUE(log.waitForCard(5000, mark).has_value());
    const auto written = reader->writeCard(SimulatorRig::uidOf("ntag213.json"), 10, 1795000000, kWriteWait);
    CHECK(written.error == nfc::CardWriteError::NoKioskKey);
    STRCMP_CONTAINS("--kiosk-key", written.detail.c_str());
}

TEST(SupervisedCardKeys, WithoutAWorkerTheWriteFailsAtOnce) {
    nfc::SupervisedCardReader idle(options());  // never started
    const auto written = idle.writeCard("04A1B2C3D4E5F6", 11, 1795000000, kWriteWait);
    CHECK(written.error == nfc::CardWriteError::ReaderUnavailable);
    STRCMP_CONTAINS("not running", written.detail.c_str());
}

// ---- the technician's "test reader" -------------------------------------------------

TEST(SupervisedCardKeys, TheReaderTestHasTheChipAnswerNowAndSaysWhetherACardIsThere) {
    nfc::SupervisedCardReader idle(options());  // never started
    const auto none = idle.testReader(std::chrono::milliseconds(2000));
    CHECK_FALSE(none.ok);
    STRCMP_CONTAINS("not running", none.detail.c_str());

    startReader(options());
    const auto empty = reader->testReader(std::chrono::milliseconds(5000));
    CHECK_TEXT(empty.ok, empty.detail.c_str());
    STRCMP_CONTAINS("PN532", empty.detail.c_str());
    STRCMP_CONTAINS(" ms; no card on the reader", empty.detail.c_str());

    const auto mark = log.size();
    rig.simulator().present(SimulatorRig::card("ntag213.json"));
    CHECK_TRUE(log.waitForCard(5000, mark).has_value());
    const auto withCard = reader->testReader(std::chrono::milliseconds(5000));
    CHECK_TEXT(withCard.ok, withCard.detail.c_str());
    STRCMP_CONTAINS("a card is on the reader", withCard.detail.c_str());
    // The test did not take the card away or present it again.
    LONGS_EQUAL(0, log.count([](const nfc::NfcMessage& m) { return std::holds_alternative<nfc::CardRemoved>(m); }));
}

TEST(SupervisedCardKeys, AReaderThatIsDownFailsItsTestAtOnceWithTheReason) {
    auto opts = options();
    opts.reader.connstring = "pn532_uart:" + dir.file("no-such-port");
    reader = std::make_unique<nfc::SupervisedCardReader>(opts);
    reader->start(log.sink());
    CHECK_TRUE(log.waitForState(ReaderState::Unavailable, 5000).has_value());
    const auto down = reader->testReader(std::chrono::milliseconds(5000));
    CHECK_FALSE(down.ok);
    STRCMP_CONTAINS("not open", down.detail.c_str());
}
