#include "kiosk_taps.h"

#include <chrono>
#include <cstdio>
#include <memory>
#include <thread>

#include "kiosk_process.h"
#include "nfc/sim/CardFile.h"
#include "nfc/sim/Pn532Simulator.h"
#include "storage/CardRepository.h"
#include "storage/Database.h"
#include "storage/KioskIdentity.h"
#include "storage/MemberRepository.h"
#include "storage/Migrator.h"
#include "support/ChildProcess.h"

namespace kioskbench {
namespace {

using namespace std::chrono_literals;

struct Member {
    const char* id;
    const char* name;
    const char* uid;
    loyalty::Points balance;
};

// Fictional members with UID-only cards (tokens u:<UID>), as head office's
// change feed would leave them.
constexpr Member kMembers[] = {{"m-bench-carla", "Carla", "A1B2C3D4", 1240}, {"m-bench-diego", "Diego", "B5C6D7E8", 380}};

std::string prepareDatabase(const std::string& path) {
    auto db = storage::Database::open({path});
    if (!db) {
        return "cannot open " + path;
    }
    if (!storage::Migrator::migrate(*db) || !storage::KioskIdentity(*db).provision("bench-kiosk", 0)) {
        return "cannot migrate or provision " + path;
    }
    storage::MemberRepository members(*db);
    storage::CardRepository cards(*db);
    for (const auto& m : kMembers) {
        storage::MemberRecord member;
        member.id = m.id;
        member.displayName = m.name;
        member.enrolledOn = loyalty::Date{2025, 6, 14};
        member.confirmedBalance = m.balance;
        if (!members.upsert(member, 0) ||
            !members.replaceLots(m.id, {loyalty::PointLot{loyalty::Date{2026, 10, 1}, m.balance}}) ||
            !cards.link(std::string("u:") + m.uid, m.id, storage::CardKind::Uid, 0)) {
            return std::string("cannot store member ") + m.id;
        }
    }
    return {};
}

PssSample samplePss(pid_t kiosk, int taps) {
    PssSample sample;
    sample.taps = taps;
    sample.kiosk = memoryKb(kiosk).value_or(Memory{});
    sample.kioskKb = sample.kiosk.pss;
    for (const pid_t child : childrenOf(kiosk)) {
        sample.worker += treePss(child).memory;
    }
    sample.workerKb = sample.worker.pss;
    return sample;
}

// Frame intervals inside one burst of drawing (the kiosk draws a few frames
// back to back after each event); gaps above 100 ms are idle waits.
void addBurstIntervals(const std::vector<TraceFrame>& frames, std::optional<double>& lastT, TapSession& session) {
    for (const auto& frame : frames) {
        if (!frame.tMs) {
            continue;
        }
        if (lastT && *frame.tMs - *lastT < 100.0) {
            session.burstIntervalMs.push_back(*frame.tMs - *lastT);
        }
        lastT = frame.tMs;
    }
}

}  // namespace

TapSession runTapSession(const std::string& display, const std::string& dir, int taps, int sampleEvery) {
    TapSession session;
    const std::string database = dir + "/taps.db";
    if (auto failure = prepareDatabase(database); !failure.empty()) {
        session.error = failure;
        return session;
    }
    std::vector<std::shared_ptr<nfcsim::VirtualCard>> cards;
    for (const auto& m : kMembers) {
        auto card = nfcsim::CardFile::parse(std::string(R"({"type": "mifare-classic", "uid": ")") + m.uid + "\"}",
                                            "bench card");
        if (!card) {
            session.error = card.error();
            return session;
        }
        cards.push_back(card.value());
    }
    auto started = nfcsim::Pn532Simulator::start();
    if (!started) {
        session.error = "PN532 simulator: " + started.error();
        return session;
    }
    auto simulator = std::move(started.value());
    const std::string trace = dir + "/taps-trace.jsonl";
    testsupport::ChildProcess kiosk(
        {KIOSK_BINARY, "--assets", KIOSK_SOURCE_ASSETS, "--windowed", "1280x800", "--database", database, "--reader",
         simulator->connstring(), "--nfc-worker", KIOSK_NFC_WORKER, "--customer-idle", "600", "--ui-trace", trace},
        {{"DISPLAY", display}, {"SDL_VIDEODRIVER", "x11"}, {"KIOSK_HEAD_OFFICE", ""}}, dir + "/taps-kiosk.log");

    // Ready once the attract screen asks for a card (no reader warning).
    TraceTail tail(trace);
    bool ready = false;
    for (auto deadline = std::chrono::steady_clock::now() + 60s; !ready && std::chrono::steady_clock::now() < deadline;) {
        for (const auto& frame : tail.next()) {
            ready = ready || (frame.screen == "attract" && frame.shows("Tap your card"));
        }
        std::this_thread::sleep_for(50ms);
    }
    if (!ready) {
        session.error = "no attract screen within 60 s; kiosk log:\n" + kiosk.stderrText();
        return session;
    }
    std::this_thread::sleep_for(2s);  // the worker opens the reader and starts polling
    tail.next();
    session.pss.push_back(samplePss(kiosk.pid(), 0));

    std::optional<double> lastT;
    for (int i = 0; i < taps; ++i) {
        const auto& member = kMembers[i % 2];
        const double presentedMs =
            std::chrono::duration<double, std::milli>(simulator->present(cards[static_cast<std::size_t>(i % 2)]).time_since_epoch())
                .count();
        std::optional<double> cardMs;
        std::optional<double> firstFrameMs;
        std::optional<double> shownMs;
        const auto deadline = std::chrono::steady_clock::now() + 10s;
        while (!shownMs && std::chrono::steady_clock::now() < deadline) {
            const auto frames = tail.next();
            addBurstIntervals(frames, lastT, session);
            for (const auto& frame : frames) {
                if (!cardMs && frame.cardMs && *frame.cardMs >= presentedMs) {
                    cardMs = frame.cardMs;
                    firstFrameMs = frame.tMs;
                }
                if (cardMs && !shownMs && frame.screen == "member" && frame.shows(member.name) && frame.tMs) {
                    shownMs = frame.tMs;
                    if (frame.drawMs) {
                        session.memberDrawMs.push_back(*frame.drawMs);
                    }
                }
            }
            if (!shownMs) {
                std::this_thread::sleep_for(2ms);
            }
        }
        simulator->remove();
        if (shownMs) {
            ++session.taps;
            session.tapToScreenMs.push_back(*shownMs - *cardMs);
            if (firstFrameMs) {
                session.tapToFirstFrameMs.push_back(*firstFrameMs - *cardMs);
            }
            session.presentToScreenMs.push_back(*shownMs - presentedMs);
        } else {
            ++session.missed;
            if (kiosk.wait(0)) {
                session.error = "the kiosk exited during the session; its log:\n" + kiosk.stderrText();
                return session;
            }
        }
        // The card leaves the field; the reader notices within its 150 ms presence check.
        std::this_thread::sleep_for(350ms);
        addBurstIntervals(tail.next(), lastT, session);
        if ((i + 1) % sampleEvery == 0 || i + 1 == taps) {
            session.pss.push_back(samplePss(kiosk.pid(), i + 1));
        }
        if ((i + 1) % 100 == 0) {
            std::fprintf(stderr, "  %d taps\n", i + 1);
        }
    }
    kiosk.terminate();
    return session;
}

}  // namespace kioskbench
