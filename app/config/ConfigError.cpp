#include "config/ConfigError.h"

namespace config {

std::string ConfigError::describe() const {
    std::string out = file;
    if (line > 0) {
        out += ':' + std::to_string(line);
        if (column > 0) {
            out += ':' + std::to_string(column);
        }
    }
    out += ": ";
    out += message;
    return out;
}

}  // namespace config
