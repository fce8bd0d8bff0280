#include <chrono>
#include <string>

#include "drivers/nfc/SimulatedReader.h"
#include "nfc/sim/FaultPlan.h"

#include <CppUTest/TestHarness.h>

using nfctest::Bytes;
using nfctest::LibnfcSession;
using nfctest::SimulatedReader;

namespace {

const Bytes kRead0{0x30, 0x00};

}  // namespace

// Every fault the simulator injects, as libnfc sees it, and recovery.
TEST_GROUP(LibnfcFaults) {
    SimulatedReader reader;

    void setup() override {
        reader.present("ntag213.json");
        CHECK(reader.openAndInit());
        CHECK(reader.nfc().select().has_value());
    }

    void fault(nfcsim::FaultKind kind, unsigned argument = 0, bool persistent = false) {
        reader.simulator().setFault({kind, argument, persistent});
    }

    int read() { return reader.nfc().transceive(kRead0).result; }
};

TEST(LibnfcFaults, UnplugMakesTheNextCommandFailWithEioAndReopenFail) {
    reader.simulator().unplug();
    LONGS_EQUAL(LibnfcSession::kEio, read());
    const std::string oldConnstring = reader.simulator().connstring();
    reader.nfc().close();
    CHECK_FALSE(reader.nfc().open(oldConnstring));
    const auto path = reader.simulator().replug();
    CHECK(path.hasValue());
    CHECK(reader.openAndInit());
    CHECK(reader.nfc().select().has_value());
    LONGS_EQUAL(16, read());
}

TEST(LibnfcFaults, UnplugFaultClosesTheLineWhenTheCommandArrives) {
    fault(nfcsim::FaultKind::Unplug);
    CHECK(read() < 0);
    CHECK_FALSE(reader.simulator().status().plugged);
    LONGS_EQUAL(LibnfcSession::kEio, read());
}

TEST(LibnfcFaults, SilentChipTimesOutThenRecovers) {
    fault(nfcsim::FaultKind::Silent);
    const auto started = std::chrono::steady_clock::now();
    LONGS_EQUAL(LibnfcSession::kEtimeout, read());
    CHECK(std::chrono::steady_clock::now() - started >= std::chrono::milliseconds(300));
    LONGS_EQUAL(16, read());
}

TEST(LibnfcFaults, PersistentSilenceLastsUntilCleared) {
    fault(nfcsim::FaultKind::Silent, 0, true);
    LONGS_EQUAL(LibnfcSession::kEtimeout, read());
    LONGS_EQUAL(LibnfcSession::kEtimeout, read());
    reader.simulator().clearFault();
    LONGS_EQUAL(16, read());
}

TEST(LibnfcFaults, NackInsteadOfAckIsEio) {
    fault(nfcsim::FaultKind::Nack);
    LONGS_EQUAL(LibnfcSession::kEio, read());
    LONGS_EQUAL(16, read());
}

TEST(LibnfcFaults, ErrorFrameIsEio) {
    fault(nfcsim::FaultKind::ErrorFrame);
    LONGS_EQUAL(LibnfcSession::kEio, read());
    LONGS_EQUAL(16, read());
}

TEST(LibnfcFaults, BadChecksumIsEio) {
    fault(nfcsim::FaultKind::BadChecksum);
    LONGS_EQUAL(LibnfcSession::kEio, read());
    LONGS_EQUAL(16, read());
}

TEST(LibnfcFaults, GarbageIsEio) {
    fault(nfcsim::FaultKind::Garbage, 24);
    LONGS_EQUAL(LibnfcSession::kEio, read());
    LONGS_EQUAL(16, read());
}

TEST(LibnfcFaults, SlowAnswersWithinTheTimeoutArriveAndLateOnesTimeOut) {
    fault(nfcsim::FaultKind::Slow, 120);
    const auto started = std::chrono::steady_clock::now();
    LONGS_EQUAL(16, read());
    CHECK(std::chrono::steady_clock::now() - started >= std::chrono::milliseconds(120));
    fault(nfcsim::FaultKind::Slow, 700);
    LONGS_EQUAL(LibnfcSession::kEtimeout, read());
    LONGS_EQUAL(16, read());  // the late answer was dropped with the next command
}

TEST(LibnfcFaults, EveryFaultLeavesTheSimulatorCountingCommands) {
    const auto before = reader.simulator().status().commands;
    fault(nfcsim::FaultKind::Nack);
    read();
    read();
    const auto status = reader.simulator().status();
    CHECK(status.commands > before);
    STRCMP_EQUAL("none", status.fault.c_str());
}
