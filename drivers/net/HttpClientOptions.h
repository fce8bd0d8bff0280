#pragma once
// How an HttpClient reaches head office. See docs/net.md.

#include <chrono>
#include <cstddef>
#include <string>

namespace net {

struct HttpClientOptions {
    // "https://headoffice.example:8443" (a path prefix is allowed). Plain
    // http:// only to a loopback host unless allowPlainHttp.
    std::string baseUrl;
    // Sent as "Authorization: Bearer <token>"; never logged, redacted from
    // every error message. Empty: no Authorization field.
    std::string bearerToken;
    // PEM file of the certificates to trust instead of the system's store.
    // Verification of the peer and its host name is always on.
    std::string caFile;
    bool allowPlainHttp = false;

    // Request bodies over this many bytes go out with Content-Encoding: gzip.
    std::size_t gzipRequestsOver = 8 * 1024;
    // ... and over this many, at zlib's fastest level (Gzip::kFastLevel).
    std::size_t gzipFastOver = 64 * 1024;
    // An answer (after decoding) larger than this aborts the exchange: TooLarge.
    std::size_t maxResponseBytes = 16 * 1024 * 1024;
    // Below this many bytes per second for lowSpeedTime the exchange is cut
    // (Timeout): a server that drips its answer cannot hold the sync thread.
    long lowSpeedBytesPerSecond = 64;
    std::chrono::seconds lowSpeedTime{10};

    std::string userAgent = "loyalty-kiosk";
};

}  // namespace net
