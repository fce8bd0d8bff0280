#include "config/TomlTableReader.h"

#include <algorithm>
#include <array>

#include "config/ConfigText.h"

namespace config {

namespace {

bool isBareKey(std::string_view key) {
    return !key.empty() && std::all_of(key.begin(), key.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    });
}

bool isBlank(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; });
}

bool isIdentifier(std::string_view s) {
    if (s.empty() || s.size() > 64) {
        return false;
    }
    auto lowerOrDigit = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
    return lowerOrDigit(s.front()) &&
           std::all_of(s.begin(), s.end(), [&](char c) { return lowerOrDigit(c) || c == '-' || c == '_'; });
}

// A catalogue's language code: "es", "pt-BR", "en_GB".
bool isLanguageCode(std::string_view s) {
    return !s.empty() && s.size() <= 35 && std::all_of(s.begin(), s.end(), [](char c) {
               return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                      c == '_';
           });
}

bool looksLikeInteger(std::string_view s) {
    if (!s.empty() && (s.front() == '-' || s.front() == '+')) {
        s.remove_prefix(1);
    }
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool looksLikeDate(std::string_view s) {
    return s.size() == 10 && s[4] == '-' && s[7] == '-';
}

std::string rangeProblem(std::int64_t value, std::int64_t min, std::int64_t max) {
    const std::string got = " (got " + std::to_string(value) + ")";
    const bool simpleMin = min == 0 || min == 1;
    if (value < min) {
        if (min == 0) {
            return "must not be negative" + got;
        }
        if (min == 1 || max == kInt64Max || max == kInt32Max) {
            return "must be at least " + std::to_string(min) + got;
        }
        return "must be between " + std::to_string(min) + " and " + std::to_string(max) + got;
    }
    if (max == kInt32Max) {
        return std::to_string(value) + " is too large: the largest allowed here is " + std::to_string(max);
    }
    if (simpleMin) {
        return "must be at most " + std::to_string(max) + got;
    }
    return "must be between " + std::to_string(min) + " and " + std::to_string(max) + got;
}

}  // namespace

TomlTableReader::TomlTableReader(ConfigProblems& problems, const toml::table& table, std::string path)
    : problems_(problems), table_(table), path_(std::move(path)) {}

std::string TomlTableReader::pathOf(std::string_view key) const {
    std::string name = isBareKey(key) ? std::string(key) : quoted(key);
    return path_.empty() ? name : path_ + "." + name;
}

void TomlTableReader::markKnown(std::string_view key) {
    if (std::find(known_.begin(), known_.end(), key) == known_.end()) {
        known_.emplace_back(key);
    }
}

toml::source_region TomlTableReader::where(std::string_view key) const {
    if (const toml::node* node = table_.get(key)) {
        return node->source();
    }
    return table_.source();
}

void TomlTableReader::report(std::string_view key, std::string_view message, ProblemKind kind) {
    problems_.add(where(key), pathOf(key) + ": " + std::string(message), kind);
}

void TomlTableReader::reportTable(std::string_view message) {
    problems_.add(table_.source(), (path_.empty() ? std::string() : path_ + ": ") + std::string(message));
}

const toml::node* TomlTableReader::find(std::string_view key, Presence presence, std::string_view expected,
                                        bool isTable) {
    markKnown(key);
    const toml::node* node = table_.get(key);
    if (node == nullptr && presence == Presence::Required) {
        problems_.add(table_.source(),
                      pathOf(key) +
                          (isTable ? ": required table is missing; add " : ": required key is missing; expected ") +
                          std::string(expected),
                      ProblemKind::Missing);
    }
    return node;
}

void TomlTableReader::wrongType(std::string_view key, const toml::node& node, std::string_view expected,
                                std::string_view hint) {
    std::string message = pathOf(key) + ": expected " + std::string(expected) + ", found " + describeNode(node);
    if (!hint.empty()) {
        message += "; ";
        message += hint;
    }
    problems_.add(node.source(), std::move(message));
}

std::optional<std::string> TomlTableReader::text(std::string_view key, Presence presence) {
    const toml::node* node = find(key, presence, "a string in quotes");
    if (node == nullptr) {
        return std::nullopt;
    }
    const auto* value = node->as_string();
    if (value == nullptr) {
        wrongType(key, *node, "a string in quotes");
        return std::nullopt;
    }
    if (isBlank(value->get())) {
        report(key, "must not be empty");
        return std::nullopt;
    }
    return value->get();
}

std::optional<std::string> TomlTableReader::identifier(std::string_view key, Presence presence) {
    auto value = text(key, presence);
    if (value && !isIdentifier(*value)) {
        report(key,
               quoted(*value) +
                   " is not a valid id; use 1 to 64 lowercase letters, digits, '-' or '_' (such as \"free-coffee\")");
        return std::nullopt;
    }
    return value;
}

