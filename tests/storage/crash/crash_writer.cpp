// The child of the crash test: records decisions into a kiosk database in a
// loop, as fast as durable commits allow, and reports each commit on stdout
// once record() has returned (so a reported commit is one the screen would
// have confirmed). Killed with SIGKILL at a random moment by the parent.
//
//   storage_crash_writer DB SEED
//
// Decisions carry 1..3 events; each event's reason is "crash #N part i/k" so
// the parent can tell a whole decision from a partial one. Output lines:
//   committed N K ID1,ID2,...
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>

#include "storage/CardRepository.h"
#include "storage/Database.h"
#include "storage/DecisionRecorder.h"
#include "storage/KioskIdentity.h"
#include "storage/MemberRepository.h"
#include "storage/Migrator.h"
#include "storage/SystemClock.h"
#include "tests/storage/crash/CrashProtocol.h"

namespace {

int fail(const std::string& what) {
    std::fprintf(stderr, "crash_writer: %s\n", what.c_str());
    return 2;
}

void report(const std::string& line) {
    // write(2), unbuffered: what the parent reads is exactly what returned.
    const std::string text = line + "\n";
    std::size_t done = 0;
    while (done < text.size()) {
        const ssize_t n = write(STDOUT_FILENO, text.data() + done, text.size() - done);
        if (n <= 0) {
            _exit(3);
        }
        done += static_cast<std::size_t>(n);
    }
}

// Provisions the kiosk and creates the member and card on first use. Each
// step is idempotent, so a kill between two of them is finished next time.
storage::Status prepare(storage::Database& db) {
    if (auto migrated = storage::Migrator::migrate(db); !migrated) {
        return loyalty::unexpected(migrated.error());
    }
    storage::KioskIdentity identity(db);
    auto id = identity.kioskId();
    if (!id) {
        return loyalty::unexpected(id.error());
    }
    if (!id.value()) {
        if (auto provisioned = identity.provision(crashtest::kKioskId, 0); !provisioned) {
            return provisioned;
        }
    }
    storage::MemberRepository members(db);
    auto exists = members.exists(crashtest::kMemberId);
    if (!exists) {
        return loyalty::unexpected(exists.error());
    }
    if (!exists.value()) {
        storage::MemberRecord member;
        member.id = crashtest::kMemberId;
        member.displayName = "Crash";
        member.enrolledOn = loyalty::Date{2026, 1, 1};
        if (auto inserted = members.insert(member, 0); !inserted) {
            return inserted;
        }
    }
    return storage::CardRepository(db).link(crashtest::kCardToken, crashtest::kMemberId, storage::CardKind::Uid, 0);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        return fail("usage: storage_crash_writer DB SEED");
    }
    auto db = storage::Database::open({argv[1]});
    if (!db) {
        return fail(db.error().describe());
    }
    if (auto ready = prepare(*db); !ready) {
        return fail(ready.error().describe());
    }
    // Continue numbering after the decisions already in the file.
    auto last = db->queryInt("SELECT coalesce(max(CAST(substr(reason, 8, instr(reason, ' part') - 8) AS INTEGER)), 0) "
                             "FROM ledger");
    if (!last) {
        return fail(last.error().describe());
    }
    std::mt19937_64 random(std::strtoull(argv[2], nullptr, 10));
    storage::DecisionRecorder recorder(*db);
    for (std::int64_t n = last.value() + 1;; ++n) {
        const int parts = static_cast<int>(random() % 3) + 1;
        storage::RecordRequest request;
        request.cardToken = crashtest::kCardToken;
        request.time = storage::SystemClock::now(0);
        for (int i = 1; i <= parts; ++i) {
            loyalty::EventDraft event;
            event.type = loyalty::EventType::Earn;
            event.memberId = crashtest::kMemberId;
            event.cardId = crashtest::kCardToken;
            event.pointsDelta = static_cast<loyalty::Points>(random() % 9) + 1;
            event.purchaseAmount = event.pointsDelta * 100;
            event.reason = crashtest::reasonFor(n, i, parts);
            request.decision.events.push_back(event);
        }
        auto recorded = recorder.record(request);
        if (!recorded) {
            return fail(recorded.error().describe());
        }
        std::string ids;
        for (const auto& event : recorded.value()) {
            ids += (ids.empty() ? "" : ",") + event.id;
        }
        report("committed " + std::to_string(n) + " " + std::to_string(parts) + " " + ids);
    }
}
