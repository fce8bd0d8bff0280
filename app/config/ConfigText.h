#pragma once
// Internal to kiosk_config (includes toml++): wording helpers for problem
// messages — suggestions for typos, lists, and how values are shown.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include "loyalty/Types.h"

namespace config {

// "\"text\"", shortened with "..." past 40 characters.
std::string quoted(std::string_view s);
// The candidate closest to `word` (typo distance, case and '-'/'_'
// insensitive, or one a prefix of the other of at least 3 letters), if any
// is close enough.
std::optional<std::string> closestName(std::string_view word, const std::vector<std::string>& candidates);
// "; did you mean 'x'?" or "" — for appending to a message.
std::string didYouMean(std::string_view word, const std::vector<std::string>& candidates);
// "a, b and c"
std::string joinNames(const std::vector<std::string>& names, std::string_view lastSeparator = " and ");
// What a node is, with its value when short: "a string (\"500\")", "a table".
std::string describeNode(const toml::node& node);
// "5000.00" for 500000 with 2 decimals.
std::string formatMoney(loyalty::Money minor, int decimals);
// "2026-01-31"
std::string formatDate(const loyalty::Date& date);

}  // namespace config
