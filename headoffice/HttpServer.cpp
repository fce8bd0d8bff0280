#include "headoffice/HttpServer.h"

#include <httplib.h>

#include <chrono>
#include <cstdio>
#include <iostream>

#include "headoffice/Gzip.h"

namespace headoffice {

namespace {

// Not "application/json" exactly: with that type httplib compresses every
// answer on its own (even tiny ones, and with brotli first). We compress
// answers over 8 KiB ourselves, with gzip, as the protocol says.
constexpr const char* kJson = "application/json; charset=utf-8";

// What the request log needs from the handler, kept per server thread.
struct RequestLog {
    std::chrono::steady_clock::time_point start;
    std::string kioskId;
    std::string note;
};
thread_local RequestLog tRequest;

std::string errorBody(const std::string& code, const std::string& message) {
    return SyncApi::error(400, code, message).body;
}

void send(const httplib::Request& req, httplib::Response& res, const ApiResponse& api) {
    res.status = api.status;
    if (api.retryAfterSeconds > 0) {
        res.set_header("Retry-After", std::to_string(api.retryAfterSeconds));
    }
    tRequest.kioskId = api.kioskId;
    tRequest.note = api.note;
    if (api.body.size() > Gzip::kAnswerThreshold && Gzip::accepted(req.get_header_value("Accept-Encoding"))) {
        auto compressed = Gzip::compress(api.body);
        if (compressed) {
            res.set_header("Content-Encoding", "gzip");
            res.set_header("Vary", "Accept-Encoding");
            res.set_content(std::move(*compressed), kJson);
            return;
        }
    }
    res.set_content(api.body, kJson);
}

// A log line's path: /v1/cards/{token} without the token, at most 80
// characters, control characters (a decoded %0A) shown as '?' so a request
// cannot forge log lines.
std::string loggedPath(const std::string& path) {
    if (path.rfind("/v1/cards/", 0) == 0) {
        return "/v1/cards/...";
    }
    std::string shown = path.size() > 80 ? path.substr(0, 80) + "..." : path;
    for (char& c : shown) {
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
            c = '?';
        }
    }
    return shown;
}

}  // namespace

struct HttpServer::Impl {
    Store& store;
    ServerOptions options;
    SyncApi api;
    httplib::Server server;
    bool bound = false;

    Impl(Store& s, ServerOptions o, SyncApi::Clock clock)
        : store(s), options(std::move(o)), api(s, std::move(clock)) {}

    // The request, with its body read through httplib (which undoes gzip),
    // at most maxBodyBytes once decoded; otherwise the 400/413 answer.
    loyalty::Expected<ApiRequest, ApiResponse> request(const httplib::Request& req, const httplib::Response& res,
                                                       const httplib::ContentReader* reader) {
        ApiRequest out;
        out.authorization = req.get_header_value("Authorization");
        for (const auto& [name, value] : req.params) {
            out.query.emplace(name, value);
        }
        if (req.matches.size() > 1) {
            out.pathToken = req.matches[1];
        }
        if (reader == nullptr) {
            return out;
        }
        const std::string encoding = req.get_header_value("Content-Encoding");
        if (!encoding.empty() && encoding != "gzip" && encoding != "identity") {
            return loyalty::unexpected(SyncApi::error(
                400, "bad_request", "Content-Encoding \"" + encoding.substr(0, 20) + "\" is not supported; send gzip "
                                                                                     "or an uncompressed body"));
        }
        bool tooLarge = false;
        const bool read = (*reader)([&](const char* data, std::size_t size) {
            if (out.body.size() + size > options.maxBodyBytes) {
                tooLarge = true;
                return false;
            }
            out.body.append(data, size);
            return true;
        });
        if (tooLarge || res.status == 413) {  // 413: httplib refused a Content-Length over the limit
            return loyalty::unexpected(SyncApi::error(413, "too_large", "the request body is over " +
                                                                            std::to_string(options.maxBodyBytes) +
                                                                            " bytes once decoded"));
        }
        if (!read) {
            return loyalty::unexpected(SyncApi::error(400, "bad_request", "the request body could not be read "
                                                                          "(cut short, or not valid gzip)"));
        }
        return out;
    }

    template <class Endpoint>
    void handle(const httplib::Request& req, httplib::Response& res, const httplib::ContentReader* reader,
                Endpoint endpoint) {
        auto parsed = request(req, res, reader);
        if (!parsed) {
            res.set_header("Connection", "close");  // the rest of the body was not read
            send(req, res, parsed.error());
            return;
        }
        send(req, res, (api.*endpoint)(*parsed));
    }

