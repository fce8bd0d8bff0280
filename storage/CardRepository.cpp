#include "storage/CardRepository.h"

#include "storage/Rows.h"

namespace storage {

namespace {

StorageError noSuchCard() { return StorageError{ErrorCode::NotFound, "no such card", 0}; }

}  // namespace

loyalty::CardState CardRecord::state(std::int64_t today) const {
    loyalty::CardState card;
    card.cardId = token;
    card.status = status;
    card.assurance = assuranceOf(kind);
    card.consecutiveOfflineRedemptions = consecutiveOfflineRedemptions;
    card.transactionsToday = transactionsDay && *transactionsDay == today ? transactionsCount : 0;
    return card;
}

Result<std::optional<CardRecord>> CardRepository::get(std::string_view token) {
    auto select = db_.prepare(
        "SELECT token, member_id, kind, status, last_sun_counter, consecutive_offline_redemptions, "
        "transactions_day, transactions_count FROM cards WHERE token = ?1");
    if (!select) {
        return failure(select);
    }
    auto row = select->bind(1, token).step();
    if (!row) {
        return failure(row);
    }
    if (!row.value()) {
        return std::optional<CardRecord>();
    }
    CardRecord card;
    card.token = select->columnText(0);
    card.memberId = select->columnText(1);
    const auto kind = parseCardKind(select->columnText(2));
    const auto status = parseCardStatus(select->columnText(3));
    if (!kind || !status) {
        return loyalty::unexpected(badStoredValue(db_.path(), "card kind or status"));
    }
    card.kind = *kind;
    card.status = *status;
    card.lastSunCounter = select->columnOptionalInt64(4);
    card.consecutiveOfflineRedemptions = static_cast<std::int32_t>(select->columnInt64(5));
    card.transactionsDay = select->columnOptionalInt64(6);
    card.transactionsCount = static_cast<std::int32_t>(select->columnInt64(7));
    return std::optional<CardRecord>(std::move(card));
}

// NotFound unless the member is on this kiosk (the foreign key would say so less clearly).
Status CardRepository::requireMember(std::string_view memberId) {
    auto member = db_.prepare("SELECT 1 FROM members WHERE id = ?1");
    if (!member) {
        return failure(member);
    }
    auto found = member->bind(1, memberId).step();
    if (!found) {
        return failure(found);
    }
    if (!found.value()) {
        return loyalty::unexpected(StorageError{ErrorCode::NotFound, "no member " + std::string(memberId), 0});
    }
    return Done{};
}

Status CardRepository::link(std::string_view token, std::string_view memberId, CardKind kind, std::int64_t nowMs) {
    if (token.empty()) {
        return loyalty::unexpected(StorageError{ErrorCode::InvalidArgument, "a card needs a token", 0});
    }
    auto existing = get(token);
    if (!existing) {
        return failure(existing);
    }
    if (existing.value() && existing.value()->memberId != memberId) {
        return loyalty::unexpected(
            StorageError{ErrorCode::Constraint, "this card belongs to another member", 0});
    }
    if (auto known = requireMember(memberId); !known) {
        return known;
    }
    auto upsert = db_.prepare(
        "INSERT INTO cards (token, member_id, kind, status, updated_at) VALUES (?1, ?2, ?3, 'active', ?4) "
        "ON CONFLICT (token) DO UPDATE SET kind = excluded.kind, status = 'active', updated_at = excluded.updated_at");
    if (!upsert) {
        return failure(upsert);
    }
    return upsert->bind(1, token).bind(2, memberId).bind(3, cardKindName(kind)).bind(4, nowMs).run();
}

Status CardRepository::assignFromHeadOffice(std::string_view token, std::string_view memberId, CardKind kind,
                                            loyalty::CardStatus status, std::int64_t nowMs) {
    if (token.empty()) {
        return loyalty::unexpected(StorageError{ErrorCode::InvalidArgument, "a card needs a token", 0});
    }
    if (auto known = requireMember(memberId); !known) {
        return known;
    }
    // In an upsert's SET every column still holds its old value, so the CASEs
    // see the member the card had before.
    auto upsert = db_.prepare(
        "INSERT INTO cards (token, member_id, kind, status, updated_at) VALUES (?1, ?2, ?3, ?4, ?5) "
        "ON CONFLICT (token) DO UPDATE SET member_id = excluded.member_id, kind = excluded.kind, "
        "status = excluded.status, updated_at = excluded.updated_at, "
        "consecutive_offline_redemptions = CASE WHEN member_id = excluded.member_id "
        "    THEN consecutive_offline_redemptions ELSE 0 END, "
        "transactions_count = CASE WHEN member_id = excluded.member_id THEN transactions_count ELSE 0 END, "
        "transactions_day = CASE WHEN member_id = excluded.member_id THEN transactions_day END");
    if (!upsert) {
        return failure(upsert);
    }
    return upsert->bind(1, token)
        .bind(2, memberId)
        .bind(3, cardKindName(kind))
        .bind(4, cardStatusName(status))
        .bind(5, nowMs)
        .run();
}

Status CardRepository::setStatus(std::string_view token, loyalty::CardStatus status, std::int64_t nowMs) {
    auto update = db_.prepare("UPDATE cards SET status = ?2, updated_at = ?3 WHERE token = ?1");
    if (!update) {
        return failure(update);
    }
    if (auto done = update->bind(1, token).bind(2, cardStatusName(status)).bind(3, nowMs).run(); !done) {
        return done;
    }
    if (db_.changes() == 0) {
        return loyalty::unexpected(noSuchCard());
    }
    return Done{};
}

Result<bool> CardRepository::acceptSunCounter(std::string_view token, std::int64_t counter) {
    if (counter < 0) {
        return loyalty::unexpected(StorageError{ErrorCode::InvalidArgument, "a SUN read counter is never negative", 0});
    }
    auto update = db_.prepare(
        "UPDATE cards SET last_sun_counter = ?2 "
        "WHERE token = ?1 AND (last_sun_counter IS NULL OR last_sun_counter < ?2)");
    if (!update) {
        return failure(update);
    }
    if (auto done = update->bind(1, token).bind(2, counter).run(); !done) {
        return failure(done);
    }
    if (db_.changes() == 1) {
        return true;
    }
    auto card = get(token);
    if (!card) {
        return failure(card);
    }
    if (!card.value()) {
        return loyalty::unexpected(noSuchCard());
    }
    return false;
}

}  // namespace storage
