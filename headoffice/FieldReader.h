#pragma once
// Typed reads of a JSON object's fields that never throw. The first problem
// is kept as "field: what is wrong" (prefixed with the reader's context) and
// later reads return defaults, so a caller reads everything and checks ok()
// once.

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace headoffice {

class FieldReader {
public:
    static constexpr std::size_t kMaxIdBytes = 64;
    static constexpr std::size_t kMaxTextBytes = 500;

    // `object` must outlive the reader; a non-object fails at once.
    explicit FieldReader(const nlohmann::json& object, std::string context = "");

    bool ok() const { return error_.empty(); }
    const std::string& error() const { return error_; }
    void fail(const std::string& field, const std::string& problem);

    bool has(const char* key) const;  // present and not null

    // Ids: 1..kMaxIdBytes printable ASCII characters without spaces.
    std::string requiredId(const char* key);
    std::optional<std::string> optionalId(const char* key);  // absent, null or "" -> nullopt
    // Text: any UTF-8 without NUL, up to maxBytes.
    std::string requiredText(const char* key, std::size_t maxBytes = kMaxTextBytes, bool allowEmpty = false);
    std::optional<std::string> optionalText(const char* key, std::size_t maxBytes = kMaxTextBytes);
    // Whole numbers (not 1.0, not "1") in [min, max].
    std::int64_t requiredInt(const char* key, std::int64_t min, std::int64_t max);
    std::optional<std::int64_t> optionalInt(const char* key, std::int64_t min, std::int64_t max);
    bool requiredBool(const char* key);
    bool optionalBool(const char* key, bool fallback);
    // One of `allowed`; absent or null -> fallback.
    std::string choice(const char* key, std::initializer_list<const char*> allowed, const char* fallback);
    // An array of ids without repeats.
    std::vector<std::string> idArray(const char* key);
    // A JSON object, or nullptr when absent/null (a wrong type fails).
    const nlohmann::json* optionalObject(const char* key);
    // YYYY-MM-DD, a real calendar day.
    std::optional<std::string> optionalDay(const char* key);

    // Fails on the first key not in `known` (load files are strict; uploads
    // are not, so kiosks may send fields a later head office understands).
    void rejectUnknownKeys(std::initializer_list<const char*> known);

    static bool isId(const std::string& text);
    static bool isDay(const std::string& text);

private:
    const nlohmann::json* field(const char* key) const;  // nullptr when absent or null
    std::optional<std::string> text(const char* key, std::size_t maxBytes, bool required, bool allowEmpty);

    const nlohmann::json& object_;
    std::string context_;
    std::string error_;
};

}  // namespace headoffice
