#include "sync/Uploader.h"

#include <future>
#include <optional>

#include "storage/KioskIdentity.h"
#include "storage/MemberRepository.h"
#include "storage/Outbox.h"
#include "storage/SyncStateRepository.h"
#include "storage/Transaction.h"
#include "sync/EventUpload.h"

namespace kiosksync {

namespace {

std::int64_t wallNowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

UploadResult storageFailed(UploadResult result, const storage::StorageError& error) {
    result.kind = UploadResult::Kind::StorageFailed;
    result.error = "kiosk database: " + error.describe();
    return result;
}

}  // namespace

Uploader::Uploader(storage::Database& db, net::HttpClient& http, const SyncOptions& options)
    : db_(db), http_(http), options_(options) {}

storage::Result<std::string> Uploader::kioskId() {
    if (kioskId_.empty()) {
        auto id = storage::KioskIdentity(db_).kioskId();
        if (!id) {
            return loyalty::unexpected(id.error());
        }
        if (!id.value()) {
            return loyalty::unexpected(storage::StorageError{
                storage::ErrorCode::NotFound, "the kiosk is not provisioned (kioskctl provision)", 0});
        }
        kioskId_ = **id;
    }
    return kioskId_;
}

storage::Result<std::string> Uploader::payloadToSend(const std::string& payload) {
    const std::string memberId = EventUpload::enrolMemberId(payload);
    if (memberId.empty()) {
        return payload;
    }
    auto member = storage::MemberRepository(db_).get(memberId);
    if (!member) {
        return loyalty::unexpected(member.error());
    }
    if (!member.value()) {
        // Head office answers "invalid" and the event is kept for staff.
        return payload;
    }
    auto enriched = EventUpload::withMember(payload, **member);
    return enriched ? enriched.value() : payload;
}

storage::Result<Uploader::Batch> Uploader::prepare(std::int64_t afterSeq, std::size_t limit) {
    auto kiosk = kioskId();
    if (!kiosk) {
        return loyalty::unexpected(kiosk.error());
    }
    // Every waiting event, due or not: the scheduler decides when to try,
    // and events go in sequence order (a void never overtakes its target).
    storage::Outbox outbox(db_);
    auto entries = outbox.nextBatchAfter(afterSeq, limit);
    if (!entries) {
        return loyalty::unexpected(entries.error());
    }
    Batch batch;
    if (entries->empty()) {
        return batch;
    }
    std::vector<std::string> payloads;
    payloads.reserve(entries->size());
    batch.eventIds.reserve(entries->size());
    for (auto& entry : *entries) {
        auto payload = payloadToSend(entry.payload);
        if (!payload) {
            return loyalty::unexpected(payload.error());
        }
        payloads.push_back(std::move(payload.value()));
        batch.eventIds.push_back(std::move(entry.eventId));
    }
    batch.lastSeq = entries->back().seq;
    batch.full = entries->size() >= limit;
    batch.request = net::HttpRequest::postJson("/v1/events", EventUpload::requestBody(*kiosk, payloads));
    batch.request.timeout = options_.requestTimeout;
    batch.request.connectTimeout = options_.connectTimeout;
    return batch;
}

storage::Status Uploader::store(const std::vector<storage::DeliveryOutcome>& outcomes, UploadResult& result) {
    const std::int64_t now = wallNowMs();
    auto transaction = storage::Transaction::begin(db_);
    if (!transaction) {
        return loyalty::unexpected(transaction.error());
    }
    if (auto marked = storage::Outbox(db_).markResults(outcomes, now); !marked) {
        return marked;
    }
    if (auto stamped = storage::SyncStateRepository(db_).setLastSyncAtMs(now); !stamped) {
        return stamped;
    }
    if (auto committed = transaction->commit(); !committed) {
        return committed;
    }
    for (const auto& outcome : outcomes) {
        switch (outcome.result) {
            case storage::DeliveryResult::Accepted: ++result.accepted; break;
            case storage::DeliveryResult::Duplicate: ++result.duplicates; break;
            case storage::DeliveryResult::Rejected: ++result.rejected; break;
        }
    }
    ++result.batchesDelivered;
    return storage::Done{};
}

UploadResult Uploader::upload(std::size_t limit, std::chrono::milliseconds slice) {
    UploadResult result;
    const auto until = std::chrono::steady_clock::now() + slice;
    auto first = prepare(0, limit);
    if (!first) {
        return storageFailed(std::move(result), first.error());
    }
    if (first->eventIds.empty()) {
        return result;
    }
    Batch batch = std::move(*first);
    net::HttpResult answered = http_.send(batch.request);
    while (true) {
        result.sent = batch.eventIds.size();
        result.fullBatch = batch.full;
        result.eventIds = std::move(batch.eventIds);
        result.answer = HeadOfficeAnswer::of(std::move(answered));
        if (result.answer.kind == AnswerKind::Cancelled) {
            result.kind = UploadResult::Kind::Stopped;
            return result;
        }
        if (!result.answer.usable()) {
            result.kind = UploadResult::Kind::NoAnswer;
            result.error = result.answer.error;
            return result;
        }
        auto outcomes = EventUpload::parseAnswer(result.answer.response.body, result.eventIds);
        if (!outcomes) {
            result.kind = UploadResult::Kind::NoAnswer;
            result.error = "incomplete answer from head office: " + outcomes.error();
            return result;
        }
        // The next batch travels while this one's answers are stored. The
        // future's destructor waits for the request on every path out.
        std::optional<Batch> next;
        std::future<net::HttpResult> inFlight;
        if (batch.full && std::chrono::steady_clock::now() < until) {
            auto prepared = prepare(batch.lastSeq, limit);
            if (prepared && !prepared->eventIds.empty()) {
                next.emplace(std::move(*prepared));
                inFlight = std::async(std::launch::async,
                                      [this, &request = next->request] { return http_.send(request); });
            }
        }
        if (auto stored = store(*outcomes, result); !stored) {
            return storageFailed(std::move(result), stored.error());
        }
        result.kind = UploadResult::Kind::Delivered;
        if (!next) {
            return result;
        }
        answered = inFlight.get();
        batch = std::move(*next);
    }
}

storage::Status Uploader::markFailure(const UploadResult& result, std::int64_t nextAttemptAtMs) {
    if (result.eventIds.empty()) {
        return storage::Done{};
    }
    return storage::Outbox(db_).markFailure(result.eventIds, result.error, nextAttemptAtMs);
}

}  // namespace kiosksync