std::optional<std::int64_t> TomlTableReader::integer(std::string_view key, Presence presence, std::int64_t min,
                                                     std::int64_t max, std::string_view rangeHint,
                                                     std::string_view typeHint) {
    const toml::node* node = find(key, presence, "a whole number");
    if (node == nullptr) {
        return std::nullopt;
    }
    const auto* value = node->as_integer();
    if (value == nullptr) {
        std::string_view advice = typeHint;
        if (const auto* s = node->as_string(); s != nullptr && looksLikeInteger(s->get())) {
            advice = "write numbers without quotes";
        } else if (node->is_floating_point() && advice.empty()) {
            advice = "write it without a decimal point";
        }
        wrongType(key, *node, "a whole number", advice);
        return std::nullopt;
    }
    const std::int64_t v = value->get();
    if (v < min || v > max) {
        std::string message = rangeProblem(v, min, max);
        if (!rangeHint.empty()) {
            message += "; ";
            message += rangeHint;
        }
        report(key, message);
        return std::nullopt;
    }
    return v;
}

std::optional<bool> TomlTableReader::boolean(std::string_view key, Presence presence) {
    const toml::node* node = find(key, presence, "true or false");
    if (node == nullptr) {
        return std::nullopt;
    }
    if (const auto* value = node->as_boolean()) {
        return value->get();
    }
    const auto* s = node->as_string();
    const bool quotedBool = s != nullptr && (s->get() == "true" || s->get() == "false");
    wrongType(key, *node, "true or false", quotedBool ? "write true or false without quotes" : "");
    return std::nullopt;
}

std::optional<loyalty::Date> TomlTableReader::date(std::string_view key, Presence presence) {
    constexpr std::string_view kExpected = "a date such as 2026-01-31";
    const toml::node* node = find(key, presence, kExpected);
    if (node == nullptr) {
        return std::nullopt;
    }
    if (const auto* value = node->as_date()) {
        const toml::date& d = value->get();
        return loyalty::Date{d.year, d.month, d.day};
    }
    std::string_view hint;
    if (const auto* s = node->as_string(); s != nullptr && looksLikeDate(s->get())) {
        hint = "write dates without quotes";
    } else if (node->is_date_time()) {
        hint = "give the day only, without a time of day";
    }
    wrongType(key, *node, kExpected, hint);
    return std::nullopt;
}

