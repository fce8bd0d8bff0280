#pragma once
// The head-office tables in PostgreSQL, created when missing, and a
// schema-1 database brought to schema 2 (inside the caller's transaction,
// which holds the writers' advisory lock, so two processes starting at once
// do not race).

#include "headoffice/HeadOfficeError.h"
#include "headoffice/PgConnection.h"

namespace headoffice {

class PostgresSchema {
public:
    // 1: the first schema; 2: earned_points (filled from the accepted events
    // when a schema-1 database is opened).
    static constexpr int kVersion = 2;
    static Status prepare(PgConnection& db);
};

}  // namespace headoffice
