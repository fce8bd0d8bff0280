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
    static constexpr int kVersion = 1;

    // Creates the tables in a new (empty) file, or checks an existing one.
    static Status prepare(SqliteConnection& db);
};

}  // namespace headoffice
