#include "sync/JsonFields.h"

namespace kiosksync {

std::optional<nlohmann::json> JsonFields::parse(std::string_view text) {
    nlohmann::json value = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
    if (value.is_discarded()) {
        return std::nullopt;
    }
    return value;
}

std::string JsonFields::dump(const nlohmann::json& value) {
    return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

JsonFields::JsonFields(const nlohmann::json& object, std::string where) : object_(object), where_(std::move(where)) {
    if (!object_.is_object()) {
        problem_ = where_ + ": must be a JSON object";
    }
}

void JsonFields::fail(std::string_view key, std::string_view what) {
    if (problem_.empty()) {
        problem_ = where_ + "." + std::string(key) + ": " + std::string(what);
    }
}

const nlohmann::json* JsonFields::find(std::string_view key) const {
    if (!object_.is_object()) {
        return nullptr;
    }
    const auto it = object_.find(key);
    return it == object_.end() ? nullptr : &*it;
}

bool JsonFields::has(std::string_view key) const { return find(key) != nullptr; }

std::string JsonFields::text(std::string_view key) {
    const nlohmann::json* value = find(key);
    if (value == nullptr || !value->is_string()) {
        fail(key, value == nullptr ? "missing" : "must be a string");
        return {};
    }
    return value->get<std::string>();
}

std::string JsonFields::nonEmptyText(std::string_view key) {
    std::string value = text(key);
    if (ok() && value.empty()) {
        fail(key, "must not be empty");
    }
    return value;
}

std::optional<std::string> JsonFields::optionalText(std::string_view key) {
    const nlohmann::json* value = find(key);
    if (value == nullptr || value->is_null()) {
        return std::nullopt;
    }
    if (!value->is_string()) {
        fail(key, "must be a string or null");
        return std::nullopt;
    }
    return value->get<std::string>();
}

std::int64_t JsonFields::integer(std::string_view key, std::int64_t min, std::int64_t max) {
    const nlohmann::json* value = find(key);
    if (value == nullptr) {
        fail(key, "missing");
        return 0;
    }
    auto read = optionalInteger(key, min, max);
    if (!read && ok()) {
        fail(key, "must be a whole number");
    }
    return read.value_or(0);
}

std::optional<std::int64_t> JsonFields::optionalInteger(std::string_view key, std::int64_t min, std::int64_t max) {
    const nlohmann::json* value = find(key);
    if (value == nullptr || value->is_null()) {
        return std::nullopt;
    }
    std::int64_t number = 0;
    if (value->is_number_integer() && !value->is_number_unsigned()) {
        number = value->get<std::int64_t>();
    } else if (value->is_number_unsigned() && value->get<std::uint64_t>() <= static_cast<std::uint64_t>(max)) {
        number = static_cast<std::int64_t>(value->get<std::uint64_t>());
    } else {
        fail(key, "must be a whole number");
        return std::nullopt;
    }
    if (number < min || number > max) {
        fail(key, "out of range");
        return std::nullopt;
    }
    return number;
}

bool JsonFields::boolean(std::string_view key, bool fallback) {
    const nlohmann::json* value = find(key);
    if (value == nullptr || value->is_null()) {
        return fallback;
    }
    if (!value->is_boolean()) {
        fail(key, "must be true or false");
        return fallback;
    }
    return value->get<bool>();
}

std::vector<std::string> JsonFields::textArray(std::string_view key) {
    std::vector<std::string> out;
    const nlohmann::json* value = find(key);
    if (value == nullptr || value->is_null()) {
        return out;
    }
    if (!value->is_array()) {
        fail(key, "must be an array of strings");
        return out;
    }
    for (const auto& item : *value) {
        if (!item.is_string()) {
            fail(key, "must be an array of strings");
            return {};
        }
        out.push_back(item.get<std::string>());
    }
    return out;
}

const nlohmann::json* JsonFields::object(std::string_view key) {
    const nlohmann::json* value = find(key);
    if (value == nullptr || !value->is_object()) {
        fail(key, value == nullptr ? "missing" : "must be a JSON object");
        return nullptr;
    }
    return value;
}

}  // namespace kiosksync
