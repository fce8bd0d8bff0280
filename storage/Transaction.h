#pragma once
// A transaction that rolls back unless committed. BEGIN IMMEDIATE by default,
// so a writer takes the write lock up front and never fails half-way with
// SQLITE_BUSY on upgrade.

#include "storage/Database.h"
#include "storage/StatementCache.h"

namespace storage {

class Transaction {
public:
    enum class Mode { Deferred, Immediate };

    static Result<Transaction> begin(Database& db, Mode mode = Mode::Immediate);
    // The same, with BEGIN and COMMIT prepared once in `statements` (a hot
    // path that commits on every tap saves parsing them each time). The
    // cache's Database is the one used; the cache must outlive the
    // transaction.
    static Result<Transaction> begin(StatementCache& statements, Mode mode = Mode::Immediate);

    Transaction(Transaction&& other) noexcept;
    Transaction& operator=(Transaction&&) = delete;
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    ~Transaction();

    Status commit();

private:
    Transaction(Database& db, StatementCache* statements) : db_(&db), statements_(statements) {}
    Database* db_;
    StatementCache* statements_ = nullptr;
    bool open_ = true;
};

}  // namespace storage
