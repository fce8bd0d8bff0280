#pragma once
// Reading the ledger (written only by DecisionRecorder): a member's history
// for the screen, and one event as the rules need it for a void.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "loyalty/Event.h"
#include "storage/Database.h"

namespace storage {

// One line of a member's history.
struct HistoryEntry {
    std::string eventId;
    std::int64_t seq = 0;
    loyalty::EventType type = loyalty::EventType::Earn;
    loyalty::Points pointsDelta = 0;
    std::int32_t stamps = 0;
    std::string reason;        // the sentence the customer reads
    loyalty::Instant at;       // when it was recorded, with the shop's offset then
    bool voided = false;       // a later void reverses it
};

class LedgerRepository {
public:
    explicit LedgerRepository(Database& db) : db_(db) {}

    // The member's `limit` most recent events recorded here, newest first
    // (index ledger_by_member: no scan of other members' rows).
    Result<std::vector<HistoryEntry>> history(std::string_view memberId, std::size_t limit);

    // One event by id, with `voided` true when a void references it; nullopt
    // when it is not in this kiosk's ledger (or was pruned).
    Result<std::optional<loyalty::RecordedEvent>> find(std::string_view eventId);

    // Rows in the ledger, and the highest sequence number (0 when empty).
    Result<std::int64_t> count();
    Result<std::int64_t> lastSequence();

private:
    Database& db_;
};

}  // namespace storage
