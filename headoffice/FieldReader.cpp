#include "headoffice/FieldReader.h"

#include <chrono>
#include <limits>
#include <set>

namespace headoffice {

namespace {

bool integerIn(const nlohmann::json& value, std::int64_t min, std::int64_t max, std::int64_t& out) {
    if (!value.is_number_integer()) {
        return false;
    }
    if (value.is_number_unsigned()) {
        const auto u = value.get<std::uint64_t>();
        if (u > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
            return false;
        }
        out = static_cast<std::int64_t>(u);
    } else {
        out = value.get<std::int64_t>();
    }
    return out >= min && out <= max;
}

std::string rangeText(std::int64_t min, std::int64_t max) {
    if (max == std::numeric_limits<std::int64_t>::max()) {
        return "a whole number >= " + std::to_string(min);
    }
    return "a whole number from " + std::to_string(min) + " to " + std::to_string(max);
}

}  // namespace

FieldReader::FieldReader(const nlohmann::json& object, std::string context)
    : object_(object), context_(std::move(context)) {
    if (!object_.is_object()) {
        error_ = (context_.empty() ? std::string() : context_ + ": ") + "must be a JSON object";
    }
}

void FieldReader::fail(const std::string& field, const std::string& problem) {
    if (error_.empty()) {
        error_ = (context_.empty() ? std::string() : context_ + ": ") + field + ": " + problem;
    }
}

const nlohmann::json* FieldReader::field(const char* key) const {
    if (!object_.is_object()) {
        return nullptr;
    }
    const auto it = object_.find(key);
    if (it == object_.end() || it->is_null()) {
        return nullptr;
    }
    return &*it;
}

bool FieldReader::has(const char* key) const { return field(key) != nullptr; }

bool FieldReader::isId(const std::string& text) {
    if (text.empty() || text.size() > kMaxIdBytes) {
        return false;
    }
    for (const char c : text) {
        if (c <= ' ' || c > '~') {
            return false;
        }
    }
    return true;
}

bool FieldReader::isDay(const std::string& text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
        return false;
    }
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (i != 4 && i != 7 && (text[i] < '0' || text[i] > '9')) {
            return false;
        }
    }
    const int year = std::stoi(text.substr(0, 4));
    const unsigned month = static_cast<unsigned>(std::stoi(text.substr(5, 2)));
    const unsigned day = static_cast<unsigned>(std::stoi(text.substr(8, 2)));
    return std::chrono::year_month_day(std::chrono::year(year), std::chrono::month(month), std::chrono::day(day)).ok();
}

std::optional<std::string> FieldReader::text(const char* key, std::size_t maxBytes, bool required,
                                             bool allowEmpty) {
    const nlohmann::json* value = field(key);
    if (value == nullptr) {
        if (required) {
            fail(key, "missing");
        }
        return std::nullopt;
    }
    if (!value->is_string()) {
        fail(key, "must be a string");
        return std::nullopt;
    }
    const auto& s = value->get_ref<const std::string&>();
    if (s.size() > maxBytes) {
        fail(key, "longer than " + std::to_string(maxBytes) + " bytes");
        return std::nullopt;
    }
    if (s.find('\0') != std::string::npos) {
        fail(key, "contains a NUL character");
        return std::nullopt;
    }
    if (required && !allowEmpty && s.find_first_not_of(" \t\r\n") == std::string::npos) {
        fail(key, s.empty() ? "must not be empty" : "must not be blank");
        return std::nullopt;
    }
    return s;
}

std::string FieldReader::requiredId(const char* key) {
    const auto value = text(key, kMaxIdBytes * 4, true, false);
    if (!value) {
        return {};
    }
    if (!isId(*value)) {
        fail(key, "must be 1 to " + std::to_string(kMaxIdBytes) + " printable ASCII characters without spaces");
        return {};
    }
    return *value;
}

std::optional<std::string> FieldReader::optionalId(const char* key) {
    const auto value = text(key, kMaxIdBytes * 4, false, true);
    if (!value || value->empty()) {
        return std::nullopt;
    }
    if (!isId(*value)) {
        fail(key, "must be 1 to " + std::to_string(kMaxIdBytes) + " printable ASCII characters without spaces");
        return std::nullopt;
    }
    return value;
}

