#pragma once
// What head office keeps, as plain values: the rows of the store and the
// events kiosks upload. Field meanings are those of docs/sync-protocol.md.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace headoffice {

// Points a member earned on one shop-local day (YYYY-MM-DD): its accepted
// earns' points minus the voids of those earns (counted on the earn's day),
// plus what a load file gave as opening history.
struct EarnedDay {
    std::string day;
    std::int64_t points = 0;
    friend bool operator==(const EarnedDay&, const EarnedDay&) = default;
};

struct Member {
    std::string id;
    std::string displayName;  // first name only
    std::string status = "active";  // active | blocked
    std::optional<std::int64_t> birthdayMonth;  // 1..12
    bool consentMarketing = false;
    std::optional<std::string> homeStore;
    std::string enrolledDay;  // YYYY-MM-DD
    std::int64_t balance = 0;  // head office's authoritative balance
    std::vector<std::string> segments;
    // The earning history inside the EarnedWindow the record was read with
    // (days ascending, points > 0): what the member record sends as
    // "earned". Empty from Store::member(), which reads no history.
    std::vector<EarnedDay> earned;
    friend bool operator==(const Member&, const Member&) = default;
};

// Points added to a member's earning history on one day (earned_points).
struct EarnedDelta {
    std::string memberId;
    std::string day;  // YYYY-MM-DD
    std::int64_t points = 0;
    friend bool operator==(const EarnedDelta&, const EarnedDelta&) = default;
};

struct Card {
    std::string token;  // u:<UID hex>, n:<card id>, s:<UID hex>
    std::string memberId;
    std::string kind = "uid";  // uid | ntag21x | ntag424
    std::string status = "active";  // active | lost | blocked
    friend bool operator==(const Card&, const Card&) = default;
};

struct Staff {
    std::string id;
    std::string displayName;
    std::string role;  // cashier | manager | technician
    std::optional<std::string> pinHash;  // Argon2id encoded string
    std::optional<std::string> cardToken;
    bool active = true;
    friend bool operator==(const Staff&, const Staff&) = default;
};

struct CatalogueItem {
    std::string kind;  // tier | reward | offer | promotion | stamp_card
    std::string id;
    std::string body;  // a JSON object, compact, keys sorted
    friend bool operator==(const CatalogueItem&, const CatalogueItem&) = default;
};

struct RewardTotal {
    std::string rewardId;
    std::int64_t redeemed = 0;
    friend bool operator==(const RewardTotal&, const RewardTotal&) = default;
};

struct Kiosk {
    std::string id;
    std::string tokenSha256;  // lower-case hex; the token itself is never kept
    friend bool operator==(const Kiosk&, const Kiosk&) = default;
};

struct Heartbeat {
    std::string kioskId;
    std::int64_t receivedAt = 0;  // head office's clock, Unix ms
    std::int64_t kioskTime = 0;   // the kiosk's clock when it sent it, Unix ms
    std::int64_t clockOffsetMs = 0;  // receivedAt - kioskTime
    std::string version;
    std::int64_t outboxDepth = 0;
    std::optional<std::int64_t> oldestUnsentAgeMs;
    std::string readerState;
    std::string lastError;
    friend bool operator==(const Heartbeat&, const Heartbeat&) = default;
};

enum class EventStatus { Accepted, Rejected };

// One uploaded event as stored: accepted or rejected, kept forever under its id.
struct EventRecord {
    std::string id;
    std::string kioskId;
    std::int64_t seq = 0;
    std::string type;
    std::optional<std::string> memberId;
    std::optional<std::string> card;
    std::int64_t pointsDelta = 0;
    std::optional<std::string> rewardId;
    std::optional<std::string> voidsEventId;
    EventStatus status = EventStatus::Accepted;
    std::string code;    // rejection code, "" when accepted
    std::string reason;  // rejection reason for staff, "" when accepted
    std::int64_t receivedAt = 0;
    std::string payload;  // the event as uploaded (compact JSON)
};

// A change-log entry: `body` is the whole entry as GET /v1/changes sends it.
struct Change {
    std::string kind;  // member | card | staff | catalogue | reward_total
    std::string op;    // upsert | delete
    std::string id;
    std::string body;
};

struct ChangePage {
    std::vector<std::int64_t> seqs;   // ascending
    std::vector<std::string> bodies;  // same order
    bool more = false;                // changes after the last one here
    std::int64_t last = 0;            // the highest number in the log (0: empty)
};

struct StoreCounts {
    std::int64_t events = 0;
    std::int64_t acceptedEvents = 0;
    std::int64_t members = 0;
    std::int64_t cards = 0;
    std::int64_t staff = 0;
    std::int64_t catalogue = 0;
    std::int64_t rewardTotals = 0;
    std::int64_t kiosks = 0;
    std::int64_t changes = 0;
    std::int64_t lastChange = 0;
};

}  // namespace headoffice
