#include "config/ProgramLoader.h"

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <exception>
#include <filesystem>
#include <memory>
#include <new>
#include <optional>

#include <toml++/toml.h>

#include "config/ConfigProblems.h"
#include "config/ProgramReader.h"

namespace config {

namespace {

using Result = loyalty::Expected<loyalty::Program, ConfigError>;

Result failure(std::string file, int line, int column, std::string message) {
    return loyalty::unexpected(ConfigError{std::move(file), line, column, std::move(message)});
}

std::string_view lineOf(std::string_view text, std::size_t line) {
    std::size_t start = 0;
    for (std::size_t n = 1; n < line; ++n) {
        const std::size_t newline = text.find('\n', start);
        if (newline == std::string_view::npos) {
            return {};
        }
        start = newline + 1;
    }
    std::string_view rest = text.substr(start);
    rest = rest.substr(0, rest.find('\n'));
    if (!rest.empty() && rest.back() == '\r') {
        rest.remove_suffix(1);
    }
    return rest;
}

int toInt(toml::source_index index) {
    return index > 0x7FFFFFFFu ? 0x7FFFFFFF : static_cast<int>(index);
}

// toml++ reports "Error while parsing decimal integer: '99999999999999999999'
// is not representable in 64 bits" at the end of the literal; say it plainly
// and point at the literal's first character.
ConfigError integerOverflow(std::string file, std::string_view text, const toml::parse_error& error) {
    const std::string_view description = error.description();
    const int line = toInt(error.source().begin.line);
    int column = toInt(error.source().begin.column);
    std::string literal;
    const std::size_t open = description.find('\'');
    const std::size_t close = open == std::string_view::npos ? open : description.find('\'', open + 1);
    if (close != std::string_view::npos) {
        literal = std::string(description.substr(open + 1, close - open - 1));
    }
    const std::string_view source = lineOf(text, static_cast<std::size_t>(line));
    std::string key;
    if (const std::size_t at = literal.empty() ? std::string_view::npos : source.rfind(literal);
        at != std::string_view::npos) {
        std::size_t start = at;
        if (start > 0 && (source[start - 1] == '-' || source[start - 1] == '+')) {
            --start;
        }
        literal = std::string(source.substr(start, at + literal.size() - start));
        column = static_cast<int>(start) + 1;
        if (const std::size_t equals = source.rfind('=', start); equals != std::string_view::npos) {
            std::string_view name = source.substr(0, equals);
            const std::size_t first = name.find_first_not_of(" \t");
            const std::size_t last = name.find_last_not_of(" \t");
            if (first != std::string_view::npos) {
                key = std::string(name.substr(first, last - first + 1));
            }
        }
    }
    std::string message = key.empty() ? std::string() : key + ": ";
    message += "the number " + literal + " is too " + (literal.starts_with('-') ? "small" : "large") +
               ": TOML integers must lie between -9223372036854775808 and 9223372036854775807";
    return ConfigError{std::move(file), line, column, std::move(message)};
}

ConfigError fromParseError(std::string file, std::string_view text, const toml::parse_error& error) {
    const std::string_view description = error.description();
    if (description.find("not representable in 64 bits") != std::string_view::npos) {
        return integerOverflow(std::move(file), text, error);
    }
    std::string message;
    if (description.find("invalid utf-8") != std::string_view::npos) {
        message = "the file is not UTF-8 text (is it a binary file, or saved in another encoding?)";
    } else {
        constexpr std::string_view kPrefix = "Error while parsing ";
        if (description.starts_with(kPrefix)) {
            message = "syntax error while parsing " + std::string(description.substr(kPrefix.size()));
        } else {
            message = "syntax error: " + std::string(description);
            if (message.size() > 14 && message[14] >= 'A' && message[14] <= 'Z') {
                message[14] = static_cast<char>(message[14] - 'A' + 'a');
            }
        }
    }
    const int line = std::max(1, toInt(error.source().begin.line));
    const int column = std::max(1, toInt(error.source().begin.column));
    return ConfigError{std::move(file), line, column, std::move(message)};
}

// Where the first byte that is not part of valid UTF-8 stands, as toml++
// counts positions (lines from 1, columns in characters from 1).
struct Utf8Problem {
    int line;
    int column;
    unsigned char byte;
};

std::optional<Utf8Problem> findInvalidUtf8(std::string_view text) {
    int line = 1;
    int column = 1;
    std::size_t i = 0;
    while (i < text.size()) {
        const auto lead = static_cast<unsigned char>(text[i]);
        std::size_t length = 0;
        std::uint32_t minimum = 0;
        if (lead < 0x80) {
            length = 1;
        } else if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
            minimum = 0x80;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            minimum = 0x800;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            minimum = 0x10000;
        } else {
            return Utf8Problem{line, column, lead};
        }
        std::uint32_t code = length == 1 ? lead : lead & (0x7Fu >> length);
        for (std::size_t k = 1; k < length; ++k) {
            if (i + k >= text.size() || (static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) {
                return Utf8Problem{line, column, lead};
            }
            code = (code << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3Fu);
        }
        if (code < minimum || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
            return Utf8Problem{line, column, lead};
        }
        if (lead == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
        i += length;
    }
    return std::nullopt;
}

struct FileCloser {
    void operator()(std::FILE* file) const { std::fclose(file); }
};

}  // namespace

Result ProgramLoader::loadFile(const std::string& path) {
    try {
        return readAndLoad(path);
    } catch (const std::bad_alloc&) {
        return failure(path, 0, 0, "out of memory while reading the programme file");
    } catch (const std::exception& error) {
        return failure(path, 0, 0, std::string("cannot read the programme file: ") + error.what());
    }
}

Result ProgramLoader::readAndLoad(const std::string& path) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
        return failure(path, 0, 0, "cannot read the programme file: it is a directory");
    }
    errno = 0;
    std::unique_ptr<std::FILE, FileCloser> file(std::fopen(path.c_str(), "rb"));
    if (!file) {
        const int reason = errno;
        return failure(
            path, 0, 0,
            "cannot open the programme file: " + std::string(reason != 0 ? std::strerror(reason) : "unknown error"));
    }
    std::string text;
    char buffer[16 * 1024];
    std::size_t got = 0;
    while ((got = std::fread(buffer, 1, sizeof buffer, file.get())) > 0) {
        text.append(buffer, got);
        if (text.size() > kMaxFileBytes) {
            return failure(path, 0, 0,
                           "the programme file is larger than " + std::to_string(kMaxFileBytes / 1024) +
                               " KiB; is this the right file?");
        }
    }
    if (std::ferror(file.get()) != 0) {
        return failure(path, 0, 0, "cannot read the programme file: " + std::string(std::strerror(errno)));
    }
    return loadString(text, path);
}

