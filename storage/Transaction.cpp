#include "storage/Transaction.h"

#include <utility>

namespace storage {

namespace {

const char* beginSql(Transaction::Mode mode) {
    return mode == Transaction::Mode::Immediate ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED";
}

Status runCached(StatementCache& statements, const char* sql) {
    auto statement = statements.get(sql);
    if (!statement) {
        return loyalty::unexpected(statement.error());
    }
    auto done = (*statement)->run();
    (*statement)->reset();
    return done;
}

}  // namespace

Result<Transaction> Transaction::begin(Database& db, Mode mode) {
    auto started = db.exec(beginSql(mode));
    if (!started) {
        return loyalty::unexpected(started.error());
    }
    return Transaction(db, nullptr);
}

Result<Transaction> Transaction::begin(StatementCache& statements, Mode mode) {
    auto started = runCached(statements, beginSql(mode));
    if (!started) {
        return loyalty::unexpected(started.error());
    }
    return Transaction(statements.database(), &statements);
}

Transaction::Transaction(Transaction&& other) noexcept
    : db_(other.db_), statements_(other.statements_), open_(std::exchange(other.open_, false)) {}

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
    auto done = statements_ ? runCached(*statements_, "COMMIT") : db_->exec("COMMIT");
    if (done) {
        open_ = false;
    }
    // On failure the transaction stays open and the destructor rolls it back.
    return done;
}

}  // namespace storage
