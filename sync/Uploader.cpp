#include "sync/Uploader.h"

#include <chrono>
#include <limits>

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

UploadResult Uploader::uploadOnce(std::size_t limit) {
    UploadResult result;
    auto kiosk = kioskId();
    if (!kiosk) {
        return storageFailed(std::move(result), kiosk.error());
    }
    storage::Outbox outbox(db_);
    // Every waiting event, due or not: the scheduler decides when to try,
    // and events go in sequence order (a void never overtakes its target).
    auto batch = outbox.nextBatch(std::numeric_limits<std::int64_t>::max(), limit);
    if (!batch) {
        return storageFailed(std::move(result), batch.error());
    }
    if (batch->empty()) {
        return result;
    }
    std::vector<std::string> payloads;
    payloads.reserve(batch->size());
    for (const auto& entry : *batch) {
        auto payload = payloadToSend(entry.payload);
        if (!payload) {
            return storageFailed(std::move(result), payload.error());
        }
        payloads.push_back(std::move(payload.value()));
        result.eventIds.push_back(entry.eventId);
    }
    result.sent = batch->size();
    result.fullBatch = batch->size() >= limit;

    auto request = net::HttpRequest::postJson("/v1/events", EventUpload::requestBody(*kiosk, payloads));
    request.timeout = options_.requestTimeout;
    request.connectTimeout = options_.connectTimeout;
    result.answer = HeadOfficeAnswer::of(http_.send(request));
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
    for (const auto& outcome : *outcomes) {
        switch (outcome.result) {
            case storage::DeliveryResult::Accepted: ++result.accepted; break;
            case storage::DeliveryResult::Duplicate: ++result.duplicates; break;
            case storage::DeliveryResult::Rejected: ++result.rejected; break;
        }
    }
    const std::int64_t now = wallNowMs();
    auto transaction = storage::Transaction::begin(db_);
    if (!transaction) {
        return storageFailed(std::move(result), transaction.error());
    }
    if (auto marked = outbox.markResults(*outcomes, now); !marked) {
        return storageFailed(std::move(result), marked.error());
    }
    if (auto stamped = storage::SyncStateRepository(db_).setLastSyncAtMs(now); !stamped) {
        return storageFailed(std::move(result), stamped.error());
    }
    if (auto committed = transaction->commit(); !committed) {
        return storageFailed(std::move(result), committed.error());
    }
    result.kind = UploadResult::Kind::Delivered;
    return result;
}

storage::Status Uploader::markFailure(const UploadResult& result, std::int64_t nextAttemptAtMs) {
    if (result.eventIds.empty()) {
        return storage::Done{};
    }
    return storage::Outbox(db_).markFailure(result.eventIds, result.error, nextAttemptAtMs);
}

}  // namespace kiosksync
