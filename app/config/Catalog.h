#pragma once
// The strings people read, per language. Every text on screen comes from a
// catalogue file (assets/i18n/<language>.toml) looked up by key; placeholders
// are written {name} and filled by format().

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "config/ConfigError.h"
#include "loyalty/Expected.h"

namespace config {

class Catalog {
public:
    // Loads <directory>/<language>.toml. Keys are dotted ("attract.title");
    // every value must be a string.
    static loyalty::Expected<Catalog, ConfigError> loadFile(const std::string& path, std::string language);
    // <directory>/<language>.toml for each language, in order; the error
    // names the language and what is wrong ("language 'es': ..."), or that
    // no language was named.
    static loyalty::Expected<std::vector<Catalog>, std::string> loadLanguages(const std::string& directory,
                                                                              const std::vector<std::string>& languages);
    static loyalty::Expected<Catalog, ConfigError> loadString(std::string_view text, std::string sourceName,
                                                              std::string language);

    const std::string& language() const { return language_; }
    // The text for key; a missing key returns the key itself in brackets so a
    // gap shows on screen and in tests instead of an empty line.
    std::string text(std::string_view key) const;
    bool has(std::string_view key) const;
    std::vector<std::string> keys() const;

    // text(key) with each {name} replaced by its value.
    std::string format(std::string_view key,
                       const std::vector<std::pair<std::string, std::string>>& values) const;

private:
    std::string language_;
    std::map<std::string, std::string, std::less<>> texts_;
};

}  // namespace config
