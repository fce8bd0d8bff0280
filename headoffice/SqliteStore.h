#pragma once
// The default store: one SQLite file in WAL mode, one connection behind a
// mutex, prepared statements for every query. A unit of work is one BEGIN
// IMMEDIATE transaction, so a 500-event upload costs one commit.
//
// Durability: synchronous=NORMAL by default. A crash of headoffice loses
// nothing it answered; a power cut or kernel crash may lose the last
// batches it acknowledged, and kiosks do not send acknowledged events
// again. Full durability (one fsync per batch, a few ms) is
// `sqlite:PATH?synchronous=full`. WAL checkpoints run on a thread of their own (SqliteCheckpointer).

#include <memory>
#include <mutex>
#include <string>

#include "headoffice/SqliteCheckpointer.h"
#include "headoffice/SqliteConnection.h"
#include "headoffice/Store.h"

namespace headoffice {

class SqliteStore final : public Store {
public:
    static Result<std::unique_ptr<SqliteStore>> open(const std::string& path, bool fullSync = false);
    ~SqliteStore() override;

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
    struct Statements;
    SqliteStore(SqliteConnection db, std::unique_ptr<Statements> statements,
                std::unique_ptr<SqliteCheckpointer> checkpointer, bool fullSync);

    Result<Snapshot> read(const SnapshotKeys& keys);
    Status write(const WriteSet& writes);
    Result<std::vector<EarnedDay>> readEarned(const std::string& memberId, const EarnedWindow& window);
    Status insertEvent(SqliteStatement& insert, const EventRecord& event);

    std::mutex mutex_;
    SqliteConnection db_;
    std::unique_ptr<Statements> sql_;
    std::unique_ptr<SqliteCheckpointer> checkpointer_;
    bool fullSync_ = false;
};

}  // namespace headoffice