Result ProgramLoader::loadString(std::string_view text, std::string sourceName) {
    try {
        return check(text, sourceName);
    } catch (const std::bad_alloc&) {
        return failure(std::move(sourceName), 0, 0, "out of memory while reading the programme");
    } catch (const std::exception& error) {
        return failure(std::move(sourceName), 0, 0, std::string("cannot read the programme: ") + error.what());
    }
}

Result ProgramLoader::check(std::string_view text, const std::string& sourceName) {
    if (const std::size_t nul = text.find('\0'); nul != std::string_view::npos) {
        const std::string_view before = text.substr(0, nul);
        const auto line = static_cast<int>(std::count(before.begin(), before.end(), '\n')) + 1;
        const std::size_t lineStart = before.rfind('\n');
        const auto column = static_cast<int>(lineStart == std::string_view::npos ? nul + 1 : nul - lineStart);
        return failure(sourceName, line, column, "the file contains a NUL byte: it is a binary file, not TOML text");
    }
    if (const auto bad = findInvalidUtf8(text)) {
        char byte[8];
        std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned>(bad->byte));
        return failure(sourceName, bad->line, bad->column,
                       std::string("the file is not UTF-8 text: invalid byte ") + byte +
                           " (is it a binary file, or saved in another encoding such as Latin-1?)");
    }
    // Debian's toml++ is built with exceptions: a syntax error arrives as
    // toml::parse_error and becomes a value here.
    toml::table root;
    try {
        root = toml::parse(text, std::string(sourceName));
    } catch (const toml::parse_error& error) {
        return loyalty::unexpected(fromParseError(sourceName, text, error));
    }
    ConfigProblems problems(sourceName);
    ProgramReader reader(problems);
    loyalty::Program program = reader.read(root);
    if (problems.any()) {
        return loyalty::unexpected(problems.earliest());
    }
    return program;
}

}  // namespace config
