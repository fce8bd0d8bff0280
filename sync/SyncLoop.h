#pragma once
// The sync thread's body (docs/sync-protocol.md, "Kiosk side"): opens its
// own connection to the kiosk's database, then, in this order of priority,
// uploads the outbox, downloads changes once the outbox is empty, and sends
// heartbeats, each on its own timer; sleeps until the next one is due or a
// signal comes (SyncSignals). After a failure the step waits with
// exponential backoff and full jitter; after 429/503 with Retry-After no
// request of any kind goes out before it has passed. Posts a SyncStatus
// after every step. Everything here belongs to the sync thread.

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "net/HttpClient.h"
#include "storage/KioskStore.h"
#include "sync/Backoff.h"
#include "sync/CardLookup.h"
#include "sync/Downloader.h"
#include "sync/SyncOptions.h"
#include "sync/SyncSignals.h"
#include "sync/SyncStatus.h"
#include "sync/Uploader.h"

namespace kiosksync {

class SyncLoop {
public:
    using Publish = std::function<void(const SyncStatus&)>;

    SyncLoop(const SyncOptions& options, net::HttpClient& http, SyncSignals& signals, CardLookup& lookup,
             Publish publish);

    // Until SyncSignals::requestStop() (and the HttpClient's cancel()).
    void run();

private:
    using Clock = std::chrono::steady_clock;
    enum class Action { None, Upload, Download, Heartbeat };

    bool open();
    void take(const SyncSignals::Pending& pending, Clock::time_point now);
    Action due(Clock::time_point now) const;
    Clock::time_point nextWake() const;
    void act(Action action, Clock::time_point now);

    void upload(Clock::time_point now);
    void download(Clock::time_point now);
    void heartbeat(Clock::time_point now);
    // After an exchange without a usable answer: the wait before the next
    // try of this step (backoff, or Retry-After when longer), which also
    // silences every request while head office asked for quiet.
    std::chrono::milliseconds failed(const HeadOfficeAnswer& answer, std::int64_t failures, Clock::time_point now);
    void succeeded();

    void publish();
    void log(const std::string& line) const;

    const SyncOptions& options_;
    net::HttpClient& http_;
    SyncSignals& signals_;
    CardLookup& lookup_;
    Publish publish_;
    Backoff backoff_;

    std::optional<storage::KioskStore> store_;
    std::optional<Uploader> uploader_;
    std::optional<Downloader> downloader_;
    std::string kioskId_;

    Clock::time_point uploadAt_;
    Clock::time_point downloadAt_;
    Clock::time_point heartbeatAt_;
    Clock::time_point quietUntil_;
    Clock::time_point lastUploadTry_;
    Clock::time_point publishAt_;  // the status is posted at least every idlePoll
    std::int64_t uploadFailures_ = 0;
    std::int64_t downloadFailures_ = 0;
    std::size_t batchLimit_;    // events in the next upload
    std::size_t batchCeiling_;  // below the smallest batch head office found too large
    bool queueEmpty_ = false;

    bool online_ = false;
    std::string lastError_;
    std::optional<std::int64_t> lastSuccessAtMs_;
    std::optional<std::int64_t> clockOffsetMs_;
    std::string cursor_;
    std::int64_t eventsAccepted_ = 0;
    std::int64_t eventsDuplicate_ = 0;
    std::int64_t eventsRejected_ = 0;
    std::int64_t pagesApplied_ = 0;
};

}  // namespace kiosksync
