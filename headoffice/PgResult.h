#pragma once
// A libpq result (PGresult), cleared on destruction; values as text copies.

#include <cstdint>
#include <optional>
#include <string>

struct pg_result;

namespace headoffice {

class PgResult {
public:
    explicit PgResult(pg_result* result) : result_(result) {}
    PgResult(PgResult&& other) noexcept;
    PgResult& operator=(PgResult&& other) noexcept;
    PgResult(const PgResult&) = delete;
    PgResult& operator=(const PgResult&) = delete;
    ~PgResult();

    // The statement succeeded (PGRES_COMMAND_OK or PGRES_TUPLES_OK).
    bool ok() const;
    const pg_result* raw() const { return result_; }

    int rows() const;
    std::string text(int row, int column) const;
    std::optional<std::string> optionalText(int row, int column) const;
    std::int64_t integer(int row, int column) const;
    std::optional<std::int64_t> optionalInteger(int row, int column) const;
    bool boolean(int row, int column) const;  // 't' or 'f'
    std::int64_t affected() const;            // rows an INSERT/UPDATE touched

private:
    pg_result* result_ = nullptr;
};

}  // namespace headoffice
