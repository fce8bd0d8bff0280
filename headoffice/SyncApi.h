#pragma once
// The sync protocol's endpoints (docs/sync-protocol.md), without HTTP: a
// request's authorization header, query, path parameter and (decoded) body
// in, a status and a JSON body out. HttpServer puts it on cpp-httplib.
//
// Whole-request errors answer {"error":{"code":...,"message":...}}:
// 400 bad_request, 401 unauthorized, 403 wrong_kiosk, 404 unknown_card,
// 413 too_large, 503 busy (with Retry-After), 500 internal.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <string>

#include "headoffice/Store.h"

namespace headoffice {

struct ApiRequest {
    std::string authorization;                 // the Authorization header
    std::string body;                          // decoded (gzip already undone)
    std::map<std::string, std::string> query;  // cursor, limit
    std::string pathToken;                     // {token} of /v1/cards/{token}
};

struct ApiResponse {
    int status = 200;
    std::string body;           // JSON
    int retryAfterSeconds = 0;  // > 0: send Retry-After
    std::string kioskId;        // for the request log; "" before authentication
    std::string note;           // for the request log, e.g. "500 events: 500 accepted"
};

class SyncApi {
public:
    static constexpr std::size_t kMaxEvents = 500;
    static constexpr std::size_t kDefaultLimit = 500;
    static constexpr std::size_t kMaxLimit = 1000;
    using Clock = std::function<std::int64_t()>;  // Unix ms

    SyncApi(Store& store, Clock clock) : store_(store), clock_(std::move(clock)) {}

    ApiResponse postEvents(const ApiRequest& request);
    ApiResponse getChanges(const ApiRequest& request);
    ApiResponse getCard(const ApiRequest& request);
    ApiResponse postHeartbeat(const ApiRequest& request);

    static ApiResponse error(int status, const std::string& code, const std::string& message);
    // 503 busy for a busy store, 500 internal otherwise.
    static ApiResponse storeError(const Error& error);

private:
    using Handler = ApiResponse (SyncApi::*)(const ApiRequest&, const std::string& kiosk);

    // The kiosk the bearer token belongs to; otherwise the 401 (or 5xx) answer.
    loyalty::Expected<std::string, ApiResponse> authenticate(const ApiRequest& request);
    // Authenticates, then runs `handler` for the token's kiosk.
    ApiResponse authenticated(const ApiRequest& request, Handler handler);
    ApiResponse events(const ApiRequest& request, const std::string& kiosk);
    ApiResponse changes(const ApiRequest& request, const std::string& kiosk);
    ApiResponse card(const ApiRequest& request, const std::string& kiosk);
    ApiResponse heartbeat(const ApiRequest& request, const std::string& kiosk);

    Store& store_;
    Clock clock_;
};

}  // namespace headoffice