    void routes() {
        server.Post("/v1/events", [this](const httplib::Request& req, httplib::Response& res,
                                         const httplib::ContentReader& reader) {
            handle(req, res, &reader, &SyncApi::postEvents);
        });
        server.Post("/v1/heartbeat", [this](const httplib::Request& req, httplib::Response& res,
                                            const httplib::ContentReader& reader) {
            handle(req, res, &reader, &SyncApi::postHeartbeat);
        });
        server.Get("/v1/changes", [this](const httplib::Request& req, httplib::Response& res) {
            handle(req, res, nullptr, &SyncApi::getChanges);
        });
        server.Get(R"(/v1/cards/([^/]+))", [this](const httplib::Request& req, httplib::Response& res) {
            handle(req, res, nullptr, &SyncApi::getCard);
        });
        server.set_pre_routing_handler([](const httplib::Request&, httplib::Response&) {
            tRequest = RequestLog{std::chrono::steady_clock::now(), {}, {}};
            return httplib::Server::HandlerResponse::Unhandled;
        });
        // What httplib answers itself (no route, body over the limit, bad
        // request line) gets a JSON error body too.
        server.set_error_handler(httplib::Server::HandlerWithResponse([](const httplib::Request& req,
                                                                         httplib::Response& res) {
            if (!res.body.empty()) {
                return httplib::Server::HandlerResponse::Unhandled;
            }
            std::string body;
            if (res.status == 404 || res.status == 405) {
                body = errorBody("not_found", "no such endpoint: " + req.method + " " + loggedPath(req.path) +
                                                  " (see docs/sync-protocol.md)");
            } else if (res.status == 413) {
                body = errorBody("too_large", "the request body is too large");
            } else if (res.status >= 500) {
                body = errorBody("internal", "head office failed to answer");
            } else {
                body = errorBody("bad_request", "the request could not be read");
            }
            res.set_content(body, kJson);
            return httplib::Server::HandlerResponse::Handled;
        }));
        server.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
            res.status = 500;
            res.set_content(errorBody("internal", "head office failed to answer"), kJson);
            tRequest.note = "internal: exception in a handler";
        });
        server.set_logger([this](const httplib::Request& req, const httplib::Response& res) {
            if (!options.log) {
                return;
            }
            const auto elapsed = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() -
                                                                           tRequest.start);
            char ms[32];
            std::snprintf(ms, sizeof ms, "%.1f ms", elapsed.count());
            std::string line = req.method + " " + loggedPath(req.path) + " " + std::to_string(res.status) + " " +
                               (tRequest.kioskId.empty() ? "-" : tRequest.kioskId) + " " + ms;
            if (!tRequest.note.empty()) {
                line += " " + tRequest.note;
            }
            options.log(line);
        });
    }
};

HttpServer::HttpServer(Store& store, ServerOptions options, SyncApi::Clock clock)
    : impl_(std::make_unique<Impl>(store, std::move(options), std::move(clock))) {
    const std::size_t threads = impl_->options.threads == 0 ? 1 : impl_->options.threads;
    impl_->server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    // Without TCP_NODELAY, Nagle's algorithm and delayed ACKs add 40 ms to an
    // answer written in two parts (headers, body).
    impl_->server.set_tcp_nodelay(true);
    // httplib gives each connection a pool thread for as long as it is kept
    // alive. Every kiosk keeps its connection open between requests, so a
    // long idle wait would let the first `threads` kiosks starve the rest
    // (with 30 s, the ninth of 50 kiosks uploading at once waited 30 s per
    // request). A connection idle for 2 s is closed; a kiosk reconnects at
    // its next request, and one kiosk's long upload gives its thread up
    // after 100 requests.
    impl_->server.set_keep_alive_max_count(100);
    impl_->server.set_keep_alive_timeout(2);
    impl_->server.set_read_timeout(30, 0);
    impl_->server.set_write_timeout(30, 0);
    impl_->server.set_payload_max_length(impl_->options.maxBodyBytes);
    // httplib's default also sets SO_REUSEPORT, which lets a second server
    // bind the same port and silently take half the requests. Only
    // SO_REUSEADDR (restart while old connections linger in TIME_WAIT).
    impl_->server.set_socket_options([](socket_t sock) {
        int yes = 1;
        setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, reinterpret_cast<const void*>(&yes), sizeof yes);
    });
    impl_->routes();
}

HttpServer::~HttpServer() { stop(); }

Result<int> HttpServer::bind() {
    const auto& listen = impl_->options.listen;
    int port = listen.port;
    if (port == 0) {
        port = impl_->server.bind_to_any_port(listen.host);
        if (port < 0) {
            return failure(ErrorCode::Unavailable, "cannot listen on " + listen.host + " (any port)");
        }
    } else if (!impl_->server.bind_to_port(listen.host, port)) {
        return failure(ErrorCode::Unavailable, "cannot listen on " + listen.text() +
                                                   " (address in use, or not an address of this machine?)");
    }
    impl_->bound = true;
    return port;
}

bool HttpServer::run() { return impl_->bound && impl_->server.listen_after_bind(); }

bool HttpServer::running() const { return impl_->server.is_running(); }

void HttpServer::stop() {
    if (impl_->server.is_running()) {
        impl_->server.stop();
    }
}

}  // namespace headoffice
