#pragma once
// Head office's store: events (unique id, kept forever, rejected ones too),
// members with their authoritative balance and their points earned per day
// (earned_points: accepted earns less their voids, and a load file's
// opening history), cards, staff, catalogue, reward totals, the numbered
// change log behind GET /v1/changes, kiosks (SHA-256 of their tokens) and
// each kiosk's last heartbeat.
//
// Two implementations: SqliteStore (default) and PostgresStore. The rules
// live outside (IngestRules, LoadPlanner): a store reads a Snapshot, hands
// it to the caller's decision, and writes the resulting WriteSet, all in one
// transaction. Implementations are safe to call from several threads.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "headoffice/HeadOfficeError.h"
#include "headoffice/Records.h"
#include "headoffice/Snapshot.h"
#include "headoffice/WriteSet.h"

namespace headoffice {

class Store {
public:
    using Decide = std::function<Result<WriteSet>(const Snapshot&)>;

    virtual ~Store() = default;

    // One all-or-nothing unit of work: reads the rows `keys` names, calls
    // `decide` with them, writes what it returns and commits. Writers are
    // serialized, so change-log numbers are in commit order. An error from
    // `decide` or the store rolls everything back.
    virtual Status update(const SnapshotKeys& keys, const Decide& decide) = 0;

    // Up to `limit` change-log entries numbered above `after`, ascending.
    virtual Result<ChangePage> changes(std::int64_t after, std::size_t limit) = 0;

    // A member without its earning history (Member::earned stays empty: see earned()).
    virtual Result<std::optional<Member>> member(const std::string& id) = 0;
    // A member's earning history inside `window`: days ascending, points > 0.
    virtual Result<std::vector<EarnedDay>> earned(const std::string& memberId, const EarnedWindow& window) = 0;
    virtual Result<std::optional<Card>> card(const std::string& token) = 0;
    virtual Result<std::optional<EventRecord>> event(const std::string& id) = 0;
    virtual Result<std::optional<Staff>> staff(const std::string& id) = 0;
    virtual Result<std::optional<RewardTotal>> rewardTotal(const std::string& rewardId) = 0;

    // The kiosk whose token has this SHA-256 (lower-case hex), if any.
    virtual Result<std::optional<std::string>> kioskForTokenHash(const std::string& tokenSha256) = 0;

    // Keeps the last heartbeat per kiosk (replaces the previous one).
    virtual Status recordHeartbeat(const Heartbeat& heartbeat) = 0;
    virtual Result<std::optional<Heartbeat>> lastHeartbeat(const std::string& kioskId) = 0;

    // The service's own bulk insert, for benchmarks: `events` straight into
    // the events table in one transaction, as they are (no rules, no
    // balance, no change log); ids already stored are skipped. The number
    // inserted.
    virtual Result<std::int64_t> bulkInsertEvents(const std::vector<EventRecord>& events) = 0;

    virtual Result<StoreCounts> counts() = 0;

    // For the start-up log line: "sqlite:/var/lib/headoffice.db (journal_mode=wal synchronous=NORMAL)".
    // Never a password.
    virtual std::string describe() const = 0;
};

}  // namespace headoffice
