#include "headoffice/Gzip.h"

#include <zlib.h>

#include <cctype>

namespace headoffice {

namespace {

constexpr int kGzipWindow = 15 + 16;  // 32 KiB window, gzip header and trailer
constexpr std::size_t kChunk = 64 * 1024;

std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
        text.remove_prefix(1);
    }
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) {
        text.remove_suffix(1);
    }
    return text;
}

}  // namespace

std::optional<std::string> Gzip::compress(std::string_view data) {
    z_stream stream{};
    if (deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, kGzipWindow, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
        return std::nullopt;
    }
    std::string out;
    out.resize(deflateBound(&stream, static_cast<uLong>(data.size())));
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    stream.avail_in = static_cast<uInt>(data.size());
    stream.next_out = reinterpret_cast<Bytef*>(out.data());
    stream.avail_out = static_cast<uInt>(out.size());
    const int rc = deflate(&stream, Z_FINISH);
    const auto written = stream.total_out;
    deflateEnd(&stream);
    if (rc != Z_STREAM_END) {
        return std::nullopt;
    }
    out.resize(written);
    return out;
}

std::optional<std::string> Gzip::decompress(std::string_view data, std::size_t maxBytes) {
    z_stream stream{};
    if (inflateInit2(&stream, kGzipWindow) != Z_OK) {
        return std::nullopt;
    }
    std::string out;
    std::string chunk(kChunk, '\0');
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    stream.avail_in = static_cast<uInt>(data.size());
    int rc = Z_OK;
    while (rc != Z_STREAM_END) {
        stream.next_out = reinterpret_cast<Bytef*>(chunk.data());
        stream.avail_out = static_cast<uInt>(chunk.size());
        rc = inflate(&stream, Z_NO_FLUSH);
        if (rc != Z_OK && rc != Z_STREAM_END) {
            inflateEnd(&stream);
            return std::nullopt;
        }
        out.append(chunk.data(), chunk.size() - stream.avail_out);
        if (out.size() > maxBytes || (rc == Z_OK && stream.avail_in == 0 && stream.avail_out != 0)) {
            inflateEnd(&stream);
            return std::nullopt;  // too large, or truncated input
        }
    }
    inflateEnd(&stream);
    return out;
}

bool Gzip::accepted(std::string_view acceptEncoding) {
    const std::string header = lower(acceptEncoding);
    std::string_view rest = header;
    while (!rest.empty()) {
        const auto comma = rest.find(',');
        std::string_view entry = trim(rest.substr(0, comma));
        rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
        const auto semicolon = entry.find(';');
        const std::string_view coding = trim(entry.substr(0, semicolon));
        if (coding != "gzip" && coding != "x-gzip" && coding != "*") {
            continue;
        }
        if (semicolon == std::string_view::npos) {
            return true;
        }
        std::string_view params = trim(entry.substr(semicolon + 1));
        if (params.rfind("q=", 0) == 0) {
            params.remove_prefix(2);
            // q=0, q=0.0, q=0.000 refuse; anything else accepts.
            if (params.find_first_not_of("0.") == std::string_view::npos) {
                continue;
            }
        }
        return true;
    }
    return false;
}

}  // namespace headoffice
