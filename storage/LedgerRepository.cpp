#include "storage/LedgerRepository.h"

#include "storage/RecordTime.h"
#include "storage/Rows.h"
#include "storage/StoredValues.h"

namespace storage {

namespace {

std::string textOrEmpty(const Statement& s, int column) { return s.columnOptionalText(column).value_or(""); }

}  // namespace

Result<std::vector<HistoryEntry>> LedgerRepository::history(std::string_view memberId, std::size_t limit) {
    auto select = db_.prepare(
        "SELECT l.id, l.seq, l.type, l.points_delta, l.stamps, l.reason, l.wall_time, l.utc_offset, "
        "EXISTS (SELECT 1 FROM ledger v WHERE v.voids_event_id = l.id) "
        "FROM ledger l WHERE l.member_id = ?1 ORDER BY l.seq DESC LIMIT ?2");
    if (!select) {
        return failure(select);
    }
    select->bind(1, memberId).bind(2, static_cast<std::int64_t>(limit));
    std::vector<HistoryEntry> entries;
    bool badType = false;
    auto done = forEachRow(*select, [&](Statement& s) {
        const auto type = parseEventType(s.columnText(2));
        if (!type) {
            badType = true;
            return;
        }
        HistoryEntry entry;
        entry.eventId = s.columnText(0);
        entry.seq = s.columnInt64(1);
        entry.type = *type;
        entry.pointsDelta = s.columnInt64(3);
        entry.stamps = static_cast<std::int32_t>(s.columnInt64(4));
        entry.reason = s.columnText(5);
        entry.at = RecordTime::fromWallMs(s.columnInt64(6), static_cast<std::int32_t>(s.columnInt64(7))).at;
        entry.voided = s.columnInt64(8) != 0;
        entries.push_back(std::move(entry));
    });
    if (!done) {
        return failure(done);
    }
    if (badType) {
        return loyalty::unexpected(badStoredValue(db_.path(), "event type"));
    }
    return entries;
}

Result<std::optional<loyalty::RecordedEvent>> LedgerRepository::find(std::string_view eventId) {
    auto select = db_.prepare(
        "SELECT l.id, l.type, l.member_id, l.card_token, l.points_delta, l.purchase_amount, l.reward_id, "
        "l.offer_id, l.stamp_card_id, l.staff_id, l.reason, l.voids_event_id, l.rating, l.stamps, l.wall_time, "
        "l.utc_offset, EXISTS (SELECT 1 FROM ledger v WHERE v.voids_event_id = l.id) "
        "FROM ledger l WHERE l.id = ?1");
    if (!select) {
        return failure(select);
    }
    auto row = select->bind(1, eventId).step();
    if (!row) {
        return failure(row);
    }
    if (!row.value()) {
        return std::optional<loyalty::RecordedEvent>();
    }
    const Statement& s = *select;
    const auto type = parseEventType(s.columnText(1));
    if (!type) {
        return loyalty::unexpected(badStoredValue(db_.path(), "event type"));
    }
    loyalty::RecordedEvent recorded;
    recorded.id = s.columnText(0);
    loyalty::EventDraft& event = recorded.event;
    event.type = *type;
    event.memberId = textOrEmpty(s, 2);
    event.cardId = textOrEmpty(s, 3);
    event.pointsDelta = s.columnInt64(4);
    event.purchaseAmount = s.columnInt64(5);
    event.rewardId = textOrEmpty(s, 6);
    event.offerId = textOrEmpty(s, 7);
    event.stampCardId = textOrEmpty(s, 8);
    event.staffId = textOrEmpty(s, 9);
    event.reason = s.columnText(10);
    event.voidsEventId = textOrEmpty(s, 11);
    event.rating = static_cast<std::int32_t>(s.columnInt64(12));
    event.stamps = static_cast<std::int32_t>(s.columnInt64(13));
    recorded.at = RecordTime::fromWallMs(s.columnInt64(14), static_cast<std::int32_t>(s.columnInt64(15))).at;
    recorded.voided = s.columnInt64(16) != 0;
    return std::optional<loyalty::RecordedEvent>(std::move(recorded));
}

Result<std::int64_t> LedgerRepository::count() { return db_.queryInt("SELECT count(*) FROM ledger"); }

Result<std::int64_t> LedgerRepository::lastSequence() {
    return db_.queryInt("SELECT coalesce(max(seq), 0) FROM ledger");
}

}  // namespace storage
