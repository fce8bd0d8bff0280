#pragma once
// The ledger joined with each event's outbox state, written to a stream as
// CSV (RFC 4180: comma-separated, CRLF line ends, fields quoted when they
// hold a comma, a quote or a line break, quotes doubled) or JSON (an array
// of objects, UTF-8, one event per line). For the technician and for head
// office's reconciliation: member ids and card tokens are included because
// exporting is the technician's explicit request; nothing is logged.

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>

#include "storage/Database.h"

namespace storage {

enum class ExportFormat { Csv, Json };

std::optional<ExportFormat> parseExportFormat(std::string_view text);  // "csv", "json"

class LedgerExport {
public:
    // Writes every ledger event in sequence order. Returns the number of
    // events written. On a failure part-way (a damaged page) the events
    // before it have been written and the error says how many.
    static Result<std::int64_t> write(Database& db, std::ostream& out, ExportFormat format);

    // One CSV field, quoted as RFC 4180 asks.
    static std::string csvField(std::string_view text);
};

}  // namespace storage
