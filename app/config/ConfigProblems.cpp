#include "config/ConfigProblems.h"

#include <algorithm>
#include <cassert>
#include <limits>
#include <tuple>

namespace config {

namespace {

int toInt(toml::source_index index) {
    constexpr auto kMax = static_cast<toml::source_index>(std::numeric_limits<int>::max());
    return static_cast<int>(std::min(index, kMax));
}

}  // namespace

void ConfigProblems::add(const toml::source_region& where, std::string message, ProblemKind kind) {
    const bool known = where.begin.line > 0;
    const int line = known ? toInt(where.begin.line) : 1;
    const int column = known ? std::max(1, toInt(where.begin.column)) : 1;
    problems_.push_back(Entry{kind, ConfigError{file_, line, column, std::move(message)}});
}

const ConfigError& ConfigProblems::earliest() const {
    assert(any());
    auto before = [](const Entry& a, const Entry& b) {
        return std::tuple(a.kind, a.error.line, a.error.column) < std::tuple(b.kind, b.error.line, b.error.column);
    };
    // min_element returns the first of equal elements: ties go to the earlier record.
    return std::min_element(problems_.begin(), problems_.end(), before)->error;
}

}  // namespace config
