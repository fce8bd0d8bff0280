#pragma once
// Loads the loyalty programme (tiers, earn rules, promotions, rewards, offers,
// stamp cards, expiry, offline and velocity limits) from a TOML file and
// validates it completely. The file format is described in
// docs/configuration.md; assets/program.toml is the commented reference.
//
// Nothing here throws: syntax errors, unknown keys, wrong types, values out of
// range and broken references all come back as a ConfigError with the file,
// line and column of the offending key or value. When a file has several
// problems, the one nearest the top of the file is reported.

#include <cstddef>
#include <string>
#include <string_view>

#include "config/ConfigError.h"
#include "loyalty/Expected.h"
#include "loyalty/Program.h"

namespace config {

class ProgramLoader {
public:
    // Reads and validates the file at `path`. A missing, unreadable or
    // oversized file is a ConfigError naming the file (line 0).
    static loyalty::Expected<loyalty::Program, ConfigError> loadFile(const std::string& path);

    // Validates TOML text; `sourceName` is used as ConfigError::file.
    static loyalty::Expected<loyalty::Program, ConfigError> loadString(std::string_view text, std::string sourceName);

    // Files larger than this are refused before parsing (a programme is a few KiB).
    static constexpr std::size_t kMaxFileBytes = 1024 * 1024;

private:
    static loyalty::Expected<loyalty::Program, ConfigError> readAndLoad(const std::string& path);
    static loyalty::Expected<loyalty::Program, ConfigError> check(std::string_view text, const std::string& sourceName);
};

}  // namespace config
