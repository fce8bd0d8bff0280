#include "config/Catalog.h"

#include <fstream>
#include <sstream>

#include <toml++/toml.h>

namespace config {
namespace {

using CatalogResult = loyalty::Expected<Catalog, ConfigError>;

ConfigError errorAt(const std::string& file, const toml::source_region& where, std::string message) {
    return ConfigError{file, static_cast<int>(where.begin.line), static_cast<int>(where.begin.column),
                       std::move(message)};
}

// Flattens nested tables into dotted keys; every leaf must be a string.
std::optional<ConfigError> flatten(const toml::table& table, const std::string& prefix, const std::string& file,
                                   std::map<std::string, std::string, std::less<>>& out) {
    for (const auto& [key, node] : table) {
        const std::string name = prefix.empty() ? std::string(key.str()) : prefix + "." + std::string(key.str());
        if (const auto* sub = node.as_table()) {
            if (auto failure = flatten(*sub, name, file, out)) {
                return failure;
            }
        } else if (const auto* value = node.as_string()) {
            out.emplace(name, value->get());
        } else {
            return errorAt(file, node.source(), name + ": must be a text in quotes");
        }
    }
    return std::nullopt;
}

}  // namespace

CatalogResult Catalog::loadString(std::string_view text, std::string sourceName, std::string language) {
    // Debian's toml++ is built with exceptions: parse errors arrive as
    // toml::parse_error and are turned into a value here, at the boundary.
    toml::table parsed;
    try {
        parsed = toml::parse(text, std::string_view(sourceName));
    } catch (const toml::parse_error& failure) {
        return loyalty::unexpected(errorAt(sourceName, failure.source(), std::string(failure.description())));
    }
    Catalog catalog;
    catalog.language_ = std::move(language);
    if (auto failure = flatten(parsed, "", sourceName, catalog.texts_)) {
        return loyalty::unexpected(*failure);
    }
    if (catalog.texts_.empty()) {
        return loyalty::unexpected(ConfigError{sourceName, 1, 1, "the catalogue has no texts"});
    }
    return catalog;
}

CatalogResult Catalog::loadFile(const std::string& path, std::string language) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return loyalty::unexpected(ConfigError{path, 0, 0, "cannot open the file for reading"});
    }
    std::ostringstream content;
    content << in.rdbuf();
    return loadString(content.str(), path, std::move(language));
}

std::string Catalog::text(std::string_view key) const {
    if (auto it = texts_.find(key); it != texts_.end()) {
        return it->second;
    }
    return "[" + std::string(key) + "]";
}

bool Catalog::has(std::string_view key) const { return texts_.find(key) != texts_.end(); }

std::vector<std::string> Catalog::keys() const {
    std::vector<std::string> out;
    out.reserve(texts_.size());
    for (const auto& entry : texts_) {
        out.push_back(entry.first);
    }
    return out;
}

std::string Catalog::format(std::string_view key,
                            const std::vector<std::pair<std::string, std::string>>& values) const {
    std::string out = text(key);
    for (const auto& [name, value] : values) {
        const std::string placeholder = "{" + name + "}";
        for (auto at = out.find(placeholder); at != std::string::npos;
             at = out.find(placeholder, at + value.size())) {
            out.replace(at, placeholder.size(), value);
        }
    }
    return out;
}

loyalty::Expected<std::vector<Catalog>, std::string> Catalog::loadLanguages(const std::string& directory,
                                                                          const std::vector<std::string>& languages) {
    std::vector<Catalog> catalogues;
    for (const auto& language : languages) {
        auto catalogue = loadFile(directory + "/" + language + ".toml", language);
        if (!catalogue) {
            return loyalty::unexpected("language '" + language + "': " + catalogue.error().describe());
        }
        catalogues.push_back(std::move(catalogue.value()));
    }
    if (catalogues.empty()) {
        return loyalty::unexpected(std::string("no language named (--languages)"));
    }
    return catalogues;
}

}  // namespace config
