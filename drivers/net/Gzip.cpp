#include "net/Gzip.h"

#include <zlib.h>

#include <array>

namespace net {

namespace {

constexpr int gzipWindowBits = 15 + 16;  // 32 KiB window, gzip wrapper

Bytef* bytes(std::string_view data) { return reinterpret_cast<Bytef*>(const_cast<char*>(data.data())); }

}  // namespace

loyalty::Expected<std::string, std::string> Gzip::compress(std::string_view data, int level) {
    if (data.size() > 0xffffffffU) return loyalty::unexpected(std::string("gzip: input over 4 GiB"));
    z_stream stream{};
    if (deflateInit2(&stream, level, Z_DEFLATED, gzipWindowBits, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
        return loyalty::unexpected(std::string("gzip: deflateInit2 failed"));
    }
    std::string out(deflateBound(&stream, static_cast<uLong>(data.size())), '\0');
    stream.next_in = bytes(data);
    stream.avail_in = static_cast<uInt>(data.size());
    stream.next_out = reinterpret_cast<Bytef*>(out.data());
    stream.avail_out = static_cast<uInt>(out.size());
    const int status = deflate(&stream, Z_FINISH);
    const auto written = stream.total_out;
    deflateEnd(&stream);
    if (status != Z_STREAM_END) return loyalty::unexpected(std::string("gzip: deflate failed"));
    out.resize(written);
    return out;
}

loyalty::Expected<std::string, std::string> Gzip::decompress(std::string_view data, std::size_t maxSize) {
    if (data.size() > 0xffffffffU) return loyalty::unexpected(std::string("gunzip: input over 4 GiB"));
    z_stream stream{};
    if (inflateInit2(&stream, gzipWindowBits) != Z_OK) {
        return loyalty::unexpected(std::string("gunzip: inflateInit2 failed"));
    }
    stream.next_in = bytes(data);
    stream.avail_in = static_cast<uInt>(data.size());
    std::string out;
    std::array<char, 16384> chunk{};
    int status = Z_OK;
    while (status == Z_OK) {
        stream.next_out = reinterpret_cast<Bytef*>(chunk.data());
        stream.avail_out = static_cast<uInt>(chunk.size());
        status = inflate(&stream, Z_NO_FLUSH);
        if (status != Z_OK && status != Z_STREAM_END) break;
        const std::size_t produced = chunk.size() - stream.avail_out;
        if (out.size() + produced > maxSize) {
            inflateEnd(&stream);
            return loyalty::unexpected(std::string("gunzip: output over ") + std::to_string(maxSize) + " bytes");
        }
        out.append(chunk.data(), produced);
        if (status == Z_OK && produced == 0 && stream.avail_in == 0) status = Z_BUF_ERROR;  // truncated input
    }
    inflateEnd(&stream);
    if (status != Z_STREAM_END) return loyalty::unexpected(std::string("gunzip: not a complete gzip stream"));
    return out;
}

}  // namespace net
