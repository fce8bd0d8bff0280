#include "storage/KioskIdentity.h"

#include <sqlite3.h>

#include <algorithm>

#include "storage/Transaction.h"

namespace storage {

namespace {

StorageError notProvisioned(const Database& db) {
    return StorageError{ErrorCode::NotFound,
                        "database " + db.path() +
                            ": this kiosk has no identity yet. Provision it first (kioskctl provision KIOSK-ID).",
                        0};
}

}  // namespace

bool KioskIdentity::isValidId(std::string_view kioskId) {
    if (kioskId.empty() || kioskId.size() > kMaxIdLength) {
        return false;
    }
    return std::all_of(kioskId.begin(), kioskId.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
               c == '_' || c == '-';
    });
}

Status KioskIdentity::provision(std::string_view id, std::int64_t nowMs) {
    if (!isValidId(id)) {
        return loyalty::unexpected(StorageError{
            ErrorCode::InvalidArgument,
            "kiosk id must be 1 to 64 characters of letters, digits, '.', '_' or '-'", 0});
    }
    auto tx = Transaction::begin(db_);
    if (!tx) {
        return loyalty::unexpected(tx.error());
    }
    auto current = kioskId();
    if (!current) {
        return loyalty::unexpected(current.error());
    }
    if (current.value()) {
        if (*current.value() == id) {
            return Done{};
        }
        return loyalty::unexpected(StorageError{
            ErrorCode::Constraint,
            "database " + db_.path() + ": this kiosk is already provisioned as '" + *current.value() +
                "'; its events carry that id, so it cannot be changed. Use a fresh database for a new kiosk.",
            0});
    }
    auto insert = db_.prepare(
        "INSERT INTO kiosk (singleton, kiosk_id, created_at) VALUES (1, ?1, ?2)");
    if (!insert) {
        return loyalty::unexpected(insert.error());
    }
    if (auto done = insert->bind(1, id).bind(2, nowMs).run(); !done) {
        return done;
    }
    return tx->commit();
}

Result<std::uint32_t> KioskIdentity::takeCardSerial(std::int64_t nowUnixSeconds) {
    auto tx = Transaction::begin(db_);
    if (!tx) {
        return loyalty::unexpected(tx.error());
    }
    auto select = db_.prepare("SELECT card_serial FROM kiosk WHERE singleton = 1");
    if (!select) {
        return loyalty::unexpected(select.error());
    }
    auto row = select->step();
    if (!row) {
        return loyalty::unexpected(row.error());
    }
    if (!row.value()) {
        return loyalty::unexpected(notProvisioned(db_));
    }
    const std::int64_t last = select->columnInt64(0);
    const std::int64_t serial = std::max(last + 1, nowUnixSeconds - kCardSerialEpoch);
    if (serial > 0xFFFFFFFFLL) {
        return loyalty::unexpected(StorageError{
            ErrorCode::Constraint, "database " + db_.path() + ": this kiosk has issued every card serial it can", 0});
    }
    auto update = db_.prepare("UPDATE kiosk SET card_serial = ?1 WHERE singleton = 1");
    if (!update) {
        return loyalty::unexpected(update.error());
    }
    if (auto done = update->bind(1, serial).run(); !done) {
        return loyalty::unexpected(done.error());
    }
    if (auto committed = tx->commit(); !committed) {
        return loyalty::unexpected(committed.error());
    }
    return static_cast<std::uint32_t>(serial);
}

Result<std::optional<std::string>> KioskIdentity::kioskId() {
    auto select = db_.prepare("SELECT kiosk_id FROM kiosk WHERE singleton = 1");
    if (!select) {
        return loyalty::unexpected(select.error());
    }
    auto row = select->step();
    if (!row) {
        return loyalty::unexpected(row.error());
    }
    if (!row.value()) {
        return std::optional<std::string>();
    }
    return std::optional<std::string>(select->columnText(0));
}

// The SQL both nextSequence() and DecisionRecorder use: the kiosk id and the
// next sequence number, in one read of the kiosk row and the ledger's last page.
const char* const KioskIdentity::kNextSequenceSql =
    "SELECT kiosk_id, max(sequence_floor, coalesce((SELECT max(seq) FROM ledger), 0) + 1) "
    "FROM kiosk WHERE singleton = 1";

Result<std::int64_t> KioskIdentity::nextSequence() {
    if (sqlite3_get_autocommit(db_.handle()) != 0) {
        return loyalty::unexpected(StorageError{
            ErrorCode::Internal, "sequence numbers are taken inside the caller's transaction only", 0});
    }
    auto select = db_.prepare(kNextSequenceSql);
    if (!select) {
        return loyalty::unexpected(select.error());
    }
    auto row = select->step();
    if (!row) {
        return loyalty::unexpected(row.error());
    }
    if (!row.value()) {
        return loyalty::unexpected(notProvisioned(db_));
    }
    return select->columnInt64(1);
}

Status KioskIdentity::raiseSequenceFloor() {
    return db_.exec(
        "UPDATE kiosk SET sequence_floor = max(sequence_floor, coalesce((SELECT max(seq) FROM ledger), 0) + 1) "
        "WHERE singleton = 1");
}

}  // namespace storage
