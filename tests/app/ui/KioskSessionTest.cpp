// The whole kiosk as a customer meets it: the real binary on a real X server
// (Xvfb), its real card reader (the supervised libnfc worker) talking to the
// PN532 simulator on a pty, and a real database file prepared the way head
// office's change feed would leave it. What was shown is read from
// --ui-trace; every screen shown is saved by --screenshot-dir.
#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "nfc/sim/CardFile.h"
#include "nfc/sim/Pn532Simulator.h"
#include "storage/CardRepository.h"
#include "storage/Database.h"
#include "storage/KioskIdentity.h"
#include "storage/MemberRepository.h"
#include "storage/Migrator.h"
#include "support/ChildProcess.h"
#include "support/TempDir.h"
#include "support/UiTraceReader.h"
#include "support/XvfbServer.h"

// CppUTest last: its memory-leak macros redefine new.
#include <CppUTest/TestHarness.h>

namespace {

using namespace std::chrono_literals;

using Frame = testsupport::TracedFrame;
using testsupport::readTrace;

// A member with a balance and a UID-only card, as the change feed stores them.
void prepareDatabase(const std::string& path) {
    auto db = storage::Database::open({path});
    CHECK_TRUE(db.hasValue());
    CHECK_TRUE(storage::Migrator::migrate(*db).hasValue());
    CHECK_TRUE(storage::KioskIdentity(*db).provision("test-kiosk", 0).hasValue());
    storage::MemberRecord member;
    member.id = "m-carla";
    member.displayName = "Carla";
    member.enrolledOn = loyalty::Date{2025, 6, 14};
    member.confirmedBalance = 1240;
    storage::MemberRepository members(*db);
    CHECK_TRUE(members.upsert(member, 0).hasValue());
    CHECK_TRUE(members.replaceLots("m-carla", {loyalty::PointLot{loyalty::Date{2026, 10, 1}, 1240}}).hasValue());
    CHECK_TRUE(storage::CardRepository(*db).link("u:A1B2C3D4", "m-carla", storage::CardKind::Uid, 0).hasValue());
}

}  // namespace

TEST_GROUP(KioskSession) {
    std::unique_ptr<testsupport::XvfbServer> xvfb;
    std::unique_ptr<testsupport::TempDir> dir;
    std::unique_ptr<nfcsim::Pn532Simulator> simulator;

    void setup() override {
        xvfb = std::make_unique<testsupport::XvfbServer>(1280, 800);
        dir = std::make_unique<testsupport::TempDir>("kiosk-session");
        if (!xvfb->running()) {
            FAIL(xvfb->error().c_str());
        }
        auto started = nfcsim::Pn532Simulator::start();
        if (!started) {
            FAIL(started.error().c_str());
        }
        simulator = std::move(started.value());
    }
    void teardown() override {
        simulator.reset();
        dir.reset();
        xvfb.reset();
    }

    // Waits until a frame matching `wanted` has been drawn; the frames so far.
    template <class Predicate>
    std::vector<Frame> waitFor(const std::string& trace, Predicate wanted, std::chrono::seconds limit) {
        const auto deadline = std::chrono::steady_clock::now() + limit;
        while (std::chrono::steady_clock::now() < deadline) {
            auto frames = readTrace(trace);
            for (const auto& frame : frames) {
                if (wanted(frame)) {
                    return frames;
                }
            }
            std::this_thread::sleep_for(100ms);
        }
        return {};
    }
};

TEST(KioskSession, ATappedCardShowsTheMemberAndTheKioskReturnsToAttractWhenLeftAlone) {
    const std::string database = dir->file("kiosk.db");
    prepareDatabase(database);
    const std::string trace = dir->file("trace.jsonl");
    const std::string shots = dir->file("shots");
    testsupport::ChildProcess kiosk(
        {KIOSK_BINARY, "--assets", KIOSK_SOURCE_ASSETS, "--windowed", "1280x800", "--database", database,
         "--reader", simulator->connstring(), "--nfc-worker", KIOSK_NFC_WORKER, "--customer-idle", "3",
         "--ui-trace", trace, "--screenshot-dir", shots},
        {{"DISPLAY", xvfb->display()}, {"SDL_VIDEODRIVER", "x11"}, {"KIOSK_HEAD_OFFICE", ""}}, dir->file("kiosk.log"));

    // The reader is up once the attract screen no longer warns about it.
    auto ready = waitFor(trace, [](const Frame& f) { return f.screen == "attract" && f.shows("Tap your card"); }, 60s);
    CHECK_FALSE_TEXT(ready.empty(), ("no attract screen; kiosk log:\n" + kiosk.stderrText()).c_str());
    std::this_thread::sleep_for(2s);  // the worker opens the reader

    auto card = nfcsim::CardFile::load(std::string(KIOSK_SOURCE_ASSETS) + "/cards/mifare-classic-uid.json");
    CHECK_TRUE(card.hasValue());
    simulator->present(card.value());
    auto member = waitFor(trace, [](const Frame& f) { return f.screen == "member" && f.shows("Carla"); }, 30s);
    CHECK_FALSE_TEXT(member.empty(), ("the member screen never showed; kiosk log:\n" + kiosk.stderrText()).c_str());
    const Frame& shown = [&]() -> const Frame& {
        for (const auto& f : member) {
            if (f.screen == "member" && f.shows("Carla")) {
                return f;
            }
        }
        return member.back();
    }();
    CHECK_TRUE_TEXT(shown.shows("1,240"), "the balance is not on the member screen");
    simulator->remove();

    // Left alone for the customer idle time (3 s here): back to attract, and
    // nothing about Carla on screen any more.
    const auto afterMember = member.size();
    auto back = waitFor(
        trace,
        [](const Frame& f) { return f.screen == "attract"; },
        20s);
    bool returned = false;
    for (std::size_t i = afterMember; i < back.size(); ++i) {
        if (back[i].screen == "attract") {
            returned = true;
            CHECK_FALSE(back[i].shows("Carla"));
        }
    }
    if (!returned) {
        // waitFor matched the first attract frame; wait for one after the member screen.
        const auto deadline = std::chrono::steady_clock::now() + 20s;
        while (!returned && std::chrono::steady_clock::now() < deadline) {
            auto frames = readTrace(trace);
            for (std::size_t i = afterMember; i < frames.size(); ++i) {
                returned = returned || frames[i].screen == "attract";
            }
            std::this_thread::sleep_for(200ms);
        }
    }
    CHECK_TRUE_TEXT(returned, ("no return to attract after the idle time; kiosk log:\n" + kiosk.stderrText()).c_str());
    kiosk.terminate();

    // --screenshot-dir kept one PNG per screen shown, in order.
    CHECK_TRUE(std::filesystem::exists(shots + "/001-attract.png"));
    bool memberShot = false;
    for (const auto& entry : std::filesystem::directory_iterator(shots)) {
        memberShot = memberShot || entry.path().filename().string().find("-member.png") != std::string::npos;
    }
    CHECK_TRUE(memberShot);
}
