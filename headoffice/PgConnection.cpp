#include "headoffice/PgConnection.h"

#include <libpq-fe.h>


namespace headoffice {

namespace {

void ignoreNotice(void*, const char*) {}

std::string trimmed(const char* text) {
    std::string out = text == nullptr ? std::string() : std::string(text);
    while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) {
        out.pop_back();
    }
    return out;
}

Error errorFrom(const PGresult* result, pg_conn* conn) {
    const char* state = result == nullptr ? nullptr : PQresultErrorField(result, PG_DIAG_SQLSTATE);
    const char* primary = result == nullptr ? nullptr : PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY);
    std::string message = primary != nullptr ? trimmed(primary) : trimmed(PQerrorMessage(conn));
    const std::string code = state == nullptr ? std::string() : std::string(state);
    if (PQstatus(conn) != CONNECTION_OK || code.rfind("08", 0) == 0 || code.rfind("57P", 0) == 0) {
        return Error{ErrorCode::Unavailable, "PostgreSQL: " + message};
    }
    if (code.rfind("23", 0) == 0) {
        return Error{ErrorCode::Conflict, "PostgreSQL: " + message};
    }
    if (code == "40001" || code == "40P01" || code == "55P03") {
        return Error{ErrorCode::Busy, "PostgreSQL: " + message};
    }
    return Error{ErrorCode::Internal, "PostgreSQL: " + message + (code.empty() ? "" : " (SQLSTATE " + code + ")")};
}

}  // namespace

PgConnection::PgConnection(PgConnection&& other) noexcept : conn_(other.conn_) { other.conn_ = nullptr; }

PgConnection& PgConnection::operator=(PgConnection&& other) noexcept {
    if (this != &other) {
        PQfinish(conn_);
        conn_ = other.conn_;
        other.conn_ = nullptr;
    }
    return *this;
}

PgConnection::~PgConnection() { PQfinish(conn_); }

Result<PgConnection> PgConnection::connect(const std::string& url) {
    pg_conn* conn = PQconnectdb(url.c_str());
    if (conn == nullptr) {
        return failure(ErrorCode::Unavailable, "PostgreSQL: out of memory");
    }
    PgConnection connection(conn);
    if (PQstatus(conn) != CONNECTION_OK) {
        return failure(ErrorCode::Unavailable, "cannot connect to PostgreSQL: " + trimmed(PQerrorMessage(conn)));
    }
    PQsetNoticeProcessor(conn, ignoreNotice, nullptr);
    if (PQsetClientEncoding(conn, "UTF8") != 0) {
        return failure(ErrorCode::Unavailable, "PostgreSQL: cannot use client encoding UTF8");
    }
    return connection;
}

std::string PgConnection::describe() const {
    const char* host = PQhost(conn_);
    std::string where = host == nullptr ? std::string() : std::string(host);
    if (!where.empty() && where.front() == '/') {
        where = "[socket " + where + "]";
    }
    return std::string("postgresql://") + PQuser(conn_) + "@" + where + ":" + PQport(conn_) + "/" + PQdb(conn_);
}

Status PgConnection::ensureConnected() {
    if (PQstatus(conn_) == CONNECTION_OK) {
        return Done{};
    }
    PQreset(conn_);
    if (PQstatus(conn_) != CONNECTION_OK) {
        return failure(ErrorCode::Unavailable, "PostgreSQL connection lost: " + trimmed(PQerrorMessage(conn_)));
    }
    PQsetNoticeProcessor(conn_, ignoreNotice, nullptr);
    PQsetClientEncoding(conn_, "UTF8");
    return Done{};
}

Result<PgResult> PgConnection::exec(const std::string& sql, const Params& params) {
    auto connected = ensureConnected();
    if (!connected) {
        return loyalty::unexpected(connected.error());
    }
    std::vector<const char*> values;
    values.reserve(params.size());
    for (const auto& p : params) {
        values.push_back(p ? p->c_str() : nullptr);
    }
    // Without parameters, PQexec: it also runs several statements (the schema).
    PgResult result(params.empty() ? PQexec(conn_, sql.c_str())
                                   : PQexecParams(conn_, sql.c_str(), static_cast<int>(values.size()), nullptr,
                                                  values.data(), nullptr, nullptr, 0));
    if (!result.ok()) {
        return loyalty::unexpected(errorFrom(result.raw(), conn_));
    }
    return result;
}

}  // namespace headoffice
