#include "config/ConfigText.h"

#include <algorithm>
#include <charconv>
#include <cstdio>

namespace config {

namespace {

std::string normalised(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c - 'A' + 'a');
        } else if (c == '-') {
            c = '_';
        }
    }
    return out;
}

// Optimal string alignment distance (a transposition counts as one edit).
std::size_t editDistance(const std::string& a, const std::string& b) {
    std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = 0; i <= a.size(); ++i) {
        d[i][0] = i;
    }
    for (std::size_t j = 0; j <= b.size(); ++j) {
        d[0][j] = j;
    }
    for (std::size_t i = 1; i <= a.size(); ++i) {
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
            }
        }
    }
    return d[a.size()][b.size()];
}

}  // namespace

std::string quoted(std::string_view s) {
    constexpr std::size_t kMax = 40;
    std::string out = "\"";
    if (s.size() > kMax) {
        out += s.substr(0, kMax);
        out += "...";
    } else {
        out += s;
    }
    out += '"';
    return out;
}

std::optional<std::string> closestName(std::string_view word, const std::vector<std::string>& candidates) {
    const std::string w = normalised(word);
    const std::size_t limit = w.size() <= 4 ? 1 : (w.size() <= 8 ? 2 : 3);
    std::optional<std::string> best;
    std::size_t bestScore = limit + 2;
    for (const std::string& candidate : candidates) {
        const std::string c = normalised(candidate);
        std::size_t score = editDistance(w, c);
        if (score > limit) {
            const std::string& shorter = w.size() < c.size() ? w : c;
            const std::string& longer = w.size() < c.size() ? c : w;
            const bool prefix = shorter.size() >= 3 && longer.compare(0, shorter.size(), shorter) == 0;
            score = prefix ? limit + 1 : limit + 2;
        }
        if (score < bestScore) {
            bestScore = score;
            best = candidate;
        }
    }
    return best;
}

std::string didYouMean(std::string_view word, const std::vector<std::string>& candidates) {
    if (auto name = closestName(word, candidates)) {
        return "; did you mean '" + *name + "'?";
    }
    return {};
}

std::string joinNames(const std::vector<std::string>& names, std::string_view lastSeparator) {
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0) {
            out += i + 1 == names.size() ? std::string(lastSeparator) : std::string(", ");
        }
        out += names[i];
    }
    return out;
}

std::string formatDate(const loyalty::Date& date) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", date.year, date.month, date.day);
    return buffer;
}

std::string formatMoney(loyalty::Money minor, int decimals) {
    const std::uint64_t magnitude =
        minor < 0 ? std::uint64_t{0} - static_cast<std::uint64_t>(minor) : static_cast<std::uint64_t>(minor);
    std::string digits = std::to_string(magnitude);
    const auto places = static_cast<std::size_t>(decimals);
    if (places > 0) {
        if (digits.size() <= places) {
            digits.insert(0, places + 1 - digits.size(), '0');
        }
        digits.insert(digits.size() - places, 1, '.');
    }
    return (minor < 0 ? "-" : "") + digits;
}

std::string describeNode(const toml::node& node) {
    switch (node.type()) {
        case toml::node_type::string:
            return "a string (" + quoted(node.as_string()->get()) + ")";
        case toml::node_type::integer:
            return "an integer (" + std::to_string(node.as_integer()->get()) + ")";
        case toml::node_type::floating_point: {
            char buffer[64];
            auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, node.as_floating_point()->get());
            std::string text = ec == std::errc{} ? std::string(buffer, end) : std::string("?");
            return "a floating-point number (" + text + ")";
        }
        case toml::node_type::boolean:
            return std::string("a boolean (") + (node.as_boolean()->get() ? "true" : "false") + ")";
        case toml::node_type::date: {
            const toml::date& d = node.as_date()->get();
            return "a date (" + formatDate(loyalty::Date{d.year, d.month, d.day}) + ")";
        }
        case toml::node_type::time:
            return "a time of day";
        case toml::node_type::date_time:
            return "a date-time";
        case toml::node_type::array:
            return "a list";
        case toml::node_type::table:
            return "a table";
        case toml::node_type::none:
            break;
    }
    return "nothing";
}

}  // namespace config
