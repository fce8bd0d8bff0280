#pragma once
// Internal to kiosk_config (includes toml++): typed, validating access to the
// keys of one TOML table. Every accessor
//   - marks its key as known (so rejectUnknownKeys() can refuse typos),
//   - reports a problem (with the value's line and column) when a required
//     key is missing, the value has the wrong type or is out of range,
//   - and then returns nullopt, so the caller can carry on and keep its default.
// Messages start with the key's path ("tiers[1].threshold: ...").

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include "config/ConfigProblems.h"
#include "loyalty/Program.h"
#include "loyalty/Types.h"

namespace config {

enum class Presence { Required, Optional };

// A string from a list, with where it stands in the file.
struct TextItem {
    std::string value;
    toml::source_region where;
};

constexpr std::int64_t kInt32Max = std::numeric_limits<std::int32_t>::max();
constexpr std::int64_t kInt64Max = std::numeric_limits<std::int64_t>::max();

class TomlTableReader {
public:
    // `path` names the table in messages: "" for the document root, "earn",
    // "tiers[1]".
    TomlTableReader(ConfigProblems& problems, const toml::table& table, std::string path);

    const std::string& path() const { return path_; }
    std::string pathOf(std::string_view key) const;
    const toml::table& table() const { return table_; }
    ConfigProblems& problems() { return problems_; }

    // Any non-blank string.
    std::optional<std::string> text(std::string_view key, Presence presence);
    // An identifier: 1..64 of a-z, 0-9, '-', '_', starting with a letter or digit.
    std::optional<std::string> identifier(std::string_view key, Presence presence);
    // An integer within [min, max]. `rangeHint` is appended to range errors,
    // `typeHint` to type errors (else a hint for 1.0 or "1" is given).
    std::optional<std::int64_t> integer(std::string_view key, Presence presence, std::int64_t min, std::int64_t max,
                                        std::string_view rangeHint = {}, std::string_view typeHint = {});
    std::optional<bool> boolean(std::string_view key, Presence presence);
    // A TOML local date (2026-01-31, no quotes, no time).
    std::optional<loyalty::Date> date(std::string_view key, Presence presence);
    // An amount of money as a string ("5000.00") with at most `decimals`
    // fraction digits, converted to minor units; at least `min` (minor units).
    std::optional<loyalty::Money> money(std::string_view key, Presence presence, int decimals, loyalty::Money min);
    // ["mon", "tue", ...] -> bit set, bit 0 Sunday.
    std::optional<loyalty::WeekdayMask> weekdays(std::string_view key, Presence presence);
    // A list of distinct non-blank strings (identifiers when `identifiers`).
    std::optional<std::vector<TextItem>> textList(std::string_view key, Presence presence, bool identifiers);
    // Texts in other languages: a table of language code -> non-blank text,
    // such as names = { es = "Café gratis" }. Codes are 1..35 letters, digits,
    // '-' or '_' (a catalogue's code, "es", "pt-BR"); any such code is
    // accepted, since catalogues are chosen at start-up. An empty table is
    // refused. `example` shows a value in the type error ("Café gratis").
    std::optional<loyalty::LocalTexts> localTexts(std::string_view key, std::string_view example);
    // One of `choices`; returns its index.
    std::optional<std::size_t> choice(std::string_view key, Presence presence,
                                      std::initializer_list<std::string_view> choices, std::string_view what);
    const toml::table* subTable(std::string_view key, Presence presence);
    // An array of tables ([[key]]). An empty array is returned as such.
    const toml::array* tableArray(std::string_view key, Presence presence);
    // Reads an array of tables: refuses elements that are not tables, calls
    // read(element, index) for each table with a reader whose path is
    // "key[index]", then refuses that table's unknown keys. Returns the array
    // (nullptr when absent or not an array).
    const toml::array* forEachTable(std::string_view key, Presence presence,
                                    const std::function<void(TomlTableReader&, std::size_t)>& read);

    // Marks a key as known without reading it (for keys checked elsewhere).
    void markKnown(std::string_view key);
    bool has(std::string_view key) const { return table_.contains(key); }
    // Where the key's value stands; the table's own position when it is absent.
    toml::source_region where(std::string_view key) const;
    // Reports a problem at the key's value (or the table if absent).
    void report(std::string_view key, std::string_view message, ProblemKind kind = ProblemKind::Value);
    // Reports a problem about the table as a whole, at its header.
    void reportTable(std::string_view message);

    // Refuses every key that no accessor asked for, suggesting a known key
    // when one is close. Call once, after reading all keys.
    void rejectUnknownKeys();

private:
    const toml::node* find(std::string_view key, Presence presence, std::string_view expected, bool isTable = false);
    void wrongType(std::string_view key, const toml::node& node, std::string_view expected, std::string_view hint = {});

    ConfigProblems& problems_;
    const toml::table& table_;
    std::string path_;
    std::vector<std::string> known_;
};

}  // namespace config
