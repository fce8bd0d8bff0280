#include "tests/storage/crash/CrashHarness.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <thread>
#include <vector>

#include "storage/Database.h"
#include "tests/storage/crash/CrashProtocol.h"

namespace crashtest {
namespace {

struct Writer {
    pid_t pid = -1;
    int out = -1;  // read end of the child's stdout
};

Writer startWriter(const CrashOptions& options, std::uint64_t seed) {
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) {
        return {};
    }
    const std::string seedText = std::to_string(seed);
    const pid_t pid = fork();
    if (pid == 0) {
        dup2(fds[1], STDOUT_FILENO);
        execl(options.writer.c_str(), options.writer.c_str(), options.database.c_str(), seedText.c_str(),
              static_cast<char*>(nullptr));
        _exit(127);
    }
    close(fds[1]);
    return Writer{pid, fds[0]};
}

// Everything the writer reported before it died: "committed N K ids".
std::string drain(int fd) {
    std::string text;
    char buffer[4096];
    while (true) {
        const ssize_t n = read(fd, buffer, sizeof buffer);
        if (n <= 0) {
            break;
        }
        text.append(buffer, static_cast<std::size_t>(n));
    }
    return text;
}

// Reads until the writer's first full line (or 5 s pass).
std::string waitForFirstCommit(int fd) {
    std::string text;
    pollfd wait{fd, POLLIN, 0};
    while (text.find('\n') == std::string::npos && poll(&wait, 1, 5000) > 0) {
        char buffer[512];
        const ssize_t n = read(fd, buffer, sizeof buffer);
        if (n <= 0) {
            break;
        }
        text.append(buffer, static_cast<std::size_t>(n));
    }
    return text;
}

void note(CrashReport& report, const std::string& problem) {
    if (report.firstProblem.empty()) {
        report.firstProblem = "after kill " + std::to_string(report.kills) + ": " + problem;
    }
}

// Checks the database after a kill; adds to the report.
void check(const CrashOptions& options, const std::set<std::string>& reportedIds, CrashReport& report) {
    auto db = storage::Database::open({options.database});
    if (!db) {
        ++report.integrityFailures;
        note(report, "reopening failed: " + db.error().describe());
        return;
    }
    auto integrity = db->queryText("PRAGMA integrity_check");
    if (!integrity || integrity.value() != "ok") {
        ++report.integrityFailures;
        note(report, "integrity_check: " + (integrity ? integrity.value() : integrity.error().describe()));
    }
    auto hasLedger = db->queryInt("SELECT count(*) FROM sqlite_schema WHERE name = 'ledger'");
    if (!hasLedger || hasLedger.value() == 0) {
        if (!reportedIds.empty()) {
            report.lost += static_cast<int>(reportedIds.size());
            note(report, "the ledger table is gone");
        }
        return;  // killed before the first migration committed
    }
    // Sequence: 1..count without gaps.
    auto count = db->queryInt("SELECT count(*) FROM ledger");
    auto maxSeq = db->queryInt("SELECT coalesce(max(seq), 0) FROM ledger");
    auto minSeq = db->queryInt("SELECT coalesce(min(seq), 1) FROM ledger");
    if (count && maxSeq && minSeq && (maxSeq.value() != count.value() || minSeq.value() != 1)) {
        ++report.sequenceGaps;
        note(report, "sequence has gaps: " + std::to_string(count.value()) + " rows, max seq " +
                         std::to_string(maxSeq.value()));
    }
    if (count) {
        report.eventsInLedger = count.value();
    }
    // Every reported event is there.
    auto find = db->prepare("SELECT count(*) FROM ledger WHERE id = ?1");
    for (const auto& id : reportedIds) {
        find->reset();
        find->bind(1, std::string_view(id));
        auto row = find->step();
        if (!row || !row.value() || find->columnInt64(0) != 1) {
            ++report.lost;
            note(report, "reported event " + id + " is missing");
        }
    }
    // Decisions whole: every "crash #N part i/k" group has exactly k rows.
    auto groups = db->prepare(
        "SELECT substr(reason, 1, instr(reason, ' part') - 1) AS decision, count(*) AS n, "
        "       max(CAST(substr(reason, instr(reason, '/') + 1) AS INTEGER)) AS k "
        "FROM ledger GROUP BY decision HAVING n != k");
    while (true) {
        auto row = groups->step();
        if (!row || !row.value()) {
            break;
        }
        ++report.partial;
        note(report, "partial decision " + groups->columnText(0));
    }
    // Each ledger row has its outbox row; the member cache matches the ledger.
    auto orphan = db->queryInt("SELECT count(*) FROM ledger l LEFT JOIN outbox o ON o.seq = l.seq "
                               "WHERE o.seq IS NULL");
    if (!orphan || orphan.value() != 0) {
        ++report.integrityFailures;
        note(report, orphan ? "ledger rows without an outbox row" : orphan.error().describe());
    }
    auto cache = db->queryInt(
        "SELECT (SELECT coalesce(sum(points_delta), 0) FROM ledger WHERE member_id = m.id) != m.pending_delta "
        "    OR (SELECT coalesce(sum(remaining), 0) FROM point_lots WHERE member_id = m.id) != m.pending_delta "
        "FROM members m WHERE m.id = '" +
        std::string(kMemberId) + "'");
    if (cache && cache.value() != 0) {
        ++report.integrityFailures;
        note(report, "member cache (pending balance or lots) differs from the ledger");
    }
}

}  // namespace

std::string CrashReport::summary() const {
    std::ostringstream out;
    out << "kills: " << kills << ", lost: " << lost << ", partial: " << partial
        << ", integrity failures: " << integrityFailures;
    return out.str();
}

CrashReport runCrashCycles(const CrashOptions& options) {
    CrashReport report;
    std::mt19937_64 random(options.seed);
    std::set<std::string> reportedIds;
    for (int cycle = 0; cycle < options.kills; ++cycle) {
        Writer writer = startWriter(options, random());
        if (writer.pid <= 0) {
            note(report, "cannot start " + options.writer);
            ++report.integrityFailures;
            break;
        }
        // One kill in five lands anywhere from the start (opening, migrating,
        // provisioning); the others after the first commit, mid-stream.
        std::string output;
        if (random() % 5 != 0) {
            output = waitForFirstCommit(writer.out);
        }
        const auto delay =
            std::chrono::microseconds(random() % (static_cast<std::uint64_t>(options.maxDelayMs) * 1000 + 1));
        std::this_thread::sleep_for(delay);
        kill(writer.pid, SIGKILL);
        int status = 0;
        waitpid(writer.pid, &status, 0);
        ++report.kills;
        std::istringstream lines(output + drain(writer.out));
        close(writer.out);
        if (WIFEXITED(status)) {
            ++report.integrityFailures;
            note(report, "the writer stopped by itself (exit " + std::to_string(WEXITSTATUS(status)) + ")");
        }
        std::string word;
        std::string ids;
        std::int64_t n = 0;
        int parts = 0;
        while (lines >> word >> n >> parts >> ids) {
            ++report.commitsReported;
            std::istringstream split(ids);
            for (std::string id; std::getline(split, id, ',');) {
                reportedIds.insert(id);
            }
        }
        check(options, reportedIds, report);
        if (!report.clean()) {
            break;  // the first problem is the interesting one
        }
    }
    return report;
}

}  // namespace crashtest
