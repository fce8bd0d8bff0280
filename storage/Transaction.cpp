#include "storage/Transaction.h"

#include <utility>

namespace storage {

Result<Transaction> Transaction::begin(Database& db, Mode mode) {
    auto started = db.exec(mode == Mode::Immediate ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED");
    if (!started) {
        return loyalty::unexpected(started.error());
    }
    return Transaction(db);
}

Transaction::Transaction(Transaction&& other) noexcept : db_(other.db_), open_(std::exchange(other.open_, false)) {}

Transaction::~Transaction() {
    if (open_) {
        // Rolling back cannot usefully fail here; if SQLite already rolled
        // back (after SQLITE_FULL, say), this is a harmless no-op error.
        (void)db_->exec("ROLLBACK");
    }
}

Status Transaction::commit() {
    if (!open_) {
        return loyalty::unexpected(StorageError{ErrorCode::Internal, "commit of a finished transaction", 0});
    }
    auto done = db_->exec("COMMIT");
    if (done) {
        open_ = false;
    }
    // On failure the transaction stays open and the destructor rolls it back.
    return done;
}

}  // namespace storage
