#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <string>
#include <thread>

#include "drivers/nfc/reader/MessageLog.h"
#include "drivers/nfc/reader/SimulatorRig.h"
#include "nfc/reader/LibnfcCardReader.h"
#include "nfc/reader/SupervisedCardReader.h"

#include <CppUTest/TestHarness.h>

using nfc::ReaderState;
using nfcsim::FaultKind;
using nfctest::MessageLog;
using nfctest::SimulatorRig;
using Clock = std::chrono::steady_clock;

// The reader in a kiosk-nfc-worker child process, supervised from here.
TEST_GROUP(SupervisedCardReader) {
    SimulatorRig rig;
    MessageLog log;
    std::unique_ptr<nfc::SupervisedCardReader> reader;

    nfc::SupervisorOptions options() {
        nfc::SupervisorOptions options;
        options.workerPath = KIOSK_NFC_WORKER;
        options.reader = rig.options();
        options.restartInitial = std::chrono::milliseconds(100);
        options.restartMax = std::chrono::milliseconds(400);
        return options;
    }

    void startReader() {
        reader = std::make_unique<nfc::SupervisedCardReader>(options());
        reader->start(log.sink());
        CHECK_TRUE_TEXT(log.waitForState(ReaderState::Ready, 5000).has_value(), log.statuses().c_str());
    }

    void teardown() override {
        if (reader) {
            reader->stop();
        }
    }
};

TEST(SupervisedCardReader, TheWorkerReportsCardsAndRemovals) {
    startReader();
    CHECK(reader->workerPid() > 0);
    CHECK(reader->workerPid() != getpid());
    rig.present("ntag213.json");
    const auto card = log.waitForCard(3000);
    CHECK(card.has_value());
    const auto presented = std::get<nfc::CardPresented>(log.at(*card).message);
    STRCMP_EQUAL(SimulatorRig::uidOf("ntag213.json").c_str(), presented.uid.c_str());
    CHECK(presented.kind == nfc::CardKind::Ntag21x);
    rig.remove();
    CHECK(log.waitForRemoval(3000).has_value());
    LONGS_EQUAL(1, log.cards());
}

TEST(SupervisedCardReader, ALibnfcAbortEndsTheWorkerNotTheKioskAndItRecovers) {
    startReader();
    const pid_t firstWorker = reader->workerPid();
    // Every InDataExchange answer now has status bit 7: libnfc 1.8.0 calls
    // abort() on the next one (reading the NTAG: GET_VERSION).
    rig.fault(FaultKind::FatalStatus, 0, true);
    rig.present("ntag213.json");
    const auto died = log.waitFor(
        [](const nfc::NfcMessage& m) {
            const auto* s = std::get_if<nfc::ReaderStatus>(&m);
            return s && s->state == ReaderState::Reopening && s->lastError.find("signal 6") != std::string::npos;
        },
        5000);
    CHECK_TRUE_TEXT(died.has_value(), log.statuses().c_str());
    CHECK(reader->restarts() >= 1);
    LONGS_EQUAL(0, log.cards());  // it died reading the card
    // Still crashing while the fault lasts; restarted with backoff each time.
    rig.simulator().clearFault();
    const auto mark = log.size();
    CHECK_TRUE_TEXT(log.waitForState(ReaderState::Ready, 5000, mark).has_value(), log.statuses().c_str());
    CHECK_TRUE_TEXT(log.waitForCard(5000, mark).has_value(), log.statuses().c_str());
    CHECK(reader->workerPid() != firstWorker);
    // And the new worker stays up: no more restarts while the card sits there.
    const unsigned restarts = reader->restarts();
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    LONGS_EQUAL(restarts, reader->restarts());
    rig.remove();
    CHECK(log.waitForRemoval(3000, mark).has_value());
}

TEST(SupervisedCardReader, AKilledWorkerIsRestartedAndItsCardReportedGone) {
    startReader();
    rig.present("mifare-classic-uid.json");
    CHECK(log.waitForCard(3000).has_value());
    const pid_t worker = reader->workerPid();
    kill(worker, SIGKILL);
    CHECK(log.waitForRemoval(3000).has_value());
    const auto died = log.waitForState(ReaderState::Reopening, 3000);
    CHECK(died.has_value());
    const auto status = std::get<nfc::ReaderStatus>(log.at(*died).message);
    CHECK_TEXT(status.lastError.find("killed by signal 9") != std::string::npos, status.lastError.c_str());
    CHECK(log.waitForState(ReaderState::Ready, 5000, *died).has_value());
    CHECK(reader->workerPid() != worker);
    CHECK(log.waitForCard(3000, *died).has_value());  // the new worker finds it again
}

TEST(SupervisedCardReader, AnotherProcessCannotOpenTheSameReader) {
    // This process holds the reader; the worker (another process) is refused.
    MessageLog holderLog;
    nfc::LibnfcCardReader holder(rig.options());
    holder.start(holderLog.sink());
    CHECK(holderLog.waitForState(ReaderState::Ready, 5000).has_value());
    reader = std::make_unique<nfc::SupervisedCardReader>(options());
    reader->start(log.sink());
    const auto refused = log.waitForState(ReaderState::Unavailable, 5000);
    CHECK_TRUE_TEXT(refused.has_value(), log.statuses().c_str());
    const auto status = std::get<nfc::ReaderStatus>(log.at(*refused).message);
    const std::string expected = "reader in use by PID " + std::to_string(getpid());
    CHECK_TEXT(status.lastError.rfind(expected, 0) == 0, status.lastError.c_str());
    holder.stop();
    CHECK(log.waitForState(ReaderState::Ready, 5000, *refused).has_value());
}

TEST(SupervisedCardReader, StopEndsTheWorkerWithinASecond) {
    startReader();
    const pid_t worker = reader->workerPid();
    std::this_thread::sleep_for(std::chrono::milliseconds(250));
    const auto started = Clock::now();
    reader->stop();
    const auto took = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - started).count();
    CHECK_TEXT(took < 1000, std::to_string(took).c_str());
    CHECK(kill(worker, 0) != 0);  // reaped
    CHECK(log.waitForState(ReaderState::Stopped, 0).has_value());
}

TEST(SupervisedCardReader, AMissingWorkerProgramIsUnavailable) {
    auto opts = options();
    opts.workerPath = "/nonexistent/kiosk-nfc-worker";
    reader = std::make_unique<nfc::SupervisedCardReader>(opts);
    reader->start(log.sink());
    const auto down = log.waitForState(ReaderState::Unavailable, 3000);
    CHECK(down.has_value());
}
