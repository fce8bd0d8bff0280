#pragma once
// Head office's rules for an uploaded batch (docs/sync-protocol.md, "Upload"),
// pure: given the events and what the store holds for them, the answer per
// event and what to write. The same rules serve every store.
//
// In request order, each event is
//   - answered from the store when its id is known: "duplicate" when it was
//     accepted, the same rejection (code and reason) when it was rejected;
//   - rejected "invalid" when a field is missing or of the wrong type;
//   - rejected "unknown_member" when its member is not known (an enrol
//     creates its member), "unknown_event" when a void names an event head
//     office has not accepted, "overdraw" when a redeem would take the
//     balance below zero;
//   - otherwise accepted: earn, redeem, adjust, void and expire add
//     points_delta to the balance; enrol creates the member; card-link links
//     the card; card-block blocks it; the others are only stored. An earn
//     also adds its points to the member's earning history on its
//     shop-local day (wall_time + utc_offset), and a void of an earn adds
//     its points_delta there on the earn's day, as the kiosk counts them.
// Every event with a usable id is stored, rejected ones too. Each member,
// card and reward total the batch changed gets one change-log entry with its
// final state (a member's with its history inside the EarnedWindow ending
// at receivedAt), in the order the batch first touched them.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "headoffice/EventParser.h"
#include "headoffice/Snapshot.h"
#include "headoffice/WriteSet.h"

namespace headoffice {

struct EventOutcome {
    enum class Status { Accepted, Duplicate, Rejected };
    std::optional<std::string> id;  // as sent; null when it was not a string
    Status status = Status::Rejected;
    std::string code;    // overdraw | unknown_member | unknown_event | invalid
    std::string reason;  // for staff
};

struct IngestDecision {
    WriteSet writes;
    std::vector<EventOutcome> outcomes;  // one per event, in order
};

class IngestRules {
public:
    static SnapshotKeys keysFor(const std::vector<IncomingEvent>& events, std::int64_t receivedAt);
    static IngestDecision decide(const std::vector<IncomingEvent>& events, const Snapshot& snapshot,
                                 std::int64_t receivedAt);

    // "u:..." is a UID card, "n:..." an NTAG21x with a signed record, "s:..." an NTAG 424 (docs/cards.md).
    static std::string kindFromToken(const std::string& token);
};

}  // namespace headoffice
