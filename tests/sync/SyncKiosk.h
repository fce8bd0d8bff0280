#pragma once
// For the sync tests: a real kiosk database file in a temp dir (migrated,
// provisioned), the one write path (storage::DecisionRecorder) to record
// events as the UI thread would, and the reads the checks need. Plus the
// checks every scenario makes: exactly-once at head office, balances equal,
// outbox empty, a cursor that never skipped or repeated a change.

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "loyalty/Event.h"
#include "storage/Database.h"
#include "storage/DecisionRecorder.h"
#include "support/TempDir.h"
#include "sync/SyncHeadOffice.h"
#include "sync/SyncOptions.h"

namespace synctest {

// Polls `done` every 5 ms until it holds or `timeout` passes.
bool eventually(const std::function<bool()>& done, std::chrono::milliseconds timeout);

// The client's log lines (SyncOptions::log), kept for the checks.
class LogLines {
public:
    std::function<void(const std::string&)> sink();
    std::vector<std::string> lines() const;
    bool contains(const std::string& text) const;

private:
    mutable std::mutex mutex_;
    std::vector<std::string> lines_;
};

// Every page the client applied, in order (onPageApplied, on the sync thread).
class PageLog {
public:
    std::function<void(const kiosksync::PageApplied&)> recorder();
    std::vector<kiosksync::PageApplied> pages() const;
    // Empty when the pages chain from `startCursor` to `endCursor` with every
    // change counted once (the reference head office numbers changes 1, 2, 3 ...);
    // otherwise what is wrong.
    std::string checkChain(const std::string& startCursor, const std::string& endCursor) const;

private:
    mutable std::mutex mutex_;
    std::vector<kiosksync::PageApplied> pages_;
};

struct Delivery {
    std::int64_t sent = 0;        // events recorded at the kiosk
    std::int64_t stored = 0;      // of those, stored at head office
    std::int64_t duplicates = 0;  // events of this kiosk at head office beyond one per id
    std::int64_t missing = 0;
    std::int64_t notAccepted = 0;
    std::string line(const std::string& scenario) const;
};

class SyncKiosk {
public:
    explicit SyncKiosk(const std::string& kioskId = kKioskA);

    const std::string& path() const { return path_; }
    storage::Database& db() { return db_; }

    // Options for a client of this kiosk against `url`, with short test times.
    kiosksync::SyncOptions options(const std::string& url, const std::string& token = kTokenA) const;

    // Events as the UI would record them (member i of SyncHeadOffice, its card).
    std::vector<loyalty::RecordedEvent> earn(int member, loyalty::Points points);
    std::vector<loyalty::RecordedEvent> earnMany(int member, int events, loyalty::Points points);
    std::vector<loyalty::RecordedEvent> redeem(int member, loyalty::Points cost);
    std::vector<loyalty::RecordedEvent> voidOf(const loyalty::RecordedEvent& target, int member);
    // A new member enrolled here with a new card: enrol + card-link events.
    std::vector<loyalty::RecordedEvent> enrol(const std::string& memberId, const std::string& card);
    // A mix of the above for members 1..members: earns, a redeem, a void, an enrolment.
    void recordMix(int members, int round);

    std::int64_t ledgerCount();
    std::vector<std::string> ledgerIds();
    std::map<std::string, std::int64_t> deltasByMember();
    std::int64_t depth();
    std::string cursor();
    std::int64_t confirmed(const std::string& memberId);
    std::int64_t pending(const std::string& memberId);
    bool hasMember(const std::string& memberId);

    // Exactly-once: each ledger id stored (and accepted) at head office;
    // `otherEvents` are head office's events from other kiosks.
    Delivery delivery(SyncHeadOffice& ho, std::int64_t otherEvents);
    // "" when every member's confirmed balance equals head office's, no
    // delta is pending, and head office's balance is the opening balance
    // plus every event of this kiosk and of kiosk B, each counted once.
    std::string checkBalances(SyncHeadOffice& ho, int members);
    // Outbox empty and the cursor at head office's last change.
    bool caughtUp(SyncHeadOffice& ho);

private:
    std::vector<loyalty::RecordedEvent> record(std::vector<loyalty::EventDraft> events, const std::string& card);

    testsupport::TempDir dir_{"sync-kiosk"};
    std::string path_;
    storage::Database db_;
    storage::DecisionRecorder recorder_;
    std::vector<std::string> enrolled_;
};

}  // namespace synctest
