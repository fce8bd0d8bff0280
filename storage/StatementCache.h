#pragma once
// Prepared statements kept for reuse on one connection, for the hot paths
// (recording a decision, reading an account on a tap): preparing costs more
// than running these small statements. The cache belongs to the object that
// owns it, on the connection's thread; the Database must outlive it.

#include <map>
#include <string>
#include <string_view>

#include "storage/Database.h"

namespace storage {

class StatementCache {
public:
    explicit StatementCache(Database& db) : db_(db) {}
    StatementCache(const StatementCache&) = delete;
    StatementCache& operator=(const StatementCache&) = delete;

    // The statement for `sql`, prepared on first use, reset and with its
    // bindings cleared. The pointer stays valid as long as the cache.
    Result<Statement*> get(std::string_view sql);

    // Resets every statement, so none holds a read snapshot open. Call when
    // a unit of work ends (before COMMIT, and after a failure).
    void resetAll();

    Database& database() { return db_; }

private:
    Database& db_;
    std::map<std::string, Statement, std::less<>> statements_;
};

}  // namespace storage
