#pragma once
// One upload: the oldest waiting events (Outbox::nextBatch, in sequence
// order) go to POST /v1/events; a complete answer is applied with
// Outbox::markResults and last_sync_at in one transaction. Anything else
// leaves every event of the batch queued; the scheduler then calls
// markFailure with the time of the next attempt. Runs on the sync thread.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "net/HttpClient.h"
#include "storage/Database.h"
#include "sync/HeadOfficeAnswer.h"
#include "sync/SyncOptions.h"

namespace kiosksync {

struct UploadResult {
    enum class Kind {
        Nothing,        // the outbox is empty
        Delivered,      // every event of the batch has head office's answer, stored
        NoAnswer,       // no complete answer (see `answer`): the batch stays queued
        StorageFailed,  // this kiosk's database failed (see `error`)
        Stopped,        // cancelled: the client is stopping
    };
    Kind kind = Kind::Nothing;
    std::size_t sent = 0;
    std::size_t accepted = 0;
    std::size_t duplicates = 0;
    std::size_t rejected = 0;
    bool fullBatch = false;  // as many events as asked for went: more may be waiting
    HeadOfficeAnswer answer;
    std::string error;  // why, for NoAnswer and StorageFailed; never personal data
    std::vector<std::string> eventIds;  // the batch
};

class Uploader {
public:
    Uploader(storage::Database& db, net::HttpClient& http, const SyncOptions& options);

    UploadResult uploadOnce(std::size_t limit);
    // The batch stays queued: attempts + 1, the error kept, next attempt at nextAttemptAtMs.
    storage::Status markFailure(const UploadResult& result, std::int64_t nextAttemptAtMs);

private:
    storage::Result<std::string> kioskId();
    storage::Result<std::string> payloadToSend(const std::string& payload);

    storage::Database& db_;
    net::HttpClient& http_;
    const SyncOptions& options_;
    std::string kioskId_;
};

}  // namespace kiosksync
