#pragma once
// Internal to drivers/net (includes <curl/curl.h>): one libcurl easy handle
// in a multi handle of its own, reused for every exchange so that the
// connection to head office stays open between requests. The multi handle
// lets another thread wake a transfer at once (curl_multi_wakeup): perform()
// checks the cancel flag every time curl_multi_poll returns, so a
// cancellation never waits for data, a timeout or a progress tick.
// Owned by one thread; only wakeup() may be called from another.

#include <curl/curl.h>

#include <array>
#include <atomic>
#include <cstddef>
#include <string>

#include "net/HttpError.h"
#include "net/HttpHeaders.h"

namespace net {

struct CurlTransfer {
    CURLcode code = CURLE_OK;
    long status = 0;
    HttpHeaders headers;  // of the last response block (a 100 Continue is dropped)
    std::string body;
    bool tooLarge = false;
    bool cancelled = false;
    long connectsMade = 0;
    std::string errorText;  // libcurl's error buffer or its text for the code; may name hosts, never headers
};

class CurlSession {
public:
    CurlSession();
    ~CurlSession();
    CurlSession(const CurlSession&) = delete;
    CurlSession& operator=(const CurlSession&) = delete;

    bool valid() const { return multi_ != nullptr && easy_ != nullptr; }

    // Forgets the previous exchange's options (curl_easy_reset keeps the open
    // connection and TLS session), installs the body, header and progress
    // callbacks, and returns the handle for the caller's options.
    CURL* prepare(std::size_t maxBody, const std::atomic<bool>& cancel);
    // Runs the prepared exchange to its end, its failure or cancellation.
    CurlTransfer perform();
    // Any thread: makes a perform() in progress look at its cancel flag now.
    void wakeup();

    static HttpErrorKind errorKind(CURLcode code);

private:
    static std::size_t onBody(char* data, std::size_t size, std::size_t count, void* self);
    static std::size_t onHeader(char* data, std::size_t size, std::size_t count, void* self);
    static int onProgress(void* self, curl_off_t, curl_off_t, curl_off_t, curl_off_t);

    CURLM* multi_ = nullptr;
    CURL* easy_ = nullptr;
    CurlTransfer transfer_;
    std::size_t maxBody_ = 0;
    const std::atomic<bool>* cancel_ = nullptr;
    std::array<char, CURL_ERROR_SIZE> errorBuffer_{};
};

}  // namespace net
