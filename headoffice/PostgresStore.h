#pragma once
// The fleet store on PostgreSQL (libpq), selected by a postgresql:// URL.
// Same tables and behaviour as SqliteStore. A unit of work is one
// transaction holding a transaction-level advisory lock, so writers (also
// from several head-office processes) are serialized and the change log is
// numbered in commit order; reads and writes of a batch go as a few
// array-valued statements (unnest), not one per event.

#include <functional>
#include <memory>
#include <mutex>
#include <string>

#include "headoffice/PgConnection.h"
#include "headoffice/Store.h"

namespace headoffice {

class PostgresStore final : public Store {
public:
    // Connects and creates the tables when missing.
    static Result<std::unique_ptr<PostgresStore>> open(const std::string& url);

    Status update(const SnapshotKeys& keys, const Decide& decide) override;
    Result<ChangePage> changes(std::int64_t after, std::size_t limit) override;
    Result<std::optional<Member>> member(const std::string& id) override;
    Result<std::vector<EarnedDay>> earned(const std::string& memberId, const EarnedWindow& window) override;
    Result<std::optional<Card>> card(const std::string& token) override;
    Result<std::optional<EventRecord>> event(const std::string& id) override;
    Result<std::optional<Staff>> staff(const std::string& id) override;
    Result<std::optional<RewardTotal>> rewardTotal(const std::string& rewardId) override;
    Result<std::optional<std::string>> kioskForTokenHash(const std::string& tokenSha256) override;
    Status recordHeartbeat(const Heartbeat& heartbeat) override;
    Result<std::optional<Heartbeat>> lastHeartbeat(const std::string& kioskId) override;
    Result<std::int64_t> bulkInsertEvents(const std::vector<EventRecord>& events) override;
    Result<StoreCounts> counts() override;
    std::string describe() const override;

private:
    explicit PostgresStore(PgConnection db) : db_(std::move(db)) {}
    Status createSchema();
    Result<Snapshot> read(const SnapshotKeys& keys);
    // BEGIN; the advisory lock; `work`; COMMIT -- or ROLLBACK on any failure.
    Status transaction(const std::function<Status()>& work);

    std::mutex mutex_;
    PgConnection db_;
};

}  // namespace headoffice
