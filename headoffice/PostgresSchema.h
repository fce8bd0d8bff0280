#pragma once
// The head-office tables in PostgreSQL, created when missing (inside the
// caller's transaction, which holds the writers' advisory lock, so two
// processes starting at once do not race).

#include "headoffice/HeadOfficeError.h"
#include "headoffice/PgConnection.h"

namespace headoffice {

class PostgresSchema {
public:
    static constexpr int kVersion = 1;
    static Status prepare(PgConnection& db);
};

}  // namespace headoffice