std::string FieldReader::requiredText(const char* key, std::size_t maxBytes, bool allowEmpty) {
    return text(key, maxBytes, true, allowEmpty).value_or(std::string());
}

std::optional<std::string> FieldReader::optionalText(const char* key, std::size_t maxBytes) {
    return text(key, maxBytes, false, true);
}

std::int64_t FieldReader::requiredInt(const char* key, std::int64_t min, std::int64_t max) {
    const auto value = optionalInt(key, min, max);
    if (!value && !has(key)) {
        fail(key, "missing");
    }
    return value.value_or(0);
}

std::optional<std::int64_t> FieldReader::optionalInt(const char* key, std::int64_t min, std::int64_t max) {
    const nlohmann::json* value = field(key);
    if (value == nullptr) {
        return std::nullopt;
    }
    std::int64_t out = 0;
    if (!integerIn(*value, min, max, out)) {
        fail(key, "must be " + rangeText(min, max));
        return std::nullopt;
    }
    return out;
}

bool FieldReader::requiredBool(const char* key) {
    if (!has(key)) {
        fail(key, "missing");
        return false;
    }
    return optionalBool(key, false);
}

bool FieldReader::optionalBool(const char* key, bool fallback) {
    const nlohmann::json* value = field(key);
    if (value == nullptr) {
        return fallback;
    }
    if (!value->is_boolean()) {
        fail(key, "must be true or false");
        return fallback;
    }
    return value->get<bool>();
}

std::string FieldReader::choice(const char* key, std::initializer_list<const char*> allowed, const char* fallback) {
    const auto value = text(key, kMaxIdBytes, false, true);
    if (!value) {
        return fallback;
    }
    std::string list;
    for (const char* option : allowed) {
        if (*value == option) {
            return *value;
        }
        list += list.empty() ? "" : ", ";
        list += option;
    }
    fail(key, "must be one of " + list);
    return fallback;
}

std::vector<std::string> FieldReader::idArray(const char* key) {
    std::vector<std::string> out;
    const nlohmann::json* value = field(key);
    if (value == nullptr) {
        return out;
    }
    if (!value->is_array()) {
        fail(key, "must be an array of strings");
        return out;
    }
    std::set<std::string> seen;
    for (const auto& item : *value) {
        if (!item.is_string() || !isId(item.get_ref<const std::string&>())) {
            fail(key, "must be an array of ids (1 to " + std::to_string(kMaxIdBytes) +
                          " printable ASCII characters without spaces)");
            return {};
        }
        if (!seen.insert(item.get<std::string>()).second) {
            fail(key, "lists \"" + item.get<std::string>() + "\" twice");
            return {};
        }
        out.push_back(item.get<std::string>());
    }
    return out;
}

const nlohmann::json* FieldReader::optionalObject(const char* key) {
    const nlohmann::json* value = field(key);
    if (value != nullptr && !value->is_object()) {
        fail(key, "must be a JSON object");
        return nullptr;
    }
    return value;
}

std::optional<std::string> FieldReader::optionalDay(const char* key) {
    const auto value = text(key, kMaxIdBytes, false, false);
    if (!value) {
        return std::nullopt;
    }
    if (!isDay(*value)) {
        fail(key, "must be a date written YYYY-MM-DD");
        return std::nullopt;
    }
    return value;
}

void FieldReader::rejectUnknownKeys(std::initializer_list<const char*> known) {
    if (!object_.is_object()) {
        return;
    }
    for (const auto& item : object_.items()) {
        bool found = false;
        for (const char* k : known) {
            if (item.key() == k) {
                found = true;
                break;
            }
        }
        if (!found) {
            std::string list;
            for (const char* k : known) {
                list += list.empty() ? "" : ", ";
                list += k;
            }
            fail(item.key().size() > kMaxIdBytes ? item.key().substr(0, kMaxIdBytes) + "..." : item.key(),
                 "unknown key (known: " + list + ")");
            return;
        }
    }
}

}  // namespace headoffice
