#include "support/CsvReader.h"

namespace testsupport {

std::optional<std::vector<CsvReader::Row>> CsvReader::parse(std::string_view text) {
    std::vector<Row> rows;
    Row row;
    std::string field;
    std::size_t i = 0;
    bool fieldStarted = false;
    while (i < text.size()) {
        const char c = text[i];
        if (c == '"' && !fieldStarted) {
            // Quoted field: up to the closing quote; "" is a quote.
            ++i;
            while (true) {
                if (i >= text.size()) {
                    return std::nullopt;  // unterminated
                }
                if (text[i] == '"') {
                    if (i + 1 < text.size() && text[i + 1] == '"') {
                        field += '"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                field += text[i++];
            }
            fieldStarted = true;
            if (i < text.size() && text[i] != ',' && text[i] != '\r' && text[i] != '\n') {
                return std::nullopt;  // text after a closing quote
            }
            continue;
        }
        if (c == ',') {
            row.push_back(std::move(field));
            field.clear();
            fieldStarted = false;
            ++i;
            continue;
        }
        if (c == '\r' || c == '\n') {
            row.push_back(std::move(field));
            field.clear();
            fieldStarted = false;
            rows.push_back(std::move(row));
            row.clear();
            i += (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ? 2 : 1;
            continue;
        }
        if (c == '"') {
            return std::nullopt;  // a quote inside an unquoted field
        }
        field += c;
        fieldStarted = true;
        ++i;
    }
    if (fieldStarted || !row.empty()) {
        row.push_back(std::move(field));
        rows.push_back(std::move(row));
    }
    return rows;
}

}  // namespace testsupport
