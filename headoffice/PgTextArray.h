#pragma once
// A PostgreSQL array literal ({"a","b",NULL}) built from values, so a whole
// batch goes to the server as a few parameters (unnest($1::text[], ...))
// instead of one statement per row.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace headoffice {

class PgTextArray {
public:
    PgTextArray& add(std::string_view value);
    PgTextArray& add(const std::optional<std::string>& value);
    PgTextArray& add(std::int64_t value);
    PgTextArray& add(const std::optional<std::int64_t>& value);
    PgTextArray& add(bool value);
    PgTextArray& addNull();

    std::string text() const { return "{" + elements_ + "}"; }
    bool empty() const { return count_ == 0; }

private:
    void separator();
    std::string elements_;
    std::size_t count_ = 0;
};

}  // namespace headoffice
