#pragma once
// What the rules decide to record. The rules produce drafts; the storage layer
// gives each one its UUID, kiosk id, per-kiosk sequence number and times when
// it writes them (design brief §2: the ledger is append-only).

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "loyalty/Types.h"

namespace loyalty {

enum class EventType {
    Earn,
    Redeem,
    Adjust,
    Void,
    Enrol,
    CardLink,
    CardBlock,
    OfferActivate,
    Stamp,
    Rating,
    Expire,
};

// Stable name ("earn", "offer-activate") used in storage and the sync protocol.
std::string_view eventTypeName(EventType type);

struct EventDraft {
    EventType type = EventType::Earn;
    std::string memberId;
    std::string cardId;
    Points pointsDelta = 0;     // signed: earn > 0, redeem/expire < 0
    Money purchaseAmount = 0;   // minor units, earn only
    std::string rewardId;
    std::string offerId;
    std::string stampCardId;
    std::string staffId;
    std::string reason;         // a sentence the customer can read in their history
    std::string voidsEventId;   // Void: the event it reverses
    std::int32_t rating = 0;    // Rating: 1..5
    std::int32_t stamps = 0;    // Stamp: stamps added (negative when a free item is claimed)
    friend bool operator==(const EventDraft&, const EventDraft&) = default;
};

// An event already in the ledger, as the rules need to see it (for voids).
struct RecordedEvent {
    std::string id;
    EventDraft event;
    Instant at;
    bool voided = false;
};

struct Decision {
    std::vector<EventDraft> events;
};

}  // namespace loyalty
