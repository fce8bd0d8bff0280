#pragma once
// Internal to kiosk_config (includes toml++): collects the problems found
// while validating one file and picks the one to report.

#include <string>
#include <vector>

#include <toml++/toml.h>

#include "config/ConfigError.h"

namespace config {

// Which problem to report when there are several: a misspelt key often
// explains a "missing" one, and an undefined tier id a broken reference, so
// kinds are ranked in this order, and within a kind the problem nearest the
// top of the file wins.
enum class ProblemKind { UnknownKey, Value, Missing, Reference };

class ConfigProblems {
public:
    explicit ConfigProblems(std::string file) : file_(std::move(file)) {}

    // Records a problem at the start of `where` (1:1 when the region is unknown).
    void add(const toml::source_region& where, std::string message, ProblemKind kind = ProblemKind::Value);

    bool any() const { return !problems_.empty(); }
    std::size_t count() const { return problems_.size(); }
    // The problem to report (see ProblemKind; the first recorded among equals).
    // Only valid when any().
    const ConfigError& earliest() const;
    const std::string& file() const { return file_; }

private:
    std::string file_;
    struct Entry {
        ProblemKind kind;
        ConfigError error;
    };
    std::vector<Entry> problems_;
};

}  // namespace config
