#pragma once
// The JSON form of a ledger event, as it is stored in the outbox and
// uploaded to head office (POST /v1/events). Field names and meanings are in
// docs/storage.md ("Outbox payload").

#include <cstdint>
#include <string>

#include "loyalty/Event.h"
#include "storage/RecordTime.h"

namespace storage {

// One ledger row: the draft the rules decided plus what storage gave it.
struct LedgerEvent {
    std::string id;       // UUID
    std::string kioskId;
    std::int64_t seq = 0;
    loyalty::EventDraft event;
    RecordTime time;
};

class EventPayload {
public:
    // A JSON object (compact, UTF-8). Empty ids are null. Text that is not
    // valid UTF-8 is replaced by U+FFFD rather than failing: never throws.
    static std::string toJson(const LedgerEvent& row);
};

}  // namespace storage
