#pragma once
// The head-office tables in SQLite, created on first open. The file is
// marked with its own application_id, so a kiosk's database or any other
// SQLite file given by mistake is refused instead of written to.

#include "headoffice/HeadOfficeError.h"
#include "headoffice/SqliteConnection.h"

namespace headoffice {

class SqliteSchema {
public:
    static constexpr int kApplicationId = 0x484f4631;  // "HOF1"
    // 1: the first schema; 2: earned_points (filled from the accepted events
    // when a schema-1 file is opened).
    static constexpr int kVersion = 2;

    // Creates the tables in a new (empty) file, or checks an existing one
    // and brings a schema-1 file to schema 2.
    static Status prepare(SqliteConnection& db);
};

}  // namespace headoffice