std::optional<loyalty::Money> TomlTableReader::money(std::string_view key, Presence presence, int decimals,
                                                     loyalty::Money min) {
    const std::string example =
        decimals > 0 ? "\"5." + std::string(static_cast<std::size_t>(decimals), '0') + "\"" : std::string("\"500\"");
    const std::string expected = "an amount written as a string such as " + example;
    const toml::node* node = find(key, presence, expected);
    if (node == nullptr) {
        return std::nullopt;
    }
    const auto* value = node->as_string();
    if (value == nullptr) {
        wrongType(key, *node, expected,
                  node->is_number() ? "amounts are exact decimal strings, never bare numbers" : "");
        return std::nullopt;
    }
    std::string_view s = value->get();
    const bool negative = !s.empty() && s.front() == '-';
    if (negative) {
        s.remove_prefix(1);
    }
    const std::size_t dot = s.find('.');
    const std::string_view whole = s.substr(0, dot);
    const std::string_view fraction = dot == std::string_view::npos ? std::string_view{} : s.substr(dot + 1);
    auto allDigits = [](std::string_view part) {
        return !part.empty() && std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    if (!allDigits(whole) || (dot != std::string_view::npos && !allDigits(fraction))) {
        report(key, quoted(value->get()) + " is not an amount; write digits with an optional decimal point, such as " +
                        example);
        return std::nullopt;
    }
    if (fraction.size() > static_cast<std::size_t>(decimals)) {
        report(key, decimals == 0
                        ? quoted(value->get()) + " has decimals, but the currency has no minor unit"
                        : quoted(value->get()) + " has more than " + std::to_string(decimals) + " decimal places");
        return std::nullopt;
    }
    loyalty::Money minor = 0;
    bool overflow = false;
    auto append = [&](char digit) {
        overflow = overflow || __builtin_mul_overflow(minor, loyalty::Money{10}, &minor) ||
                   __builtin_add_overflow(minor, loyalty::Money{digit - '0'}, &minor);
    };
    for (char c : whole) {
        append(c);
    }
    for (int i = 0; i < decimals; ++i) {
        append(static_cast<std::size_t>(i) < fraction.size() ? fraction[static_cast<std::size_t>(i)] : '0');
    }
    if (overflow) {
        report(key, quoted(value->get()) + " is too large");
        return std::nullopt;
    }
    if (negative) {
        minor = -minor;
    }
    if (minor < min) {
        report(key, min == 0 ? "must not be negative (got " + formatMoney(minor, decimals) + ")"
                             : "must be at least " + formatMoney(min, decimals) + " (got " +
                                   formatMoney(minor, decimals) + ")");
        return std::nullopt;
    }
    return minor;
}

std::optional<loyalty::WeekdayMask> TomlTableReader::weekdays(std::string_view key, Presence presence) {
    static constexpr std::array<std::string_view, 7> kDays = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};
    constexpr std::string_view kExpected = "a list of days such as [\"tue\", \"sat\"]";
    const toml::node* node = find(key, presence, kExpected);
    if (node == nullptr) {
        return std::nullopt;
    }
    const auto* list = node->as_array();
    if (list == nullptr) {
        wrongType(key, *node, kExpected, node->is_string() ? "write a list even for one day: [\"tue\"]" : "");
        return std::nullopt;
    }
    if (list->empty()) {
        report(key, "must list at least one day; leave the key out to mean every day");
        return std::nullopt;
    }
    loyalty::WeekdayMask mask = 0;
    bool ok = true;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const toml::node& element = *list->get(i);
        const std::string elementPath = pathOf(key) + "[" + std::to_string(i) + "]";
        const auto* day = element.as_string();
        if (day == nullptr) {
            problems_.add(element.source(),
                          elementPath + ": expected a day such as \"tue\", found " + describeNode(element));
            ok = false;
            continue;
        }
        const auto it = std::find(kDays.begin(), kDays.end(), day->get());
        if (it == kDays.end()) {
            problems_.add(element.source(), elementPath + ": " + quoted(day->get()) + " is not a day" +
                                                didYouMean(day->get(), {kDays.begin(), kDays.end()}) +
                                                "; use mon, tue, wed, thu, fri, sat or sun");
            ok = false;
            continue;
        }
        const auto bit = static_cast<loyalty::WeekdayMask>(1u << static_cast<unsigned>(it - kDays.begin()));
        if ((mask & bit) != 0) {
            problems_.add(element.source(), elementPath + ": " + quoted(day->get()) + " is listed twice");
            ok = false;
            continue;
        }
        mask = static_cast<loyalty::WeekdayMask>(mask | bit);
    }
    return ok ? std::optional<loyalty::WeekdayMask>(mask) : std::nullopt;
}

std::optional<std::vector<TextItem>> TomlTableReader::textList(std::string_view key, Presence presence,
                                                               bool identifiers) {
    constexpr std::string_view kExpected = "a list of strings such as [\"a\", \"b\"]";
    const toml::node* node = find(key, presence, kExpected);
    if (node == nullptr) {
        return std::nullopt;
    }
    const auto* list = node->as_array();
    if (list == nullptr) {
        wrongType(key, *node, kExpected, node->is_string() ? "write a list even for one entry: [\"...\"]" : "");
        return std::nullopt;
    }
    std::vector<TextItem> items;
    bool ok = true;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const toml::node& element = *list->get(i);
        const std::string elementPath = pathOf(key) + "[" + std::to_string(i) + "]";
        const auto* s = element.as_string();
        std::string problem;
        if (s == nullptr) {
            problem = "expected a string, found " + describeNode(element);
        } else if (isBlank(s->get())) {
            problem = "must not be empty";
        } else if (identifiers && !isIdentifier(s->get())) {
            problem = quoted(s->get()) + " is not a valid id; use lowercase letters, digits, '-' or '_'";
        } else if (std::any_of(items.begin(), items.end(),
                               [&](const TextItem& item) { return item.value == s->get(); })) {
            problem = quoted(s->get()) + " is listed twice";
        }
        if (!problem.empty()) {
            problems_.add(element.source(), elementPath + ": " + problem);
            ok = false;
            continue;
        }
        items.push_back(TextItem{s->get(), element.source()});
    }
    return ok ? std::optional<std::vector<TextItem>>(std::move(items)) : std::nullopt;
}

