#pragma once
// A problem found in a configuration file: where it is and what is wrong.
// Shared by every loader in app/config (the programme, later the kiosk's own
// settings).

#include <string>

namespace config {

struct ConfigError {
    std::string file;     // the path or source name the caller gave
    int line = 0;         // 1-based; 0 when the problem has no position (missing file)
    int column = 0;       // 1-based; 0 when the problem has no position
    std::string message;  // "tiers[1].threshold: must be greater than tiers[0] (500)"

    // "program.toml:12:3: tiers[1].threshold: must be greater than tiers[0] (500)",
    // or "program.toml: cannot open: No such file or directory" without a position.
    std::string describe() const;
};

}  // namespace config
