#include "sync/SyncLoop.h"

#include <algorithm>

#include "storage/KioskIdentity.h"
#include "storage/Outbox.h"
#include "storage/SyncStateRepository.h"
#include "sync/Heartbeat.h"

namespace kiosksync {

namespace {

std::int64_t wallNowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::string seconds(std::chrono::milliseconds wait) {
    const auto tenths = wait.count() / 100;
    return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + " s";
}

}  // namespace

SyncLoop::SyncLoop(const SyncOptions& options, net::HttpClient& http, SyncSignals& signals, CardLookup& lookup,
                   Publish publish)
    : options_(options),
      http_(http),
      signals_(signals),
      lookup_(lookup),
      publish_(std::move(publish)),
      backoff_(options.backoffBase, options.backoffCap, options.jitterSeed),
      batchLimit_(std::max<std::size_t>(options.maxBatch, 1)),
      batchCeiling_(batchLimit_) {
    const auto now = Clock::now();
    uploadAt_ = downloadAt_ = heartbeatAt_ = now;
    quietUntil_ = lastUploadTry_ = now - std::chrono::hours(1);
}

void SyncLoop::log(const std::string& line) const {
    if (options_.log) {
        options_.log("sync: " + line);
    }
}

bool SyncLoop::open() {
    std::int64_t failures = 0;
    while (!signals_.stopping()) {
        storage::KioskStoreOptions storeOptions;
        storeOptions.path = options_.databasePath;
        storeOptions.busyTimeoutMs = options_.busyTimeoutMs;
        storeOptions.quickCheck = false;        // the UI thread's connection checked the file
        storeOptions.moveCorruptAside = false;  // and it alone moves a damaged one aside
        auto store = storage::KioskStore::open(storeOptions);
        std::string problem;
        if (store) {
            storage::Database& db = store->database();
            auto kiosk = storage::KioskIdentity(db).kioskId();
            storage::SyncStateRepository state(db);
            auto cursor = state.cursor();
            auto last = state.lastSyncAtMs();
            if (kiosk && kiosk.value() && cursor && last) {
                kioskId_ = **kiosk;
                cursor_ = cursor->value_or(std::string());
                lastSuccessAtMs_ = *last;
                store_.emplace(std::move(store.value()));
                uploader_.emplace(store_->database(), http_, options_);
                downloader_.emplace(store_->database(), http_, options_);
                lastError_.clear();
                return true;
            }
            problem = !kiosk    ? kiosk.error().describe()
                      : !cursor ? cursor.error().describe()
                      : !last   ? last.error().describe()
                                : std::string("the kiosk is not provisioned (kioskctl provision)");
        } else {
            problem = store.error().describe();
        }
        lastError_ = "kiosk database: " + problem;
        ++failures;
        const auto wait = std::max(backoff_.delay(failures), options_.backoffBase);
        log(lastError_ + "; trying again in " + seconds(wait));
        publish();
        signals_.waitUntil(Clock::now() + wait);
    }
    return false;
}

void SyncLoop::run() {
    if (!open()) {
        return;
    }
    log("started for kiosk " + kioskId_);
    publish();
    while (true) {
        auto pending = signals_.take();
        if (pending.stop) {
            break;
        }
        take(pending, Clock::now());
        const auto now = Clock::now();
        if (now >= publishAt_) {
            publish();  // the queue's age moves on even while nothing else happens
        }
        if (const Action action = due(now); action != Action::None) {
            try {
                act(action, now);
            } catch (...) {  // nothing leaves the thread
                lastError_ = "internal error in the sync thread";
                uploadAt_ = downloadAt_ = heartbeatAt_ = now + options_.backoffBase;
            }
            publish();
            continue;
        }
        pending = signals_.waitUntil(nextWake());
        if (pending.stop) {
            break;
        }
        take(pending, Clock::now());
    }
    log("stopped");
}

void SyncLoop::take(const SyncSignals::Pending& pending, Clock::time_point now) {
    if (pending.newEvents) {
        queueEmpty_ = false;
        // A fresh tap goes up at once; while uploads fail, it may bring the
        // next try forward, but not to less than backoffBase after the last.
        const auto soonest = uploadFailures_ == 0 ? now : lastUploadTry_ + options_.backoffBase;
        uploadAt_ = std::min(uploadAt_, std::max(now, soonest));
    }
    if (pending.download) {
        downloadAt_ = std::min(downloadAt_, now);
    }
}

SyncLoop::Action SyncLoop::due(Clock::time_point now) const {
    if (now < quietUntil_) {
        return Action::None;
    }
    if (now >= uploadAt_) {
        return Action::Upload;
    }
    if (queueEmpty_ && now >= downloadAt_) {
        return Action::Download;
    }
    if (now >= heartbeatAt_) {
        return Action::Heartbeat;
    }
    return Action::None;
}

SyncLoop::Clock::time_point SyncLoop::nextWake() const {
    auto wake = std::min(uploadAt_, heartbeatAt_);
    if (queueEmpty_) {
        wake = std::min(wake, downloadAt_);
    }
    return std::min(std::max(wake, quietUntil_), publishAt_);
}

void SyncLoop::act(Action action, Clock::time_point now) {
    switch (action) {
        case Action::Upload: upload(now); break;
        case Action::Download: download(now); break;
        case Action::Heartbeat: heartbeat(now); break;
        case Action::None: break;
    }
}

std::chrono::milliseconds SyncLoop::failed(const HeadOfficeAnswer& answer, std::int64_t failures,
                                           Clock::time_point now) {
    online_ = false;
    auto wait = backoff_.delay(failures);
    if (answer.kind == AnswerKind::Busy && answer.retryAfter) {
        wait = std::max(wait, *answer.retryAfter);
        quietUntil_ = now + *answer.retryAfter;
        lookup_.holdUntil(quietUntil_);
    }
    return wait;
}

void SyncLoop::succeeded() {
    online_ = true;
    lastError_.clear();
    lastSuccessAtMs_ = wallNowMs();
}

void SyncLoop::upload(Clock::time_point now) {
    lastUploadTry_ = now;
    UploadResult result = uploader_->upload(batchLimit_);
    // Batches delivered before a later one failed or the client stopped still count.
    eventsAccepted_ += static_cast<std::int64_t>(result.accepted);
    eventsDuplicate_ += static_cast<std::int64_t>(result.duplicates);
    eventsRejected_ += static_cast<std::int64_t>(result.rejected);
    if (result.rejected > 0) {
        log("head office rejected " + std::to_string(result.rejected) + " of " +
            std::to_string(result.accepted + result.duplicates + result.rejected) +
            " events; they wait for staff (Outbox::rejected)");
    }
    if (result.batchesDelivered > 0) {
        succeeded();
        uploadFailures_ = 0;
    }
    switch (result.kind) {
        case UploadResult::Kind::Stopped: return;
        case UploadResult::Kind::Nothing:
            queueEmpty_ = true;
            uploadAt_ = now + options_.idlePoll;
            return;
        case UploadResult::Kind::Delivered:
            batchLimit_ = std::min(batchCeiling_, batchLimit_ * 2);
            queueEmpty_ = !result.fullBatch;
            uploadAt_ = result.fullBatch ? now : now + options_.idlePoll;
            return;
        case UploadResult::Kind::NoAnswer:
            if (result.answer.kind == AnswerKind::TooLarge && result.sent > 1) {
                batchCeiling_ = result.sent - 1;  // never that many again
                batchLimit_ = std::max<std::size_t>(1, result.sent / 2);
                uploadAt_ = now;
                log("head office found " + std::to_string(result.sent) + " events too many; sending " +
                    std::to_string(batchLimit_) + " at a time");
                return;
            }
            break;
        case UploadResult::Kind::StorageFailed: break;
    }
    queueEmpty_ = false;
    ++uploadFailures_;
    lastError_ = result.error;
    const auto wait = result.kind == UploadResult::Kind::NoAnswer ? failed(result.answer, uploadFailures_, now)
                                                                  : backoff_.delay(uploadFailures_);
    uploadAt_ = now + wait;
    if (auto marked = uploader_->markFailure(result, wallNowMs() + wait.count()); !marked) {
        log("could not note the failed upload: " + marked.error().describe());
    }
    log("upload of " + std::to_string(result.sent) + " events failed (" + result.error + "); next try in " +
        seconds(wait));
}

void SyncLoop::download(Clock::time_point now) {
    // Upload before download: an event written by another process without
    // a notification goes up first.
    if (auto depth = storage::Outbox(store_->database()).depth(); depth && *depth > 0) {
        queueEmpty_ = false;
        uploadAt_ = std::min(uploadAt_, now);
        return;
    }
    DownloadResult result = downloader_->downloadPage(options_.pageLimit);
    if (result.kind == DownloadResult::Kind::Stopped) {
        return;
    }
    if (result.kind == DownloadResult::Kind::Applied) {
        succeeded();
        downloadFailures_ = 0;
        ++pagesApplied_;
        cursor_ = result.page.nextCursor;
        downloadAt_ = result.page.more ? now : now + options_.downloadInterval;
        for (const auto& note : result.report.notes) {
            log(note);
        }
        if (options_.onPageApplied) {
            options_.onPageApplied(result.page);
        }
        return;
    }
    ++downloadFailures_;
    lastError_ = result.error;
    const auto wait = result.kind == DownloadResult::Kind::NoAnswer ? failed(result.answer, downloadFailures_, now)
                                                                    : backoff_.delay(downloadFailures_);
    downloadAt_ = now + wait;
    log("download failed (" + result.error + "); next try in " + seconds(wait));
}

void SyncLoop::heartbeat(Clock::time_point now) {
    heartbeatAt_ = now + options_.heartbeatInterval;
    storage::Outbox outbox(store_->database());
    const std::int64_t wallNow = wallNowMs();
    auto depth = outbox.depth();
    auto age = outbox.oldestUnsentAgeMs(wallNow);
    const ReaderReport reader = signals_.reader();
    HeartbeatReport report;
    report.kioskId = kioskId_;
    report.version = options_.version;
    report.outboxDepth = depth ? *depth : 0;
    report.oldestUnsentAgeMs = age ? *age : std::nullopt;
    report.readerState = reader.state;
    report.lastError = reader.lastError.empty() ? lastError_ : reader.lastError;
    report.kioskTimeMs = wallNow;
    HeartbeatResult result = Heartbeat::send(http_, report, options_);
    if (result.answer.kind == AnswerKind::Cancelled) {
        return;
    }
    if (result.clockOffsetMs) {
        clockOffsetMs_ = result.clockOffsetMs;
        return;
    }
    if (result.answer.kind == AnswerKind::Busy && result.answer.retryAfter) {
        quietUntil_ = now + *result.answer.retryAfter;
        lookup_.holdUntil(quietUntil_);
    }
}

void SyncLoop::publish() {
    publishAt_ = Clock::now() + options_.idlePoll;
    if (!publish_) {
        return;
    }
    SyncStatus status;
    status.running = store_.has_value();
    status.online = online_;
    status.lastError = lastError_;
    status.lastSuccessAtMs = lastSuccessAtMs_;
    status.clockOffsetMs = clockOffsetMs_;
    status.cursor = cursor_;
    status.consecutiveFailures = std::max(uploadFailures_, downloadFailures_);
    status.eventsAccepted = eventsAccepted_;
    status.eventsDuplicate = eventsDuplicate_;
    status.eventsRejected = eventsRejected_;
    status.pagesApplied = pagesApplied_;
    if (store_) {
        storage::Outbox outbox(store_->database());
        if (auto depth = outbox.depth()) {
            status.queueDepth = *depth;
        }
        if (auto age = outbox.oldestUnsentAgeMs(wallNowMs())) {
            status.oldestUnsentAgeMs = *age;
        }
        if (auto rejected = outbox.rejected()) {
            status.rejectedEvents = static_cast<std::int64_t>(rejected->size());
        }
    }
    if (status.consecutiveFailures > 0) {
        auto next = uploadFailures_ > 0 ? uploadAt_ : downloadAt_;
        next = std::max(next, quietUntil_);
        status.nextAttemptInMs = std::max<std::int64_t>(
            0, std::chrono::duration_cast<std::chrono::milliseconds>(next - Clock::now()).count());
    }
    publish_(status);
}

}  // namespace kiosksync
