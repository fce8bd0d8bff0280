#include "storage/WriteScope.h"

#include <sqlite3.h>

#include <utility>

namespace storage {

Result<WriteScope> WriteScope::begin(Database& db) {
    const bool nested = sqlite3_get_autocommit(db.handle()) == 0;
    auto started = db.exec(nested ? "SAVEPOINT write_scope" : "BEGIN IMMEDIATE");
    if (!started) {
        return loyalty::unexpected(started.error());
    }
    return WriteScope(db, nested);
}

WriteScope::WriteScope(WriteScope&& other) noexcept
    : db_(other.db_), nested_(other.nested_), open_(std::exchange(other.open_, false)) {}

WriteScope::~WriteScope() {
    if (!open_) {
        return;
    }
    // As in Transaction: if SQLite already rolled back (SQLITE_FULL, say),
    // these fail harmlessly.
    if (nested_) {
        (void)db_->exec("ROLLBACK TO write_scope");
        (void)db_->exec("RELEASE write_scope");
    } else {
        (void)db_->exec("ROLLBACK");
    }
}

Status WriteScope::commit() {
    if (!open_) {
        return loyalty::unexpected(StorageError{ErrorCode::Internal, "commit of a finished write scope", 0});
    }
    auto done = db_->exec(nested_ ? "RELEASE write_scope" : "COMMIT");
    if (done) {
        open_ = false;
    }
    return done;
}

}  // namespace storage
