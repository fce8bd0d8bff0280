#pragma once
// A prepared SQLite statement: binds by 1-based index, text comes out as
// std::string copies. Move-only; finalized on destruction.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "headoffice/HeadOfficeError.h"

struct sqlite3;
struct sqlite3_stmt;

namespace headoffice {

class SqliteStatement {
public:
    SqliteStatement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
    SqliteStatement(SqliteStatement&& other) noexcept;
    SqliteStatement& operator=(SqliteStatement&& other) noexcept;
    SqliteStatement(const SqliteStatement&) = delete;
    SqliteStatement& operator=(const SqliteStatement&) = delete;
    ~SqliteStatement();

    SqliteStatement& bind(int index, std::int64_t value);
    SqliteStatement& bind(int index, std::string_view text);
    SqliteStatement& bind(int index, const std::string& text) { return bind(index, std::string_view(text)); }
    SqliteStatement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
    SqliteStatement& bind(int index, const std::optional<std::string>& text);
    SqliteStatement& bind(int index, const std::optional<std::int64_t>& value);

    Result<bool> step();  // true: a row is available
    Status run();         // to completion, then reset
    void reset();         // for the next execution; clears bindings

    std::int64_t integer(int column) const;
    std::string text(int column) const;
    std::optional<std::string> optionalText(int column) const;
    std::optional<std::int64_t> optionalInteger(int column) const;

private:
    sqlite3* db_ = nullptr;
    sqlite3_stmt* stmt_ = nullptr;
};

}  // namespace headoffice
