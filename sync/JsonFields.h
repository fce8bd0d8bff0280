#pragma once
// Reading head office's JSON without exceptions: each accessor checks the
// type first and answers nullopt (or records what was wrong) rather than
// throwing. Internal to sync/ (nlohmann-json is a private dependency).

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosksync {

class JsonFields {
public:
    // Parses text; nullopt when it is not JSON (never throws).
    static std::optional<nlohmann::json> parse(std::string_view text);
    // Compact JSON; text that is not UTF-8 is replaced, never throws.
    static std::string dump(const nlohmann::json& value);

    // Reads the fields of one object and remembers the first problem
    // ("member.balance: must be a whole number").
    JsonFields(const nlohmann::json& object, std::string where);

    bool ok() const { return problem_.empty(); }
    const std::string& problem() const { return problem_; }
    void fail(std::string_view key, std::string_view what);

    bool has(std::string_view key) const;
    const nlohmann::json* find(std::string_view key) const;

    std::string text(std::string_view key);  // required string
    std::string nonEmptyText(std::string_view key);
    std::optional<std::string> optionalText(std::string_view key);  // absent or null: nullopt
    std::int64_t integer(std::string_view key, std::int64_t min, std::int64_t max);
    std::optional<std::int64_t> optionalInteger(std::string_view key, std::int64_t min, std::int64_t max);
    bool boolean(std::string_view key, bool fallback);
    std::vector<std::string> textArray(std::string_view key);  // absent: empty
    const nlohmann::json* object(std::string_view key);         // required object

private:
    const nlohmann::json& object_;
    std::string where_;
    std::string problem_;
};

}  // namespace kiosksync
