#pragma once
// A transaction that rolls back unless committed. BEGIN IMMEDIATE by default,
// so a writer takes the write lock up front and never fails half-way with
// SQLITE_BUSY on upgrade.

#include "storage/Database.h"

namespace storage {

class Transaction {
public:
    enum class Mode { Deferred, Immediate };

    static Result<Transaction> begin(Database& db, Mode mode = Mode::Immediate);

    Transaction(Transaction&& other) noexcept;
    Transaction& operator=(Transaction&&) = delete;
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    ~Transaction();

    Status commit();

private:
    explicit Transaction(Database& db) : db_(&db) {}
    Database* db_;
    bool open_ = true;
};

}  // namespace storage
