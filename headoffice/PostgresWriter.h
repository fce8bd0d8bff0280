#pragma once
// Writes a WriteSet to PostgreSQL inside the caller's transaction: each
// section (events, members, cards, ...) as one INSERT ... SELECT FROM
// unnest(arrays) ON CONFLICT DO UPDATE, change-log entries numbered in the
// order given.

#include <cstdint>
#include <vector>

#include "headoffice/HeadOfficeError.h"
#include "headoffice/PgConnection.h"
#include "headoffice/WriteSet.h"

namespace headoffice {

class PostgresWriter {
public:
    explicit PostgresWriter(PgConnection& db) : db_(db) {}

    Status write(const WriteSet& writes);
    // skipExisting: ids already stored are left alone (ON CONFLICT DO NOTHING);
    // `inserted`, when given, gets the number of rows inserted.
    Status insertEvents(const std::vector<EventRecord>& events, bool skipExisting, std::int64_t* inserted);

private:
    PgConnection& db_;
};

}  // namespace headoffice
