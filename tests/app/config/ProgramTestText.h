#pragma once
// Shared by the ProgramLoader test files: a minimal valid programme to build
// broken ones from, and a helper that returns the error of a load.
//
// kMinimal has exactly 15 lines, so text appended to it starts at line 16:
//   1-3 [program], 4-6 [earn], 7-11 [offline], 12-15 the bronze tier.
// Tests that replace the tiers use kHeader (11 lines) and start at line 12.

#include <string>
#include <string_view>

#include "config/ProgramLoader.h"

namespace programtest {

inline const std::string kHeader =
    "[program]\n"
    "name = \"Test\"\n"
    "currency = \"EUR\"\n"
    "[earn]\n"
    "amount_per_step = \"1.00\"\n"
    "points_per_step = 1\n"
    "[offline]\n"
    "max_redeem_per_transaction = 600\n"
    "max_consecutive_redemptions_per_card = 2\n"
    "max_unsynced_redeemed_points = 3000\n"
    "max_offline_hours = 24\n";

inline const std::string kBronze =
    "[[tiers]]\n"
    "id = \"bronze\"\n"
    "name = \"Bronze\"\n"
    "threshold = 0\n";

inline const std::string kMinimal = kHeader + kBronze;

constexpr int kHeaderLines = 11;
constexpr int kMinimalLines = 15;

// `text` with `lines` inserted after line `after` (so they start at line
// after + 1), e.g. to add a key to [earn] (lines 4-6) of kMinimal.
inline std::string insertAfterLine(const std::string& text, int after, const std::string& lines) {
    std::size_t at = 0;
    for (int line = 0; line < after; ++line) {
        at = text.find('\n', at) + 1;
    }
    return text.substr(0, at) + lines + text.substr(at);
}

// `text` with its line `line` (1-based) replaced by `replacement` (which
// ends with a newline, or is empty to delete the line).
inline std::string replaceLine(const std::string& text, int line, const std::string& replacement) {
    std::size_t begin = 0;
    for (int n = 1; n < line; ++n) {
        begin = text.find('\n', begin) + 1;
    }
    const std::size_t end = text.find('\n', begin) + 1;
    return text.substr(0, begin) + replacement + text.substr(end);
}

// The error of loading `text` as "program.toml"; a loud placeholder (line -1)
// when it unexpectedly loads, so the line/message checks fail visibly.
inline config::ConfigError loadError(std::string_view text) {
    auto result = config::ProgramLoader::loadString(text, "program.toml");
    if (result) {
        return config::ConfigError{"program.toml", -1, -1, "<loaded without error>"};
    }
    return result.error();
}

}  // namespace programtest

// Message first: when a check fails, CppUTest shows the message we did get.
#define CHECK_LOAD_ERROR(text, expectedLine, expectedColumn, expectedMessage) \
    do {                                                                      \
        const config::ConfigError error_ = programtest::loadError(text);      \
        STRCMP_EQUAL(expectedMessage, error_.message.c_str());                \
        LONGS_EQUAL(expectedLine, error_.line);                               \
        LONGS_EQUAL(expectedColumn, error_.column);                           \
        STRCMP_EQUAL("program.toml", error_.file.c_str());                    \
    } while (false)
