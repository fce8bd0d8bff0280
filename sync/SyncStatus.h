#pragma once
// What the sync thread tells the UI (and the diagnostics screen): a plain
// value, posted through SyncClient's callback after each step and read
// with SyncClient::status(). Never personal data.

#include <cstdint>
#include <optional>
#include <string>

namespace kiosksync {

struct SyncStatus {
    bool running = false;  // the sync thread has its database open
    bool online = false;   // the last exchange with head office got a complete, usable answer
    std::int64_t queueDepth = 0;                   // events waiting for head office's answer
    std::optional<std::int64_t> oldestUnsentAgeMs;  // nullopt when nothing waits
    std::int64_t rejectedEvents = 0;               // rejected by head office, waiting for staff
    std::optional<std::int64_t> lastSuccessAtMs;   // Unix ms of the last upload or download that went through
    std::string lastError;                         // "" when the last exchange went through
    std::int64_t consecutiveFailures = 0;          // uploads or downloads in a row without an answer
    std::optional<std::int64_t> nextAttemptInMs;   // after a failure: when the next try is due
    std::optional<std::int64_t> clockOffsetMs;     // head office's clock minus ours, from the last heartbeat
    std::string cursor;                            // the change cursor stored with the last page
    // Since the client started: head office's answers per event, pages applied.
    std::int64_t eventsAccepted = 0;
    std::int64_t eventsDuplicate = 0;  // sent again after a lost answer: already there
    std::int64_t eventsRejected = 0;
    std::int64_t pagesApplied = 0;

    friend bool operator==(const SyncStatus&, const SyncStatus&) = default;
};

}  // namespace kiosksync
