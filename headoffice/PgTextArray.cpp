#include "headoffice/PgTextArray.h"

namespace headoffice {

void PgTextArray::separator() {
    if (count_++ > 0) {
        elements_.push_back(',');
    }
}

PgTextArray& PgTextArray::add(std::string_view value) {
    separator();
    elements_.reserve(elements_.size() + value.size() + 2);
    elements_.push_back('"');
    for (const char c : value) {
        if (c == '"' || c == '\\') {
            elements_.push_back('\\');
        }
        elements_.push_back(c);
    }
    elements_.push_back('"');
    return *this;
}

PgTextArray& PgTextArray::add(const std::optional<std::string>& value) {
    return value ? add(std::string_view(*value)) : addNull();
}

PgTextArray& PgTextArray::add(std::int64_t value) {
    separator();
    elements_ += std::to_string(value);
    return *this;
}

PgTextArray& PgTextArray::add(const std::optional<std::int64_t>& value) { return value ? add(*value) : addNull(); }

PgTextArray& PgTextArray::add(bool value) {
    separator();
    elements_.push_back(value ? 't' : 'f');
    return *this;
}

PgTextArray& PgTextArray::addNull() {
    separator();
    elements_ += "NULL";
    return *this;
}

}  // namespace headoffice
