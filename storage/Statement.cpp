#include "storage/Statement.h"

#include <sqlite3.h>

#include <utility>

#include "storage/Database.h"

namespace storage {

Statement::Statement(sqlite3* db, sqlite3_stmt* stmt, std::string path)
    : db_(db), stmt_(stmt), path_(std::move(path)) {}

Statement::Statement(Statement&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)),
      stmt_(std::exchange(other.stmt_, nullptr)),
      path_(std::move(other.path_)),
      bindError_(other.bindError_) {}

Statement& Statement::operator=(Statement&& other) noexcept {
    if (this != &other) {
        sqlite3_finalize(stmt_);
        db_ = std::exchange(other.db_, nullptr);
        stmt_ = std::exchange(other.stmt_, nullptr);
        path_ = std::move(other.path_);
        bindError_ = other.bindError_;
    }
    return *this;
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

namespace {
void keepFirst(int& slot, int rc) {
    if (slot == 0 && rc != SQLITE_OK) {
        slot = rc;
    }
}
}  // namespace

Statement& Statement::bind(int index, std::int64_t value) {
    keepFirst(bindError_, sqlite3_bind_int64(stmt_, index, value));
    return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
    keepFirst(bindError_, sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
    return *this;
}

Statement& Statement::bind(int index, const std::optional<std::int64_t>& value) {
    return value ? bind(index, *value) : bindNull(index);
}

Statement& Statement::bind(int index, const std::optional<std::string>& value) {
    return value ? bind(index, std::string_view(*value)) : bindNull(index);
}

Statement& Statement::bindBlob(int index, const std::vector<std::uint8_t>& bytes) {
    keepFirst(bindError_, sqlite3_bind_blob64(stmt_, index, bytes.data(), bytes.size(), SQLITE_TRANSIENT));
    return *this;
}

Statement& Statement::bindNull(int index) {
    keepFirst(bindError_, sqlite3_bind_null(stmt_, index));
    return *this;
}

Result<bool> Statement::step() {
    if (bindError_ != 0) {
        return loyalty::unexpected(Database::errorFrom(bindError_, "binding a value", sqlite3_sql(stmt_), path_));
    }
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) {
        return true;
    }
    if (rc == SQLITE_DONE) {
        return false;
    }
    return loyalty::unexpected(
        Database::errorFrom(sqlite3_extended_errcode(db_), "running a statement", sqlite3_errmsg(db_), path_));
}

Status Statement::run() {
    while (true) {
        auto row = step();
        if (!row) {
            return loyalty::unexpected(row.error());
        }
        if (!row.value()) {
            return Done{};
        }
    }
}

void Statement::reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
    bindError_ = 0;
}

std::int64_t Statement::columnInt64(int column) const { return sqlite3_column_int64(stmt_, column); }

std::string Statement::columnText(int column) const {
    const auto* text = sqlite3_column_text(stmt_, column);
    const int size = sqlite3_column_bytes(stmt_, column);
    return text ? std::string(reinterpret_cast<const char*>(text), static_cast<std::size_t>(size)) : std::string();
}

std::vector<std::uint8_t> Statement::columnBlob(int column) const {
    const auto* data = static_cast<const std::uint8_t*>(sqlite3_column_blob(stmt_, column));
    const int size = sqlite3_column_bytes(stmt_, column);
    return data ? std::vector<std::uint8_t>(data, data + size) : std::vector<std::uint8_t>();
}

bool Statement::columnIsNull(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }

std::optional<std::int64_t> Statement::columnOptionalInt64(int column) const {
    if (columnIsNull(column)) {
        return std::nullopt;
    }
    return columnInt64(column);
}

std::optional<std::string> Statement::columnOptionalText(int column) const {
    if (columnIsNull(column)) {
        return std::nullopt;
    }
    return columnText(column);
}

int Statement::columnCount() const { return sqlite3_column_count(stmt_); }

std::string Statement::columnName(int column) const {
    const char* name = sqlite3_column_name(stmt_, column);
    return name ? name : "";
}

}  // namespace storage
