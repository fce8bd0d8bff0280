#include <unistd.h>

#include <chrono>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "drivers/nfc/reader/MessageLog.h"
#include "drivers/nfc/reader/SimulatorRig.h"
#include "nfc/reader/LibnfcCardReader.h"

#include <CppUTest/TestHarness.h>

using nfc::CardKind;
using nfc::ReaderState;
using nfcsim::FaultKind;
using nfctest::MessageLog;
using nfctest::SimulatorRig;
using Clock = std::chrono::steady_clock;

namespace {

const std::vector<std::pair<std::string, CardKind>> kDemoCards = {
    {"mifare-classic-uid.json", CardKind::UidOnly},
    {"ntag213.json", CardKind::Ntag21x},
    {"ntag215.json", CardKind::Ntag21x},
    {"ntag216.json", CardKind::Ntag21x},
    {"ntag424-sun.json", CardKind::Ntag424},
};

nfc::CardPresented cardAt(MessageLog& log, std::size_t index) {
    return std::get<nfc::CardPresented>(log.at(index).message);
}

long msSince(Clock::time_point start) {
    return static_cast<long>(std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count());
}

}  // namespace

// The libnfc reader on its thread, through real libnfc and the PN532 simulator.
TEST_GROUP(LibnfcCardReader) {
    SimulatorRig rig;
    MessageLog log;
    std::unique_ptr<nfc::LibnfcCardReader> reader;

    void startReader(nfc::ReaderOptions options) {
        reader = std::make_unique<nfc::LibnfcCardReader>(std::move(options));
        reader->start(log.sink());
        CHECK_TRUE_TEXT(log.waitForState(ReaderState::Ready, 5000).has_value(), log.statuses().c_str());
    }
    void startReader() { startReader(rig.options()); }

    void teardown() override {
        if (reader) {
            reader->stop();
        }
    }

    // A fault while the reader idles: it reports the failure, reopens by itself
    // and then reads a card again.
    void checkRecoversFrom(FaultKind kind, unsigned argument, bool persistent, int clearAfterMs) {
        startReader();
        const auto before = log.size();
        rig.fault(kind, argument, persistent);
        const auto failed = log.waitFor(
            [](const nfc::NfcMessage& m) {
                const auto* s = std::get_if<nfc::ReaderStatus>(&m);
                return s && (s->state == ReaderState::Reopening || s->state == ReaderState::Unavailable) &&
                       !s->lastError.empty();
            },
            5000, before);
        CHECK_TRUE_TEXT(failed.has_value(), log.statuses(before).c_str());
        if (clearAfterMs >= 0) {
            std::this_thread::sleep_for(std::chrono::milliseconds(clearAfterMs));
            rig.simulator().clearFault();
        }
        CHECK_TRUE_TEXT(log.waitForState(ReaderState::Ready, 8000, *failed).has_value(), log.statuses(before).c_str());
        const auto mark = log.size();
        rig.present("ntag213.json");
        const auto card = log.waitForCard(3000, mark);
        CHECK_TRUE_TEXT(card.has_value(), log.statuses(before).c_str());
        STRCMP_EQUAL(SimulatorRig::uidOf("ntag213.json").c_str(), cardAt(log, *card).uid.c_str());
    }
};

TEST(LibnfcCardReader, ReportsReadyWithTheFirmware) {
    startReader();
    const auto ready = log.waitForState(ReaderState::Ready, 100);
    const auto status = std::get<nfc::ReaderStatus>(log.at(*ready).message);
    STRCMP_EQUAL("PN532 v1.6", status.firmware.c_str());
    STRCMP_EQUAL(rig.connstring().c_str(), status.connstring.c_str());
}

