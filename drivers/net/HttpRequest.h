#pragma once
// One HTTP request as HttpClient sends it: a method, a path relative to the
// client's base URL ("/v1/events?x=1"), extra header fields, a body and
// the request's own time limits.

#include <chrono>
#include <string>

#include "net/HttpHeaders.h"

namespace net {

struct HttpRequest {
    std::string method = "GET";
    std::string path = "/";  // starts with '/'; appended to the base URL
    HttpHeaders headers;     // Authorization is the client's: set from its options
    std::string body;        // sent as is, gzipped when over the client's threshold
    std::chrono::milliseconds timeout{30000};        // the whole exchange
    std::chrono::milliseconds connectTimeout{5000};  // TCP and TLS set-up

    static HttpRequest get(std::string path) {
        HttpRequest request;
        request.path = std::move(path);
        return request;
    }
    static HttpRequest postJson(std::string path, std::string json) {
        HttpRequest request;
        request.method = "POST";
        request.path = std::move(path);
        request.headers.add("Content-Type", "application/json");
        request.body = std::move(json);
        return request;
    }
};

}  // namespace net
