#include "storage/LedgerExport.h"

#include <array>
#include <nlohmann/json.hpp>
#include <ostream>

namespace storage {
namespace {

enum class Kind { Integer, Text };

struct Column {
    const char* name;
    Kind kind;
};

// In the order of the SELECT below.
constexpr std::array<Column, 27> kColumns{{
    {"seq", Kind::Integer},
    {"id", Kind::Text},
    {"kiosk_id", Kind::Text},
    {"type", Kind::Text},
    {"member_id", Kind::Text},
    {"card_token", Kind::Text},
    {"points_delta", Kind::Integer},
    {"purchase_amount", Kind::Integer},
    {"reward_id", Kind::Text},
    {"offer_id", Kind::Text},
    {"stamp_card_id", Kind::Text},
    {"stamps", Kind::Integer},
    {"rating", Kind::Integer},
    {"staff_id", Kind::Text},
    {"reason", Kind::Text},
    {"voids_event_id", Kind::Text},
    {"wall_time", Kind::Integer},
    {"wall_time_utc", Kind::Text},
    {"utc_offset", Kind::Integer},
    {"monotonic_ns", Kind::Integer},
    {"outbox_state", Kind::Text},
    {"attempts", Kind::Integer},
    {"next_attempt_at", Kind::Integer},
    {"acknowledged_at", Kind::Integer},
    {"rejection_reason", Kind::Text},
    {"resolved_at", Kind::Integer},
    {"last_error", Kind::Text},
}};

constexpr std::string_view kQuery =
    "SELECT l.seq, l.id, l.kiosk_id, l.type, l.member_id, l.card_token, l.points_delta, l.purchase_amount, "
    "l.reward_id, l.offer_id, l.stamp_card_id, l.stamps, l.rating, l.staff_id, l.reason, l.voids_event_id, "
    "l.wall_time, strftime('%Y-%m-%dT%H:%M:%fZ', l.wall_time / 1000.0, 'unixepoch'), l.utc_offset, "
    "l.monotonic_ns, "
    "CASE WHEN o.seq IS NULL THEN 'none' WHEN o.acknowledged_at IS NULL THEN 'pending' "
    "     ELSE coalesce(o.result, 'acknowledged') END, "
    "o.attempts, o.next_attempt_at, o.acknowledged_at, o.rejection_reason, o.resolved_at, o.last_error "
    "FROM ledger l LEFT JOIN outbox o ON o.seq = l.seq ORDER BY l.seq";

void writeCsvRow(std::ostream& out, const Statement& row) {
    for (std::size_t i = 0; i < kColumns.size(); ++i) {
        const int column = static_cast<int>(i);
        if (i > 0) {
            out << ',';
        }
        if (row.columnIsNull(column)) {
            continue;
        }
        if (kColumns[i].kind == Kind::Integer) {
            out << row.columnInt64(column);
        } else {
            out << LedgerExport::csvField(row.columnText(column));
        }
    }
    out << "\r\n";
}

void writeJsonRow(std::ostream& out, const Statement& row) {
    nlohmann::ordered_json object = nlohmann::ordered_json::object();
    for (std::size_t i = 0; i < kColumns.size(); ++i) {
        const int column = static_cast<int>(i);
        if (row.columnIsNull(column)) {
            object[kColumns[i].name] = nullptr;
        } else if (kColumns[i].kind == Kind::Integer) {
            object[kColumns[i].name] = row.columnInt64(column);
        } else {
            object[kColumns[i].name] = row.columnText(column);
        }
    }
    // Invalid UTF-8 in stored text becomes U+FFFD rather than an exception.
    out << object.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace

std::optional<ExportFormat> parseExportFormat(std::string_view text) {
    if (text == "csv") {
        return ExportFormat::Csv;
    }
    if (text == "json") {
        return ExportFormat::Json;
    }
    return std::nullopt;
}

std::string LedgerExport::csvField(std::string_view text) {
    if (text.find_first_of(",\"\r\n") == std::string_view::npos) {
        return std::string(text);
    }
    std::string quoted = "\"";
    for (const char c : text) {
        if (c == '"') {
            quoted += '"';
        }
        quoted += c;
    }
    quoted += '"';
    return quoted;
}

Result<std::int64_t> LedgerExport::write(Database& db, std::ostream& out, ExportFormat format) {
    auto rows = db.prepare(kQuery);
    if (!rows) {
        return loyalty::unexpected(rows.error());
    }
    if (format == ExportFormat::Csv) {
        for (std::size_t i = 0; i < kColumns.size(); ++i) {
            out << (i > 0 ? "," : "") << kColumns[i].name;
        }
        out << "\r\n";
    } else {
        out << "[";
    }
    std::int64_t written = 0;
    while (true) {
        auto row = rows->step();
        if (!row) {
            auto error = row.error();
            error.message = "export stopped after " + std::to_string(written) + " events: " + error.message;
            return loyalty::unexpected(error);
        }
        if (!row.value()) {
            break;
        }
        if (format == ExportFormat::Csv) {
            writeCsvRow(out, *rows);
        } else {
            out << (written > 0 ? ",\n" : "\n");
            writeJsonRow(out, *rows);
        }
        ++written;
        if (!out) {
            return loyalty::unexpected(StorageError{
                ErrorCode::Io, "export stopped after " + std::to_string(written) + " events: writing failed", 0});
        }
    }
    if (format == ExportFormat::Json) {
        out << (written > 0 ? "\n]\n" : "]\n");
    }
    out.flush();
    if (!out) {
        return loyalty::unexpected(StorageError{ErrorCode::Io, "export: writing the output failed", 0});
    }
    return written;
}

}  // namespace storage
