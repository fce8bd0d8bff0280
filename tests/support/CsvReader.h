#pragma once
// Reads RFC 4180 CSV (quoted fields, doubled quotes, line breaks inside
// quotes, CRLF or LF record ends) into rows of fields. For tests that check
// an export round-trips; strict enough to reject a malformed quote.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace testsupport {

class CsvReader {
public:
    using Row = std::vector<std::string>;
    // nullopt when the text is not well-formed CSV.
    static std::optional<std::vector<Row>> parse(std::string_view text);
};

}  // namespace testsupport
