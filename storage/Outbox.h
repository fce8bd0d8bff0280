#pragma once
// The outbox: every ledger event waits here until head office answers for it
// (design brief §5). Upload is at-least-once; head office's unique constraint
// on the event id makes it exactly-once. Acknowledging an event moves its
// points from the member's pending delta to the confirmed balance; a
// rejected event is kept, listed for staff, and reverses nothing by itself.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "loyalty/Event.h"
#include "loyalty/MemberState.h"
#include "storage/Database.h"

namespace storage {

struct OutboxEntry {
    std::string eventId;
    std::int64_t seq = 0;
    std::string payload;  // the event as JSON, as it is uploaded (docs/storage.md)
    std::int32_t attempts = 0;
    std::int64_t nextAttemptAt = 0;  // Unix ms
};

enum class DeliveryResult { Accepted, Duplicate, Rejected };

// Head office's answer for one event.
struct DeliveryOutcome {
    std::string eventId;
    DeliveryResult result = DeliveryResult::Accepted;
    std::string reason;  // Rejected: why (shown to staff)
};

// A rejected event waiting for staff to reconcile it.
struct RejectedEvent {
    std::string eventId;
    std::int64_t seq = 0;
    loyalty::EventType type = loyalty::EventType::Earn;
    std::string memberId;
    loyalty::Points pointsDelta = 0;  // still in the member's pending delta
    std::string eventReason;          // the event's own reason text
    std::string rejectionReason;      // head office's answer
    std::int64_t rejectedAt = 0;      // Unix ms
};

class Outbox {
public:
    explicit Outbox(Database& db) : db_(db) {}

    // Up to `limit` unacknowledged events whose next attempt is due at
    // `nowMs` (next_attempt_at <= nowMs), in sequence order.
    Result<std::vector<OutboxEntry>> nextBatch(std::int64_t nowMs, std::size_t limit);
    // Up to `limit` unacknowledged events after sequence number `afterSeq`,
    // due or not, in sequence order: the batch that follows one still
    // waiting for its answers to be marked (the sync thread's pipelined
    // upload, docs/sync-protocol.md).
    Result<std::vector<OutboxEntry>> nextBatchAfter(std::int64_t afterSeq, std::size_t limit);

    // Applies head office's answers in ONE transaction (a savepoint inside
    // the caller's): Accepted and Duplicate acknowledge the event and move
    // its points delta from the member's pending_delta to confirmed_balance;
    // Rejected acknowledges it as rejected with the reason and leaves the
    // delta pending (see rejected()). An answer for an event acknowledged
    // already changes nothing (idempotent). An accepted or duplicate event's
    // payload is dropped (the ledger row holds the same); a rejected one
    // keeps it. An id not in the outbox fails the whole batch (NotFound) and
    // nothing is applied. Costs one lookup and one update per event and one
    // update per member (the deltas are summed per member first).
    Status markResults(const std::vector<DeliveryOutcome>& outcomes, std::int64_t nowMs);

    // An upload that got no per-event answer (network, 5xx): attempts + 1,
    // the error kept, next attempt at `nextAttemptAtMs`. Acknowledged or
    // unknown ids are skipped.
    Status markFailure(const std::vector<std::string>& eventIds, std::string_view error,
                       std::int64_t nextAttemptAtMs);

    // Unacknowledged events.
    Result<std::int64_t> depth();
    // Age of the oldest unacknowledged event (now - its wall time); nullopt
    // when nothing waits.
    Result<std::optional<std::int64_t>> oldestUnsentAgeMs(std::int64_t nowMs);
    // Points redeemed here that head office has not acknowledged yet (the
    // kiosk's offline exposure, loyalty::KioskState).
    Result<loyalty::Points> unsyncedRedeemedPoints();

    // What this member's events whose delta is still pending (not
    // acknowledged, or rejected and not reconciled: the events pending_delta
    // counts) added to earned_points, as MemberCacheWriter wrote it: an
    // earn's points on its shop-local day, a void of an earn its (negative)
    // delta on the earn's day (left out when the earn is no longer in the
    // ledger). What head office's earning history of the member lacks.
    // In sequence order; a day may repeat.
    Result<std::vector<loyalty::EarnedEntry>> pendingEarned(std::string_view memberId);

    // Rejected events not yet reconciled, oldest first.
    Result<std::vector<RejectedEvent>> rejected();
    // Staff reconciled a rejection: head office never counted the event, so
    // its delta leaves the member's pending delta, and it is no longer
    // listed (nor protected from pruning). NotFound unless the event is an
    // unreconciled rejection.
    Status resolveRejected(std::string_view eventId, std::int64_t nowMs);

private:
    // Unacknowledged events matching condition (with ?1 = value), in
    // sequence order, at most limit.
    Result<std::vector<OutboxEntry>> unsentBatch(const char* condition, std::int64_t value, std::size_t limit);

    Database& db_;
};

}  // namespace storage
