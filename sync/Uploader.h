#pragma once
// Uploads: the oldest waiting events (in sequence order) go to
// POST /v1/events; a complete answer is applied with Outbox::markResults and
// last_sync_at in one transaction. Anything else leaves every event of that
// batch queued; the scheduler then calls markFailure with the time of the
// next attempt. Runs on the sync thread.
//
// While a queue drains, the batches are pipelined: once batch N's answer is
// complete, batch N+1 (the events after N's last sequence number) goes out
// on a short-lived helper thread while this thread stores N's answers. Head
// office still receives every batch after the previous one's complete
// answer, so events reach it in sequence order; if storing N fails, N and
// N+1 stay queued and are sent again (answered "duplicate": the ids make it
// exactly-once).

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "net/HttpClient.h"
#include "storage/Database.h"
#include "storage/Outbox.h"
#include "sync/HeadOfficeAnswer.h"
#include "sync/SyncOptions.h"

namespace kiosksync {

struct UploadResult {
    enum class Kind {
        Nothing,        // the outbox is empty
        Delivered,      // every batch sent has head office's answer, stored
        NoAnswer,       // the last batch got no complete answer (see `answer`): it stays queued
        StorageFailed,  // this kiosk's database failed (see `error`)
        Stopped,        // cancelled: the client is stopping
    };
    Kind kind = Kind::Nothing;
    // Batches whose answers were stored in this call (before a failure, if any),
    // and their events by answer.
    std::size_t batchesDelivered = 0;
    std::size_t accepted = 0;
    std::size_t duplicates = 0;
    std::size_t rejected = 0;
    // The last batch: its size, whether it was as large as asked for (more
    // may be waiting) and, when it failed, its events.
    std::size_t sent = 0;
    bool fullBatch = false;
    HeadOfficeAnswer answer;
    std::string error;  // why, for NoAnswer and StorageFailed; never personal data
    std::vector<std::string> eventIds;  // the last batch
};

class Uploader {
public:
    // One call sends batches one after the other for at most this long, so
    // the sync loop still publishes its status and sends heartbeats.
    static constexpr std::chrono::milliseconds kDrainSlice{1000};

    Uploader(storage::Database& db, net::HttpClient& http, const SyncOptions& options);

    // Sends the oldest waiting events, `limit` per request, and goes on with
    // the next batch while a full one went through (pipelined, see above),
    // for up to `slice`.
    UploadResult upload(std::size_t limit, std::chrono::milliseconds slice = kDrainSlice);
    // The last batch stays queued: attempts + 1, the error kept, next attempt at nextAttemptAtMs.
    storage::Status markFailure(const UploadResult& result, std::int64_t nextAttemptAtMs);

private:
    struct Batch {
        std::vector<std::string> eventIds;
        std::int64_t lastSeq = 0;
        net::HttpRequest request;
        bool full = false;
    };

    storage::Result<std::string> kioskId();
    storage::Result<std::string> payloadToSend(const std::string& payload);
    // The waiting events after `afterSeq` (0: from the oldest), as a request; none: the queue is empty.
    storage::Result<Batch> prepare(std::int64_t afterSeq, std::size_t limit);
    // Applies a complete answer in one transaction; the outcome counts go into `result`.
    storage::Status store(const std::vector<storage::DeliveryOutcome>& outcomes, UploadResult& result);

    storage::Database& db_;
    net::HttpClient& http_;
    const SyncOptions& options_;
    std::string kioskId_;
};

}  // namespace kiosksync
