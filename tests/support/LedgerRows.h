#pragma once
// Plain-SQL rows for tests of storage operations and kioskctl: a member, and
// ledger events with their outbox rows, written the way the schema
// (storage/migrations/0001_initial.sql) expects, independent of the
// repositories. Header-only: it needs kiosk_storage, which kiosk_test_core
// does not link. Each call reports failure as a value; the test checks it.

#include <cstdint>
#include <optional>
#include <string>

#include "storage/Database.h"
#include "storage/Transaction.h"

namespace testsupport {

struct EventRow {
    std::int64_t seq = 1;
    std::string reason = "1 pt per 1.00 spent";
    std::string memberId = "m-1";
    std::string cardToken = "04A1B2C3D4E5F6";
    std::int64_t pointsDelta = 10;
    std::int64_t wallTime = 1710237600000;        // Unix ms
    std::optional<std::int64_t> acknowledgedAt;   // nullopt: not sent yet
    std::string result = "accepted";              // when acknowledged
    std::optional<std::int64_t> resolvedAt;       // a rejection staff reconciled
};

class LedgerRows {
public:
    explicit LedgerRows(storage::Database& db) : db_(db) {}

    storage::Status addMember(const std::string& id, const std::string& displayName) {
        auto insert = db_.prepare(
            "INSERT INTO members (id, display_name, status, enrolled_day, updated_at) VALUES (?1, ?2, 'active', "
            "19000, 0)");
        if (!insert) {
            return loyalty::unexpected(insert.error());
        }
        return insert->bind(1, std::string_view(id)).bind(2, std::string_view(displayName)).run();
    }

    // One event and its outbox row (in the caller's transaction, if any).
    storage::Status add(const EventRow& row) {
        auto ledger = db_.prepare(
            "INSERT INTO ledger (seq, id, kiosk_id, type, member_id, card_token, points_delta, reason, wall_time, "
            "utc_offset, monotonic_ns) VALUES (?1, ?2, 'kiosk-7', 'earn', ?3, ?4, ?5, ?6, ?7, 3600, ?1)");
        if (!ledger) {
            return loyalty::unexpected(ledger.error());
        }
        const std::string id = "00000000-0000-4000-8000-" + std::to_string(100000000000 + row.seq);
        auto added = ledger->bind(1, row.seq)
                         .bind(2, std::string_view(id))
                         .bind(3, std::string_view(row.memberId))
                         .bind(4, std::string_view(row.cardToken))
                         .bind(5, row.pointsDelta)
                         .bind(6, std::string_view(row.reason))
                         .bind(7, row.wallTime)
                         .run();
        if (!added) {
            return added;
        }
        auto outbox = db_.prepare(
            "INSERT INTO outbox (seq, payload, acknowledged_at, result, rejection_reason, resolved_at) "
            "VALUES (?1, '{}', ?2, ?3, ?4, ?5)");
        if (!outbox) {
            return loyalty::unexpected(outbox.error());
        }
        const bool acknowledged = row.acknowledgedAt.has_value();
        const bool rejected = acknowledged && row.result == "rejected";
        return outbox->bind(1, row.seq)
            .bind(2, row.acknowledgedAt)
            .bind(3, acknowledged ? std::optional<std::string>(row.result) : std::nullopt)
            .bind(4, rejected ? std::optional<std::string>("overdrawn at another store") : std::nullopt)
            .bind(5, row.resolvedAt)
            .run();
    }

    // `count` events from seq `first`, all like `like`, in one transaction.
    storage::Status addMany(std::int64_t first, std::int64_t count, EventRow like) {
        auto tx = storage::Transaction::begin(db_);
        if (!tx) {
            return loyalty::unexpected(tx.error());
        }
        for (std::int64_t seq = first; seq < first + count; ++seq) {
            like.seq = seq;
            if (auto added = add(like); !added) {
                return added;
            }
        }
        return tx->commit();
    }

    // One event in its own transaction, as the kiosk records a tap.
    storage::Status record(const EventRow& row) {
        auto tx = storage::Transaction::begin(db_);
        if (!tx) {
            return loyalty::unexpected(tx.error());
        }
        if (auto added = add(row); !added) {
            return added;
        }
        return tx->commit();
    }

    // Ledger rows, or -1 when the count fails.
    std::int64_t count() {
        auto rows = db_.queryInt("SELECT count(*) FROM ledger");
        return rows ? rows.value() : -1;
    }

private:
    storage::Database& db_;
};

}  // namespace testsupport
