#pragma once
// Small helpers for stepping through result rows.

#include <utility>

#include "storage/Statement.h"

namespace storage {

// Calls onRow(statement) for every row; the first step error ends it.
template <class OnRow>
Status forEachRow(Statement& statement, OnRow&& onRow) {
    while (true) {
        auto row = statement.step();
        if (!row) {
            return loyalty::unexpected(row.error());
        }
        if (!row.value()) {
            return Done{};
        }
        onRow(statement);
    }
}

// The error of a failed Result<T> as a failed Status (or any Result<U>).
template <class T>
loyalty::Unexpected<StorageError> failure(const Result<T>& result) {
    return loyalty::unexpected(result.error());
}

inline StorageError badStoredValue(const std::string& path, const std::string& what) {
    return StorageError{ErrorCode::Internal, "database " + path + ": unexpected stored " + what, 0};
}

}  // namespace storage
