#pragma once
// The sync protocol over HTTP (cpp-httplib): routes, bearer tokens, gzip
// both ways, size limits, JSON error bodies for everything httplib answers
// itself (404, 413, ...), and one log line per request on stderr that never
// holds a token, a card token or a body.

#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include "headoffice/HeadOfficeError.h"
#include "headoffice/ListenAddress.h"
#include "headoffice/SyncApi.h"

namespace headoffice {

struct ServerOptions {
    ListenAddress listen{"127.0.0.1", 8480};
    std::size_t maxBodyBytes = 16 * 1024 * 1024;  // a request body, after gzip is undone
    std::size_t threads = 16;
    // Where request log lines go (headoffice serve: stderr); empty: no log.
    std::function<void(const std::string&)> log;
};

class HttpServer {
public:
    HttpServer(Store& store, ServerOptions options, SyncApi::Clock clock);
    ~HttpServer();
    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;

    // Binds the listening socket; the port (the chosen one when asked for 0).
    Result<int> bind();
    // Serves until stop(); call after bind(). False when the loop failed.
    bool run();
    // run() is serving (tests wait for this before stopping it).
    bool running() const;
    // From any thread: stop accepting, finish, make run() return.
    void stop();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace headoffice
