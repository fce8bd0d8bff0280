#include "storage/StatementCache.h"

namespace storage {

Result<Statement*> StatementCache::get(std::string_view sql) {
    auto found = statements_.find(sql);
    if (found == statements_.end()) {
        auto prepared = db_.prepare(sql);
        if (!prepared) {
            return loyalty::unexpected(prepared.error());
        }
        found = statements_.emplace(std::string(sql), std::move(prepared.value())).first;
    }
    found->second.reset();
    return &found->second;
}

void StatementCache::resetAll() {
    for (auto& [sql, statement] : statements_) {
        statement.reset();
    }
}

}  // namespace storage
