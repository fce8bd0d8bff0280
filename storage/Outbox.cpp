#include "storage/Outbox.h"

#include <map>

#include "storage/RecordTime.h"
#include "storage/Rows.h"
#include "storage/StoredValues.h"
#include "storage/WriteScope.h"

namespace storage {

namespace {

std::string_view resultName(DeliveryResult result) {
    switch (result) {
        case DeliveryResult::Accepted: return "accepted";
        case DeliveryResult::Duplicate: return "duplicate";
        case DeliveryResult::Rejected: return "rejected";
    }
    return "rejected";
}

}  // namespace

// The outbox is keyed by seq, like the ledger; the event id is the ledger's.
// The joins are CROSS JOINs so SQLite walks the side named first (the outbox
// from the low-water mark on, or one ledger row by its id) and looks the
// other up by seq: without statistics it could choose to scan the ledger.
// Unsent rows are found from kiosk.outbox_low_water on (every row below it is
// acknowledged), not through an index: an index would cost every recorded
// event one more page written and synced.

namespace {

constexpr const char* kLowWater = "coalesce((SELECT outbox_low_water FROM kiosk WHERE singleton = 1), 1)";

std::string unsent(const char* select, const char* rest) {
    return std::string(select) + " WHERE o.seq >= " + kLowWater + " AND o.acknowledged_at IS NULL" + rest;
}

}  // namespace

Result<std::vector<OutboxEntry>> Outbox::unsentBatch(const char* condition, std::int64_t value, std::size_t limit) {
    auto select = db_.prepare(unsent("SELECT l.id, o.seq, o.payload, o.attempts, o.next_attempt_at "
                                     "FROM outbox o CROSS JOIN ledger l ON l.seq = o.seq",
                                     (std::string(" AND ") + condition + " ORDER BY o.seq LIMIT ?2").c_str()));
    if (!select) {
        return failure(select);
    }
    select->bind(1, value).bind(2, static_cast<std::int64_t>(limit));
    std::vector<OutboxEntry> batch;
    auto done = forEachRow(*select, [&](Statement& s) {
        batch.push_back(OutboxEntry{s.columnText(0), s.columnInt64(1), s.columnText(2),
                                    static_cast<std::int32_t>(s.columnInt64(3)), s.columnInt64(4)});
    });
    if (!done) {
        return failure(done);
    }
    return batch;
}

Result<std::vector<OutboxEntry>> Outbox::nextBatch(std::int64_t nowMs, std::size_t limit) {
    return unsentBatch("o.next_attempt_at <= ?1", nowMs, limit);
}

Result<std::vector<OutboxEntry>> Outbox::nextBatchAfter(std::int64_t afterSeq, std::size_t limit) {
    return unsentBatch("o.seq > ?1", afterSeq, limit);
}

Status Outbox::markResults(const std::vector<DeliveryOutcome>& outcomes, std::int64_t nowMs) {
    auto scope = WriteScope::begin(db_);
    if (!scope) {
        return failure(scope);
    }
    auto lookup = db_.prepare(
        "SELECT o.seq, o.acknowledged_at IS NOT NULL, l.member_id, l.points_delta "
        "FROM ledger l CROSS JOIN outbox o ON o.seq = l.seq WHERE l.id = ?1");
    auto acknowledge = db_.prepare(
        "UPDATE outbox SET acknowledged_at = ?2, result = ?3, rejection_reason = ?4, "
        "payload = CASE ?3 WHEN 'rejected' THEN payload END WHERE seq = ?1");
    auto confirm = db_.prepare(
        "UPDATE members SET pending_delta = pending_delta - ?2, confirmed_balance = confirmed_balance + ?2 "
        "WHERE id = ?1");
    for (const Result<Statement>* prepared : {&lookup, &acknowledge, &confirm}) {
        if (!*prepared) {
            return failure(*prepared);
        }
    }
    // Points that move from pending to confirmed, summed per member: one
    // update per member instead of one per event.
    std::map<std::string, loyalty::Points> confirmedDeltas;
    for (const DeliveryOutcome& outcome : outcomes) {
        lookup->reset();
        auto row = lookup->bind(1, outcome.eventId).step();
        if (!row) {
            return failure(row);
        }
        if (!row.value()) {
            return loyalty::unexpected(StorageError{
                ErrorCode::NotFound, "head office answered for event " + outcome.eventId + ", not in the outbox", 0});
        }
        if (lookup->columnInt64(1) != 0) {
            continue;  // answered before: nothing moves twice
        }
        const std::int64_t seq = lookup->columnInt64(0);
        const auto memberId = lookup->columnOptionalText(2);
        const loyalty::Points delta = lookup->columnInt64(3);
        const bool rejected = outcome.result == DeliveryResult::Rejected;
        std::optional<std::string> reason;
        if (rejected) {
            reason = outcome.reason.empty() ? std::string("rejected by head office without a reason") : outcome.reason;
        }
        acknowledge->reset();
        acknowledge->bind(1, seq).bind(2, nowMs).bind(3, resultName(outcome.result)).bind(4, reason);
        if (auto done = acknowledge->run(); !done) {
            return done;
        }
        if (!rejected && memberId && delta != 0) {
            confirmedDeltas[*memberId] += delta;
        }
    }
    lookup->reset();
    for (const auto& [memberId, delta] : confirmedDeltas) {
        if (delta == 0) {
            continue;
        }
        confirm->reset();
        if (auto done = confirm->bind(1, memberId).bind(2, delta).run(); !done) {
            return done;
        }
    }
    // Raise the mark past what is now acknowledged: the first unsent row at
    // or after it, else one past the last row.
    if (auto raised = db_.exec(
            "UPDATE kiosk SET outbox_low_water = coalesce("
            "(SELECT min(seq) FROM outbox WHERE seq >= outbox_low_water AND acknowledged_at IS NULL), "
            "(SELECT max(seq) + 1 FROM outbox WHERE seq >= outbox_low_water), outbox_low_water) "
            "WHERE singleton = 1");
        !raised) {
        return raised;
    }
    return scope->commit();
}

Status Outbox::markFailure(const std::vector<std::string>& eventIds, std::string_view error,
                           std::int64_t nextAttemptAtMs) {
    auto scope = WriteScope::begin(db_);
    if (!scope) {
        return failure(scope);
    }
    auto update = db_.prepare(
        "UPDATE outbox SET attempts = attempts + 1, last_error = ?2, next_attempt_at = ?3 "
        "WHERE seq = (SELECT seq FROM ledger WHERE id = ?1) AND acknowledged_at IS NULL");
    if (!update) {
        return failure(update);
    }
    for (const std::string& id : eventIds) {
        update->reset();
        if (auto done = update->bind(1, id).bind(2, error).bind(3, nextAttemptAtMs).run(); !done) {
            return done;
        }
    }
    return scope->commit();
}

Result<std::int64_t> Outbox::depth() {
    return db_.queryInt(unsent("SELECT count(*) FROM outbox o", ""));
}

Result<std::optional<std::int64_t>> Outbox::oldestUnsentAgeMs(std::int64_t nowMs) {
    auto select = db_.prepare(
        unsent("SELECT l.wall_time FROM outbox o CROSS JOIN ledger l ON l.seq = o.seq", " ORDER BY o.seq LIMIT 1"));
    if (!select) {
        return failure(select);
    }
    auto row = select->step();
    if (!row) {
        return failure(row);
    }
    if (!row.value()) {
        return std::optional<std::int64_t>();
    }
    return std::optional<std::int64_t>(nowMs - select->columnInt64(0));
}

Result<loyalty::Points> Outbox::unsyncedRedeemedPoints() {
    return db_.queryInt(unsent("SELECT coalesce(sum(-l.points_delta), 0) FROM outbox o CROSS JOIN ledger l "
                               "ON l.seq = o.seq",
                               " AND l.type = 'redeem'"));
}

Result<std::vector<loyalty::EarnedEntry>> Outbox::pendingEarned(std::string_view memberId) {
    // The two kinds of pending event do not overlap: an unsent row has no
    // acknowledged_at, a rejected one has. The void's target by its id (the
    // ledger's unique index on id).
    const std::string columns =
        "SELECT l.type, l.points_delta, l.wall_time, l.utc_offset, t.type, t.wall_time, t.utc_offset, o.seq "
        "FROM outbox o CROSS JOIN ledger l ON l.seq = o.seq LEFT JOIN ledger t ON t.id = l.voids_event_id";
    const std::string filter =
        " AND l.member_id = ?1 AND (l.type = 'earn' OR l.type = 'void') AND l.points_delta <> 0";
    auto select = db_.prepare(unsent(columns.c_str(), filter.c_str()) + " UNION ALL " + columns +
                              " WHERE o.result = 'rejected' AND o.resolved_at IS NULL" + filter + " ORDER BY 8");
    if (!select) {
        return failure(select);
    }
    select->bind(1, memberId);
    std::vector<loyalty::EarnedEntry> entries;
    auto dayOf = [](std::int64_t wallMs, std::int64_t offset) {
        return loyalty::dateFromDays(RecordTime::fromWallMs(wallMs, static_cast<std::int32_t>(offset)).shopDay());
    };
    auto done = forEachRow(*select, [&](Statement& s) {
        const loyalty::Points points = s.columnInt64(1);
        if (s.columnText(0) == "earn") {
            entries.push_back(loyalty::EarnedEntry{dayOf(s.columnInt64(2), s.columnInt64(3)), points});
        } else if (!s.columnIsNull(4) && s.columnText(4) == "earn") {
            entries.push_back(loyalty::EarnedEntry{dayOf(s.columnInt64(5), s.columnInt64(6)), points});
        }
    });
    if (!done) {
        return failure(done);
    }
    return entries;
}

Result<std::vector<RejectedEvent>> Outbox::rejected() {
    auto select = db_.prepare(
        "SELECT l.id, o.seq, l.type, l.member_id, l.points_delta, l.reason, o.rejection_reason, "
        "o.acknowledged_at FROM outbox o CROSS JOIN ledger l ON l.seq = o.seq "
        "WHERE o.result = 'rejected' AND o.resolved_at IS NULL ORDER BY o.seq");
    if (!select) {
        return failure(select);
    }
    std::vector<RejectedEvent> events;
    bool badType = false;
    auto done = forEachRow(*select, [&](Statement& s) {
        const auto type = parseEventType(s.columnText(2));
        if (!type) {
            badType = true;
            return;
        }
        events.push_back(RejectedEvent{s.columnText(0), s.columnInt64(1), *type, s.columnText(3), s.columnInt64(4),
                                       s.columnText(5), s.columnText(6), s.columnInt64(7)});
    });
    if (!done) {
        return failure(done);
    }
    if (badType) {
        return loyalty::unexpected(badStoredValue(db_.path(), "event type"));
    }
    return events;
}

Status Outbox::resolveRejected(std::string_view eventId, std::int64_t nowMs) {
    auto scope = WriteScope::begin(db_);
    if (!scope) {
        return failure(scope);
    }
    auto lookup = db_.prepare(
        "SELECT o.seq, l.member_id, l.points_delta FROM ledger l CROSS JOIN outbox o ON o.seq = l.seq "
        "WHERE l.id = ?1 AND o.result = 'rejected' AND o.resolved_at IS NULL");
    if (!lookup) {
        return failure(lookup);
    }
    auto row = lookup->bind(1, eventId).step();
    if (!row) {
        return failure(row);
    }
    if (!row.value()) {
        return loyalty::unexpected(
            StorageError{ErrorCode::NotFound, "event " + std::string(eventId) + " is not an open rejection", 0});
    }
    const std::int64_t seq = lookup->columnInt64(0);
    const auto memberId = lookup->columnOptionalText(1);
    const loyalty::Points delta = lookup->columnInt64(2);
    lookup->reset();
    auto resolve = db_.prepare("UPDATE outbox SET resolved_at = ?2 WHERE seq = ?1");
    if (!resolve) {
        return failure(resolve);
    }
    if (auto done = resolve->bind(1, seq).bind(2, nowMs).run(); !done) {
        return done;
    }
    if (memberId && delta != 0) {
        auto drop = db_.prepare("UPDATE members SET pending_delta = pending_delta - ?2 WHERE id = ?1");
        if (!drop) {
            return failure(drop);
        }
        if (auto done = drop->bind(1, *memberId).bind(2, delta).run(); !done) {
            return done;
        }
    }
    return scope->commit();
}

}  // namespace storage