TEST(LibnfcCardReader, EachDemoCardIsPresentedOnceWithItsUidAndKindThenRemoved) {
    startReader();
    for (const auto& [file, kind] : kDemoCards) {
        const auto mark = log.size();
        rig.present(file);
        const auto card = log.waitForCard(3000, mark);
        CHECK_TRUE_TEXT(card.has_value(), file.c_str());
        STRCMP_EQUAL(SimulatorRig::uidOf(file).c_str(), cardAt(log, *card).uid.c_str());
        CHECK_TRUE_TEXT(cardAt(log, *card).kind == kind, file.c_str());
        // Debounce: the card stays in the field for many presence checks.
        std::this_thread::sleep_for(std::chrono::milliseconds(400));
        LONGS_EQUAL_TEXT(1, log.cards(mark), file.c_str());
        LONGS_EQUAL_TEXT(0, log.removals(mark), file.c_str());
        rig.remove();
        CHECK_TRUE_TEXT(log.waitForRemoval(3000, mark).has_value(), file.c_str());
        LONGS_EQUAL(1, log.cards(mark));
    }
}

TEST(LibnfcCardReader, SelectAndSleepModeFindsAndLosesCardsToo) {
    auto options = rig.options();
    options.pollMode = nfc::PollMode::SelectAndSleep;
    options.pollPeriod = std::chrono::milliseconds(50);
    startReader(options);
    rig.present("ntag215.json");
    const auto card = log.waitForCard(3000);
    CHECK(card.has_value());
    STRCMP_EQUAL(SimulatorRig::uidOf("ntag215.json").c_str(), cardAt(log, *card).uid.c_str());
    rig.remove();
    CHECK(log.waitForRemoval(3000).has_value());
}

TEST(LibnfcCardReader, ACardPresentAtStartIsReported) {
    rig.present("mifare-classic-uid.json");
    startReader();
    CHECK(log.waitForCard(3000).has_value());
}

TEST(LibnfcCardReader, StopDuringAPollReturnsWithinASecond) {
    startReader();
    std::this_thread::sleep_for(std::chrono::milliseconds(150));  // in the middle of a 300 ms InAutoPoll
    const auto started = Clock::now();
    reader->stop();
    const long took = msSince(started);
    CHECK_TEXT(took < 1000, std::to_string(took).c_str());
    CHECK(log.waitForState(ReaderState::Stopped, 0).has_value());
    CHECK(rig.simulator().status().aborts >= 1);  // libnfc sent the chip an ACK: a real abort
}

TEST(LibnfcCardReader, StopWhileTheChipIsSilentReturnsWithinASecond) {
    startReader();
    rig.fault(FaultKind::Silent, 0, true);
    // A poll is in flight; the chip will answer nothing more, not even the
    // close sequence. (A stop during nfc_open on a silent chip waits for the
    // open to fail, ~1.4 s: libnfc cannot abort an open.)
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    const auto started = Clock::now();
    reader->stop();
    const long took = msSince(started);
    CHECK_TEXT(took < 1000, std::to_string(took).c_str());
}

TEST(LibnfcCardReader, StopWithACardInTheFieldPostsItsRemoval) {
    startReader();
    rig.present("ntag213.json");
    CHECK(log.waitForCard(3000).has_value());
    reader->stop();
    LONGS_EQUAL(1, log.removals());
}

TEST(LibnfcCardReader, RecoversFromGarbage) {
    checkRecoversFrom(FaultKind::Garbage, 16, false, -1);
}

TEST(LibnfcCardReader, RecoversFromABadChecksum) {
    checkRecoversFrom(FaultKind::BadChecksum, 0, false, -1);
}

TEST(LibnfcCardReader, RecoversFromANack) {
    checkRecoversFrom(FaultKind::Nack, 0, false, -1);
}

TEST(LibnfcCardReader, RecoversFromAnErrorFrame) {
    checkRecoversFrom(FaultKind::ErrorFrame, 0, false, -1);
}

TEST(LibnfcCardReader, RecoversFromASilentChip) {
    // libnfc's own InAutoPoll would wait for the ACK forever; ours times out.
    checkRecoversFrom(FaultKind::Silent, 0, false, -1);
    const auto failed = log.waitForState(ReaderState::Reopening, 0);
    CHECK(failed.has_value());
    const auto status = std::get<nfc::ReaderStatus>(log.at(*failed).message);
    STRCMP_EQUAL("poll: timeout", status.lastError.c_str());
}

TEST(LibnfcCardReader, RecoversFromAChipThatStaysSilentForAWhile) {
    checkRecoversFrom(FaultKind::Silent, 0, true, 1500);
}

