#include "sync/Heartbeat.h"

#include <limits>

#include "sync/JsonFields.h"

namespace kiosksync {

std::string Heartbeat::body(const HeartbeatReport& report) {
    nlohmann::json body = nlohmann::json::object();
    body["kiosk_id"] = report.kioskId;
    body["version"] = report.version;
    body["outbox_depth"] = report.outboxDepth;
    body["oldest_unsent_age_ms"] =
        report.oldestUnsentAgeMs ? nlohmann::json(*report.oldestUnsentAgeMs) : nlohmann::json(nullptr);
    body["reader_state"] = report.readerState.substr(0, 64);
    body["last_error"] = report.lastError.substr(0, 1000);
    body["kiosk_time"] = report.kioskTimeMs;
    return JsonFields::dump(body);
}

std::optional<std::int64_t> Heartbeat::clockOffset(const std::string& answerBody) {
    const auto parsed = JsonFields::parse(answerBody);
    if (!parsed) {
        return std::nullopt;
    }
    JsonFields f(*parsed, "heartbeat answer");
    constexpr std::int64_t limit = std::numeric_limits<std::int64_t>::max() / 4;
    auto offset = f.optionalInteger("clock_offset_ms", -limit, limit);
    return f.ok() ? offset : std::nullopt;
}

HeartbeatResult Heartbeat::send(net::HttpClient& http, const HeartbeatReport& report, const SyncOptions& options) {
    auto request = net::HttpRequest::postJson("/v1/heartbeat", body(report));
    request.timeout = options.requestTimeout;
    request.connectTimeout = options.connectTimeout;
    HeartbeatResult result;
    result.answer = HeadOfficeAnswer::of(http.send(request));
    if (!result.answer.usable()) {
        result.error = result.answer.error;
        return result;
    }
    result.clockOffsetMs = clockOffset(result.answer.response.body);
    if (!result.clockOffsetMs) {
        result.error = "malformed answer to a heartbeat";
    }
    return result;
}

}  // namespace kiosksync
