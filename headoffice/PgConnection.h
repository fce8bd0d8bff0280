#pragma once
// One libpq connection (client encoding UTF-8, notices silenced), with
// parameterised statements in text format. A connection lost between calls
// is re-established on the next one. Move-only; closed on destruction.

#include <optional>
#include <string>
#include <vector>

#include "headoffice/HeadOfficeError.h"
#include "headoffice/PgResult.h"

struct pg_conn;

namespace headoffice {

class PgConnection {
public:
    using Params = std::vector<std::optional<std::string>>;

    // `url`: postgresql://[user[:password]@][host][:port][/dbname][?param=value...]
    static Result<PgConnection> connect(const std::string& url);

    PgConnection(PgConnection&& other) noexcept;
    PgConnection& operator=(PgConnection&& other) noexcept;
    PgConnection(const PgConnection&) = delete;
    PgConnection& operator=(const PgConnection&) = delete;
    ~PgConnection();

    // Runs one statement (several when there are no parameters); errors carry the server's primary message and are
    // mapped from its SQLSTATE (Conflict, Busy, Unavailable, Internal).
    Result<PgResult> exec(const std::string& sql, const Params& params = {});

    // "postgresql://user@host:port/dbname", never the password.
    std::string describe() const;

private:
    explicit PgConnection(pg_conn* conn) : conn_(conn) {}
    Status ensureConnected();
    pg_conn* conn_ = nullptr;
};

}  // namespace headoffice
