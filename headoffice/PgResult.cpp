#include "headoffice/PgResult.h"

#include <libpq-fe.h>

#include <cstdlib>

namespace headoffice {

PgResult::PgResult(PgResult&& other) noexcept : result_(other.result_) { other.result_ = nullptr; }

PgResult& PgResult::operator=(PgResult&& other) noexcept {
    if (this != &other) {
        PQclear(result_);
        result_ = other.result_;
        other.result_ = nullptr;
    }
    return *this;
}

PgResult::~PgResult() { PQclear(result_); }

bool PgResult::ok() const {
    if (result_ == nullptr) {
        return false;
    }
    const auto status = PQresultStatus(result_);
    return status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
}

int PgResult::rows() const { return result_ == nullptr ? 0 : PQntuples(result_); }

std::string PgResult::text(int row, int column) const {
    const char* value = PQgetvalue(result_, row, column);
    return value == nullptr ? std::string()
                            : std::string(value, static_cast<std::size_t>(PQgetlength(result_, row, column)));
}

std::optional<std::string> PgResult::optionalText(int row, int column) const {
    if (PQgetisnull(result_, row, column) != 0) {
        return std::nullopt;
    }
    return text(row, column);
}

std::int64_t PgResult::integer(int row, int column) const {
    return std::strtoll(PQgetvalue(result_, row, column), nullptr, 10);
}

std::optional<std::int64_t> PgResult::optionalInteger(int row, int column) const {
    if (PQgetisnull(result_, row, column) != 0) {
        return std::nullopt;
    }
    return integer(row, column);
}

bool PgResult::boolean(int row, int column) const {
    const char* value = PQgetvalue(result_, row, column);
    return value != nullptr && value[0] == 't';
}

std::int64_t PgResult::affected() const {
    const char* count = PQcmdTuples(result_);
    return count == nullptr || *count == '\0' ? 0 : std::strtoll(count, nullptr, 10);
}

}  // namespace headoffice
