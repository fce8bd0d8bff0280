#include "net/HttpHeaders.h"

#include <algorithm>

namespace net {

namespace {

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

}  // namespace

bool HttpHeaders::namesEqual(std::string_view a, std::string_view b) {
    return a.size() == b.size() &&
           std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return lower(x) == lower(y); });
}

void HttpHeaders::add(std::string name, std::string value) { fields_.emplace_back(std::move(name), std::move(value)); }

void HttpHeaders::set(const std::string& name, std::string value) {
    remove(name);
    add(name, std::move(value));
}

void HttpHeaders::remove(std::string_view name) {
    std::erase_if(fields_, [&](const Field& field) { return namesEqual(field.first, name); });
}

std::optional<std::string> HttpHeaders::find(std::string_view name) const {
    for (const auto& field : fields_) {
        if (namesEqual(field.first, name)) return field.second;
    }
    return std::nullopt;
}

std::vector<std::string> HttpHeaders::findAll(std::string_view name) const {
    std::vector<std::string> values;
    for (const auto& field : fields_) {
        if (namesEqual(field.first, name)) values.push_back(field.second);
    }
    return values;
}

}  // namespace net