std::optional<loyalty::LocalTexts> TomlTableReader::localTexts(std::string_view key, std::string_view example) {
    const std::string expected = "a table of texts by language such as " + std::string(key) + " = { es = " +
                                 quoted(example) + " }";
    const toml::node* node = find(key, Presence::Optional, expected);
    if (node == nullptr) {
        return std::nullopt;
    }
    const auto* table = node->as_table();
    if (table == nullptr) {
        wrongType(key, *node, expected,
                  node->is_string() ? "name the language of the text: { es = " + quoted(node->as_string()->get()) + " }"
                                    : std::string());
        return std::nullopt;
    }
    if (table->empty()) {
        report(key, "lists no language; add one such as { es = " + quoted(example) + " } or leave the key out");
        return std::nullopt;
    }
    TomlTableReader texts(problems_, *table, pathOf(key));
    loyalty::LocalTexts result;
    bool ok = true;
    for (auto&& [language, value] : *table) {
        const std::string_view code = language.str();
        if (!isLanguageCode(code)) {
            problems_.add(language.source(), texts.path() + ": " + quoted(code) +
                                                 " is not a language code; use a catalogue's code such as \"es\" "
                                                 "(letters, digits, '-' or '_')");
            ok = false;
            continue;
        }
        if (auto text = texts.text(code, Presence::Required)) {
            result.emplace(std::string(code), std::move(*text));
        } else {
            ok = false;
        }
    }
    return ok ? std::optional<loyalty::LocalTexts>(std::move(result)) : std::nullopt;
}

std::optional<std::size_t> TomlTableReader::choice(std::string_view key, Presence presence,
                                                   std::initializer_list<std::string_view> choices,
                                                   std::string_view what) {
    std::vector<std::string> names(choices.begin(), choices.end());
    std::vector<std::string> quotedNames;
    for (const std::string& name : names) {
        quotedNames.push_back(quoted(name));
    }
    const std::string expected = joinNames(quotedNames, " or ");
    const toml::node* node = find(key, presence, expected);
    if (node == nullptr) {
        return std::nullopt;
    }
    const auto* value = node->as_string();
    if (value == nullptr) {
        wrongType(key, *node, expected);
        return std::nullopt;
    }
    const auto it = std::find(names.begin(), names.end(), value->get());
    if (it == names.end()) {
        report(key, quoted(value->get()) + " is not a " + std::string(what) + didYouMean(value->get(), names) +
                        "; expected " + expected);
        return std::nullopt;
    }
    return static_cast<std::size_t>(it - names.begin());
}

const toml::table* TomlTableReader::subTable(std::string_view key, Presence presence) {
    const std::string expected = "a [" + pathOf(key) + "] table";
    const toml::node* node = find(key, presence, expected, true);
    if (node == nullptr) {
        return nullptr;
    }
    const auto* table = node->as_table();
    if (table == nullptr) {
        wrongType(key, *node, expected,
                  node->is_array() ? "write [" + pathOf(key) + "], not [[" + pathOf(key) + "]]" : std::string());
    }
    return table;
}

const toml::array* TomlTableReader::tableArray(std::string_view key, Presence presence) {
    const std::string expected = "[[" + pathOf(key) + "]] tables";
    const toml::node* node = find(key, presence, expected, true);
    if (node == nullptr) {
        return nullptr;
    }
    const auto* list = node->as_array();
    if (list == nullptr) {
        wrongType(key, *node, expected,
                  node->is_table() ? "start each entry with its own [[" + pathOf(key) + "]] header" : std::string());
    }
    return list;
}

const toml::array* TomlTableReader::forEachTable(std::string_view key, Presence presence,
                                                 const std::function<void(TomlTableReader&, std::size_t)>& read) {
    const toml::array* list = tableArray(key, presence);
    if (list == nullptr) {
        return nullptr;
    }
    for (std::size_t i = 0; i < list->size(); ++i) {
        const toml::node& element = *list->get(i);
        const std::string elementPath = pathOf(key) + "[" + std::to_string(i) + "]";
        const auto* table = element.as_table();
        if (table == nullptr) {
            problems_.add(element.source(), elementPath + ": expected a table, found " + describeNode(element));
            continue;
        }
        TomlTableReader reader(problems_, *table, elementPath);
        read(reader, i);
        reader.rejectUnknownKeys();
    }
    return list;
}

void TomlTableReader::rejectUnknownKeys() {
    for (auto&& [key, node] : table_) {
        const std::string_view name = key.str();
        if (std::find(known_.begin(), known_.end(), name) != known_.end()) {
            continue;
        }
        const bool isTable = node.is_table() || node.is_array_of_tables();
        std::string message = pathOf(name) + ": unknown " + (isTable ? "table" : "key");
        const std::string suggestion = didYouMean(name, known_);
        if (!suggestion.empty()) {
            message += suggestion;
        } else {
            std::vector<std::string> sorted = known_;
            message += "; expected one of " + joinNames(sorted, " or ");
        }
        problems_.add(key.source(), std::move(message), ProblemKind::UnknownKey);
    }
}

}  // namespace config
