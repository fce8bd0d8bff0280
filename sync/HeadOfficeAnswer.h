#pragma once
// What one exchange with head office amounts to for the scheduler
// (docs/sync-protocol.md, the table of whole-request errors): a usable 2xx
// answer, no answer at all, "busy, come back after Retry-After", "too
// large", a refusal, or another error status.

#include <chrono>
#include <optional>
#include <string>

#include "net/HttpClient.h"

namespace kiosksync {

enum class AnswerKind {
    Usable,     // 2xx: the caller still checks the body
    NoAnswer,   // refused, timeout, reset, truncated, too large an answer: nothing complete came back
    Busy,       // 429 or 503: wait Retry-After (when given) before any further request
    TooLarge,   // 413: the batch was too large
    Refused,    // 401 or 403: head office does not accept this kiosk's token
    Failed,     // any other status (400, 404, 5xx)
    Cancelled,  // the client is stopping
};

struct HeadOfficeAnswer {
    AnswerKind kind = AnswerKind::NoAnswer;
    int status = 0;  // 0 without an answer
    std::optional<std::chrono::milliseconds> retryAfter;
    std::string error;       // for the status line and the log ("" when Usable); no token, no body
    std::string errorCode;   // head office's {"error":{"code":...}} when it sent one
    net::HttpResponse response;

    bool usable() const { return kind == AnswerKind::Usable; }

    static HeadOfficeAnswer of(net::HttpResult result);
    // "500 internal", "429 busy", "401 unauthorized: head office refused this kiosk".
    static std::string describeStatus(int status, const std::string& code);
};

}  // namespace kiosksync
