#pragma once
// Rows of the SQLite store read into records, and the loops that step a
// statement and collect its rows (the statement is reset afterwards).

#include <optional>
#include <utility>
#include <vector>

#include "headoffice/HeadOfficeError.h"
#include "headoffice/Records.h"
#include "headoffice/SqliteStatement.h"

namespace headoffice {

class SqliteRows {
public:
    static EventRecord event(const SqliteStatement& s);
    static Member member(const SqliteStatement& s);
    static Card card(const SqliteStatement& s);
    static Staff staff(const SqliteStatement& s);
    static Heartbeat heartbeat(const SqliteStatement& s);

    // Runs `statement` (bound by `bind`) and collects every row with `from`.
    template <class T, class Bind, class From>
    static Result<std::vector<T>> all(SqliteStatement& statement, Bind bind, From from) {
        bind(statement);
        std::vector<T> out;
        while (true) {
            auto row = statement.step();
            if (!row) {
                statement.reset();
                return loyalty::unexpected(row.error());
            }
            if (!*row) {
                break;
            }
            out.push_back(from(statement));
        }
        statement.reset();
        return out;
    }

    template <class T, class Bind, class From>
    static Result<std::optional<T>> first(SqliteStatement& statement, Bind bind, From from) {
        auto rows = all<T>(statement, bind, from);
        if (!rows) {
            return loyalty::unexpected(rows.error());
        }
        if (rows->empty()) {
            return std::optional<T>();
        }
        return std::optional<T>(std::move(rows->front()));
    }
};

}  // namespace headoffice
