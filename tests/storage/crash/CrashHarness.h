#pragma once
// Kills a process that is recording decisions, at random moments, again and
// again, and after every kill checks the database the way the kiosk would
// find it after a power cut: integrity, every reported commit present, the
// per-kiosk sequence without gaps, no decision half-written, the member's
// cached balance and lots equal to what the ledger says.

#include <cstdint>
#include <string>

namespace crashtest {

struct CrashReport {
    int kills = 0;
    std::int64_t commitsReported = 0;  // commits the writer said had returned
    std::int64_t eventsInLedger = 0;
    int lost = 0;               // reported events missing after reopening
    int partial = 0;            // decisions with some but not all events
    int integrityFailures = 0;  // integrity_check not ok, or cache out of step with the ledger
    int sequenceGaps = 0;
    std::string firstProblem;   // what went wrong first, for the failure message

    std::string summary() const;  // "kills: N, lost: 0, partial: 0, integrity failures: 0"
    bool clean() const { return lost == 0 && partial == 0 && integrityFailures == 0 && sequenceGaps == 0; }
};

struct CrashOptions {
    std::string writer;        // path of storage_crash_writer
    std::string database;      // file to crash into (created)
    int kills = 200;
    int maxDelayMs = 40;       // each kill lands 0..maxDelayMs after the writer starts
    std::uint64_t seed = 1;
};

CrashReport runCrashCycles(const CrashOptions& options);

}  // namespace crashtest
