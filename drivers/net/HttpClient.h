#pragma once
// HTTP(S) to head office over libcurl (design brief §3, docs/net.md).
//
// One client keeps one connection alive between requests and belongs to
// one thread (the sync thread): send() is called from that thread only.
// cancel() may be called from any thread: it makes a send() in progress
// return Cancelled at once (the transfer is abandoned, its connection
// closed), and every later send() too, until resetCancel(). Shutdown never
// waits for a slow server.
//
// Every answer that arrives complete is a value, whatever its status; an
// exchange that brings no complete answer is an HttpError. Certificate and
// host-name verification are always on; the bearer token goes out only in
// the Authorization field and is redacted from every error message.

#include <atomic>
#include <memory>
#include <optional>
#include <string>

#include "loyalty/Expected.h"
#include "net/BaseUrl.h"
#include "net/HttpClientOptions.h"
#include "net/HttpError.h"
#include "net/HttpRequest.h"
#include "net/HttpResponse.h"

namespace net {

class CurlSession;

using HttpResult = loyalty::Expected<HttpResponse, HttpError>;

class HttpClient {
public:
    explicit HttpClient(HttpClientOptions options);
    ~HttpClient();
    HttpClient(const HttpClient&) = delete;
    HttpClient& operator=(const HttpClient&) = delete;

    // What is wrong with the options (base URL, libcurl start-up), if
    // anything; send() then fails with this error every time.
    const std::optional<HttpError>& configurationError() const { return configurationError_; }

    HttpResult send(const HttpRequest& request);

    // Any thread.
    void cancel();
    bool cancelled() const { return cancelled_.load(); }
    // The owning thread: lets send() work again after cancel().
    void resetCancel() { cancelled_.store(false); }

    // TCP connections opened so far (1 while the kept-alive one lasts).
    long connectionsOpened() const { return connectionsOpened_; }

private:
    std::optional<HttpError> checkRequest(const HttpRequest& request) const;
    HttpError errorFrom(HttpErrorKind kind, const std::string& text, int curlCode) const;

    HttpClientOptions options_;
    std::optional<BaseUrl> base_;
    std::optional<HttpError> configurationError_;
    std::unique_ptr<CurlSession> session_;
    std::atomic<bool> cancelled_{false};
    long connectionsOpened_ = 0;
};

}  // namespace net
