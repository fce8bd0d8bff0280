#include "storage/DecisionRecorder.h"

#include <time.h>

#include <algorithm>
#include <memory>
#include <utility>

#include "storage/EventPayload.h"
#include "storage/KioskIdentity.h"
#include "storage/MemberCacheWriter.h"
#include "storage/Rows.h"
#include "storage/Transaction.h"
#include "storage/Uuid.h"

namespace storage {

namespace {

using loyalty::EventType;

std::optional<std::string> orNull(const std::string& text) {
    return text.empty() ? std::nullopt : std::optional<std::string>(text);
}

bool countsAsTransaction(EventType type) {
    return type == EventType::Earn || type == EventType::Redeem || type == EventType::Stamp;
}

// Version 7: time-ordered, so the ledger's id index grows at its end. The
// random bits come from the recorder's own buffer (UuidSource).
DecisionRecorder::IdSource timeOrderedIds() {
    return [source = std::make_shared<UuidSource>()]() -> Result<std::string> {
        timespec now{};
        clock_gettime(CLOCK_REALTIME, &now);
        auto id = source->timeOrdered(static_cast<std::int64_t>(now.tv_sec) * 1000 + now.tv_nsec / 1000000);
        if (!id) {
            return failure(id);
        }
        return id->text();
    };
}

}  // namespace

DecisionRecorder::DecisionRecorder(Database& db) : DecisionRecorder(db, timeOrderedIds()) {}

DecisionRecorder::DecisionRecorder(Database& db, IdSource ids) : db_(db), ids_(std::move(ids)), statements_(db) {}

Result<std::vector<loyalty::RecordedEvent>> DecisionRecorder::record(const RecordRequest& request) {
    auto recorded = recordInTransaction(request);
    statements_.resetAll();  // after a failure too: no statement keeps a snapshot open
    return recorded;
}

Result<std::vector<loyalty::RecordedEvent>> DecisionRecorder::recordInTransaction(const RecordRequest& request) {
    const auto& events = request.decision.events;
    if (events.empty()) {
        if (request.newMember) {
            return loyalty::unexpected(
                StorageError{ErrorCode::InvalidArgument, "an enrolment without events records nothing", 0});
        }
        return std::vector<loyalty::RecordedEvent>();
    }
    auto tx = Transaction::begin(statements_, Transaction::Mode::Immediate);
    if (!tx) {
        return failure(tx);
    }

    // The kiosk id and the first sequence number in one read; the inserts
    // below take the numbers (see KioskIdentity::nextSequence).
    auto reserve = statements_.get(KioskIdentity::kNextSequenceSql);
    if (!reserve) {
        return failure(reserve);
    }
    auto reserved = (*reserve)->step();
    if (!reserved) {
        return failure(reserved);
    }
    if (!reserved.value()) {
        return loyalty::unexpected(StorageError{
            ErrorCode::NotFound,
            "database " + db_.path() + ": this kiosk has no identity yet. Provision it first (kioskctl provision).",
            0});
    }
    const std::string kioskId = (*reserve)->columnText(0);
    const std::int64_t firstSeq = (*reserve)->columnInt64(1);
    (*reserve)->reset();

    if (request.newMember) {
        MemberRepository repository(db_);
        if (auto inserted = repository.insert(*request.newMember, request.time.wallTimeMs); !inserted) {
            return failure(inserted);
        }
    }

    MemberCacheWriter members(statements_, request.time.shopDay());
    std::vector<loyalty::RecordedEvent> recorded;
    recorded.reserve(events.size());
    for (std::size_t i = 0; i < events.size(); ++i) {
        const loyalty::EventDraft& event = events[i];
        auto id = ids_();
        if (!id) {
            return failure(id);
        }
        if (!Uuid::isCanonical(id.value())) {
            return loyalty::unexpected(
                StorageError{ErrorCode::Internal, "event id '" + id.value() + "' is not a lowercase UUID", 0});
        }
        if (auto applied = members.apply(event); !applied) {
            return failure(applied);
        }
        if (auto applied = applyCardEvent(event, request); !applied) {
            return failure(applied);
        }
        const std::int64_t seq = firstSeq + static_cast<std::int64_t>(i);
        if (auto inserted = insertEvent(id.value(), kioskId, seq, event, request.time); !inserted) {
            return failure(inserted);
        }
        recorded.push_back(loyalty::RecordedEvent{std::move(id.value()), event, request.time.at, false});
    }
    if (auto done = members.finish(); !done) {
        return failure(done);
    }
    if (auto done = countCardUse(request); !done) {
        return failure(done);
    }
    statements_.resetAll();
    if (auto committed = tx->commit(); !committed) {
        return failure(committed);
    }
    return recorded;
}

Status DecisionRecorder::insertEvent(const std::string& id, const std::string& kioskId, std::int64_t seq,
                                     const loyalty::EventDraft& event, const RecordTime& time) {
    auto ledger = statements_.get(
        "INSERT INTO ledger (seq, id, kiosk_id, type, member_id, card_token, points_delta, purchase_amount, "
        "reward_id, offer_id, stamp_card_id, stamps, rating, staff_id, reason, voids_event_id, wall_time, "
        "utc_offset, monotonic_ns) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, "
        "?17, ?18, ?19)");
    if (!ledger) {
        return failure(ledger);
    }
    (*ledger)
        ->bind(1, seq)
        .bind(2, id)
        .bind(3, kioskId)
        .bind(4, loyalty::eventTypeName(event.type))
        .bind(5, orNull(event.memberId))
        .bind(6, orNull(event.cardId))
        .bind(7, event.pointsDelta)
        .bind(8, event.purchaseAmount)
        .bind(9, orNull(event.rewardId))
        .bind(10, orNull(event.offerId))
        .bind(11, orNull(event.stampCardId))
        .bind(12, std::int64_t{event.stamps})
        .bind(13, std::int64_t{event.rating})
        .bind(14, orNull(event.staffId))
        .bind(15, event.reason)
        .bind(16, orNull(event.voidsEventId))
        .bind(17, time.wallTimeMs)
        .bind(18, std::int64_t{time.at.utcOffsetSeconds})
        .bind(19, time.monotonicNs);
    if (auto done = (*ledger)->run(); !done) {
        return done;
    }
    auto outbox = statements_.get("INSERT INTO outbox (seq, payload) VALUES (?1, ?2)");
    if (!outbox) {
        return failure(outbox);
    }
    const std::string payload = EventPayload::toJson(LedgerEvent{id, kioskId, seq, event, time});
    return (*outbox)->bind(1, seq).bind(2, payload).run();
}

Status DecisionRecorder::applyCardEvent(const loyalty::EventDraft& event, const RecordRequest& request) {
    if (event.type != EventType::CardLink && event.type != EventType::CardBlock) {
        return Done{};
    }
    if (event.cardId.empty() || event.memberId.empty()) {
        return loyalty::unexpected(
            StorageError{ErrorCode::InvalidArgument, "a card event needs its card and its member", 0});
    }
    const std::int64_t now = request.time.wallTimeMs;
    if (event.type == EventType::CardBlock) {
        auto block = statements_.get(
            "UPDATE cards SET status = 'blocked', updated_at = ?3 WHERE token = ?1 AND member_id = ?2");
        if (!block) {
            return failure(block);
        }
        if (auto done = (*block)->bind(1, event.cardId).bind(2, event.memberId).bind(3, now).run(); !done) {
            return done;
        }
        if (db_.changes() == 0) {
            return loyalty::unexpected(StorageError{ErrorCode::NotFound, "the card to block is not this member's", 0});
        }
        return Done{};
    }
    auto owner = statements_.get("SELECT member_id FROM cards WHERE token = ?1");
    if (!owner) {
        return failure(owner);
    }
    auto row = (*owner)->bind(1, event.cardId).step();
    if (!row) {
        return failure(row);
    }
    const bool otherMember = row.value() && (*owner)->columnText(0) != event.memberId;
    (*owner)->reset();
    if (otherMember) {
        return loyalty::unexpected(
            StorageError{ErrorCode::Constraint, "decision refused: the card belongs to another member", 0});
    }
    auto link = statements_.get(
        "INSERT INTO cards (token, member_id, kind, status, updated_at) VALUES (?1, ?2, ?3, 'active', ?4) "
        "ON CONFLICT (token) DO UPDATE SET kind = excluded.kind, status = 'active', updated_at = excluded.updated_at");
    if (!link) {
        return failure(link);
    }
    return (*link)
        ->bind(1, event.cardId)
        .bind(2, event.memberId)
        .bind(3, cardKindName(request.linkedCardKind))
        .bind(4, now)
        .run();
}

Status DecisionRecorder::countCardUse(const RecordRequest& request) {
    const auto& events = request.decision.events;
    const auto counted = std::find_if(events.begin(), events.end(),
                                      [](const loyalty::EventDraft& e) { return countsAsTransaction(e.type); });
    if (counted == events.end()) {
        return Done{};
    }
    const std::string& token = request.cardToken.empty() ? counted->cardId : request.cardToken;
    if (token.empty()) {
        return Done{};  // a member-only transaction: no card to count on
    }
    const auto redemptions = std::count_if(events.begin(), events.end(),
                                           [](const loyalty::EventDraft& e) { return e.type == EventType::Redeem; });
    // The shop-local day restarts the daily count; an online redemption ends
    // a run of offline ones.
    auto update = statements_.get(
        "UPDATE cards SET "
        "transactions_count = CASE WHEN transactions_day = ?2 THEN transactions_count + 1 ELSE 1 END, "
        "transactions_day = ?2, "
        "consecutive_offline_redemptions = CASE WHEN ?3 = 0 THEN consecutive_offline_redemptions "
        "    WHEN ?4 THEN consecutive_offline_redemptions + ?3 ELSE 0 END, "
        "updated_at = ?5 WHERE token = ?1");
    if (!update) {
        return failure(update);
    }
    (*update)
        ->bind(1, token)
        .bind(2, request.time.shopDay())
        .bind(3, static_cast<std::int64_t>(redemptions))
        .bind(4, std::int64_t{request.offline ? 1 : 0})
        .bind(5, request.time.wallTimeMs);
    if (auto done = (*update)->run(); !done) {
        return done;
    }
    if (db_.changes() == 0) {
        return loyalty::unexpected(StorageError{ErrorCode::NotFound, "the card presented is not on this kiosk", 0});
    }
    return Done{};
}

}  // namespace storage
