#include "storage/EventPayload.h"

#include <nlohmann/json.hpp>

namespace storage {

namespace {

nlohmann::json textOrNull(const std::string& text) {
    return text.empty() ? nlohmann::json(nullptr) : nlohmann::json(text);
}

}  // namespace

std::string EventPayload::toJson(const LedgerEvent& row) {
    const loyalty::EventDraft& e = row.event;
    nlohmann::json json = {
        {"id", row.id},
        {"kiosk_id", row.kioskId},
        {"seq", row.seq},
        {"type", std::string(loyalty::eventTypeName(e.type))},
        {"member_id", textOrNull(e.memberId)},
        {"card", textOrNull(e.cardId)},
        {"points_delta", e.pointsDelta},
        {"purchase_amount", e.purchaseAmount},
        {"reward_id", textOrNull(e.rewardId)},
        {"offer_id", textOrNull(e.offerId)},
        {"stamp_card_id", textOrNull(e.stampCardId)},
        {"stamps", e.stamps},
        {"rating", e.rating},
        {"staff_id", textOrNull(e.staffId)},
        {"reason", e.reason},
        {"voids_event_id", textOrNull(e.voidsEventId)},
        {"wall_time", row.time.wallTimeMs},
        {"utc_offset", row.time.at.utcOffsetSeconds},
        {"monotonic_ns", row.time.monotonicNs},
    };
    // error_handler_t::replace: invalid UTF-8 becomes U+FFFD instead of a throw.
    return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace storage
