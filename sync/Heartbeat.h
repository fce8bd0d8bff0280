#pragma once
// POST /v1/heartbeat (docs/sync-protocol.md, "Heartbeat"): the kiosk's
// health for head office's fleet view, and head office's clock back.

#include <cstdint>
#include <optional>
#include <string>

#include "net/HttpClient.h"
#include "sync/HeadOfficeAnswer.h"
#include "sync/SyncOptions.h"

namespace kiosksync {

struct HeartbeatReport {
    std::string kioskId;
    std::string version;
    std::int64_t outboxDepth = 0;
    std::optional<std::int64_t> oldestUnsentAgeMs;
    std::string readerState;
    std::string lastError;  // no personal data, no token
    std::int64_t kioskTimeMs = 0;
};

struct HeartbeatResult {
    HeadOfficeAnswer answer;
    std::optional<std::int64_t> clockOffsetMs;  // head office's clock minus ours
    std::string error;                          // "" when the answer was complete
};

class Heartbeat {
public:
    static std::string body(const HeartbeatReport& report);
    // clock_offset_ms from the answer; nullopt when absent or not a number.
    static std::optional<std::int64_t> clockOffset(const std::string& answerBody);

    static HeartbeatResult send(net::HttpClient& http, const HeartbeatReport& report, const SyncOptions& options);
};

}  // namespace kiosksync
