#pragma once
// A prepared statement. Binds by 1-based index; text comes out as
// std::string copies (never a pointer into SQLite's memory). Move-only;
// finalized on destruction.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "storage/StorageError.h"

struct sqlite3;
struct sqlite3_stmt;

namespace storage {

class Statement {
public:
    Statement(sqlite3* db, sqlite3_stmt* stmt, std::string path);
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement();

    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
    Statement& bind(int index, const std::string& text) { return bind(index, std::string_view(text)); }
    Statement& bind(int index, const std::optional<std::int64_t>& value);
    Statement& bind(int index, const std::optional<std::string>& value);
    Statement& bindBlob(int index, const std::vector<std::uint8_t>& bytes);
    Statement& bindNull(int index);

    // Steps once: true when a row is available, false when done.
    Result<bool> step();
    // Steps to completion, for statements that return no rows.
    Status run();
    // Resets for another execution and clears bindings.
    void reset();

    std::int64_t columnInt64(int column) const;
    std::string columnText(int column) const;
    std::vector<std::uint8_t> columnBlob(int column) const;
    bool columnIsNull(int column) const;
    std::optional<std::int64_t> columnOptionalInt64(int column) const;
    std::optional<std::string> columnOptionalText(int column) const;
    int columnCount() const;
    std::string columnName(int column) const;

private:
    sqlite3* db_ = nullptr;
    sqlite3_stmt* stmt_ = nullptr;
    std::string path_;
    int bindError_ = 0;  // first bind failure, reported by step()
};

}  // namespace storage