TEST(LibnfcCardReader, RecoversFromSlowAnswers) {
    // 1 s answers: InAutoPoll has no timeout, but the open sequence does.
    startReader();
    rig.present("ntag213.json");
    CHECK(log.waitForCard(3000).has_value());
    const auto mark = log.size();
    rig.fault(FaultKind::Slow, 1000, true);  // the presence checks time out
    const auto failed = log.waitForState(ReaderState::Reopening, 5000, mark);
    CHECK_TRUE_TEXT(failed.has_value(), log.statuses(mark).c_str());
    CHECK(log.removals(mark) == 1);
    std::this_thread::sleep_for(std::chrono::milliseconds(1000));
    rig.simulator().clearFault();
    CHECK_TRUE_TEXT(log.waitForState(ReaderState::Ready, 8000, *failed).has_value(), log.statuses(mark).c_str());
    CHECK_TRUE_TEXT(log.waitForCard(3000, *failed).has_value(), log.statuses(mark).c_str());
}

TEST(LibnfcCardReader, RecoversFromAnUnplugFault) {
    // The line closes; reopening the old pty fails until replug (same symlink).
    startReader();
    rig.fault(FaultKind::Unplug);
    const auto failed = log.waitForState(ReaderState::Reopening, 5000);
    CHECK_TRUE_TEXT(failed.has_value(), log.statuses().c_str());
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    CHECK(rig.simulator().replug().hasValue());
    CHECK_TRUE_TEXT(log.waitForState(ReaderState::Ready, 5000, *failed).has_value(), log.statuses().c_str());
    const auto mark = log.size();
    rig.present("ntag424-sun.json");
    CHECK(log.waitForCard(3000, mark).has_value());
}

TEST(LibnfcCardReader, UnplugWithACardInTheFieldRemovesItAndReplugReadsItAgain) {
    startReader();
    rig.present("ntag216.json");
    CHECK(log.waitForCard(3000).has_value());
    rig.simulator().unplug();
    const auto failed = log.waitForState(ReaderState::Reopening, 5000);
    CHECK_TRUE_TEXT(failed.has_value(), log.statuses().c_str());
    LONGS_EQUAL(1, log.removals());
    // While unplugged it keeps trying with backoff (reported once per distinct error).
    std::this_thread::sleep_for(std::chrono::milliseconds(600));
    CHECK(log.waitForState(ReaderState::Unavailable, 0, *failed).has_value());
    CHECK(rig.simulator().replug().hasValue());
    CHECK(log.waitForState(ReaderState::Ready, 5000, *failed).has_value());
    CHECK(log.waitForCard(3000, *failed).has_value());
}

TEST(LibnfcCardReader, ASecondReaderOnTheSameDeviceIsToldWhoHoldsIt) {
    startReader();
    MessageLog otherLog;
    nfc::LibnfcCardReader other(rig.options());
    other.start(otherLog.sink());
    const auto refused = otherLog.waitForState(ReaderState::Unavailable, 3000);
    CHECK(refused.has_value());
    const auto status = std::get<nfc::ReaderStatus>(otherLog.at(*refused).message);
    const std::string expected = "reader in use by PID " + std::to_string(getpid());
    CHECK_TEXT(status.lastError.rfind(expected, 0) == 0, status.lastError.c_str());
    // When the first lets go, the second gets it on its next attempt.
    reader->stop();
    CHECK_TRUE_TEXT(otherLog.waitForState(ReaderState::Ready, 3000, *refused).has_value(), otherLog.statuses().c_str());
    other.stop();
}

TEST(LibnfcCardReader, AMissingDeviceIsUnavailableAndRetried) {
    auto options = rig.options();
    options.connstring = "pn532_uart:/nonexistent/reader";
    nfc::LibnfcCardReader missing(options);
    missing.start(log.sink());
    const auto down = log.waitForState(ReaderState::Unavailable, 3000);
    CHECK(down.has_value());
    const auto status = std::get<nfc::ReaderStatus>(log.at(*down).message);
    CHECK_TEXT(status.lastError.find("/nonexistent/reader") != std::string::npos, status.lastError.c_str());
    const auto started = Clock::now();
    missing.stop();
    CHECK(msSince(started) < 1000);
}
