#pragma once
// All-or-nothing for a repository method that writes several rows. Outside a
// transaction it is one (BEGIN IMMEDIATE); inside the caller's transaction it
// is a SAVEPOINT, so a failure undoes this method's rows only and the caller
// decides what happens to the rest. Rolls back unless committed.

#include "storage/Database.h"

namespace storage {

class WriteScope {
public:
    static Result<WriteScope> begin(Database& db);

    WriteScope(WriteScope&& other) noexcept;
    WriteScope& operator=(WriteScope&&) = delete;
    WriteScope(const WriteScope&) = delete;
    WriteScope& operator=(const WriteScope&) = delete;
    ~WriteScope();

    Status commit();

private:
    WriteScope(Database& db, bool nested) : db_(&db), nested_(nested) {}
    Database* db_;
    bool nested_ = false;
    bool open_ = true;
};

}  // namespace storage
