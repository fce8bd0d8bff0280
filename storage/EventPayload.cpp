#include "storage/EventPayload.h"

#include <charconv>
#include <initializer_list>
#include <string_view>

#include <nlohmann/json.hpp>

namespace storage {

namespace {

nlohmann::json textOrNull(const std::string& text) {
    return text.empty() ? nlohmann::json(nullptr) : nlohmann::json(text);
}

// The general form: nlohmann-json escapes whatever needs it and replaces
// invalid UTF-8 by U+FFFD.
std::string generalJson(const LedgerEvent& row) {
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

// Printable ASCII without '"' and '\\': copied into JSON as it is.
bool isPlain(std::string_view text) {
    for (const char c : text) {
        if (c < 0x20 || c > 0x7E || c == '"' || c == '\\') {
            return false;
        }
    }
    return true;
}

// The same bytes nlohmann-json writes (keys in its order: sorted), without
// building a tree, for the usual event whose text is all plain ASCII. A tap
// records one of these inside its transaction.
class PlainWriter {
public:
    PlainWriter() { out_.reserve(512); }

    void key(std::string_view name) {
        out_.push_back(out_.empty() ? '{' : ',');
        out_.push_back('"');
        out_.append(name);
        out_.append("\":");
    }
    void text(std::string_view name, std::string_view value) {
        key(name);
        out_.push_back('"');
        out_.append(value);
        out_.push_back('"');
    }
    void textOrNull(std::string_view name, std::string_view value) {
        if (value.empty()) {
            key(name);
            out_.append("null");
        } else {
            text(name, value);
        }
    }
    void number(std::string_view name, std::int64_t value) {
        key(name);
        char digits[24];
        const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
        out_.append(digits, end);
    }
    std::string finish() {
        out_.push_back('}');
        return std::move(out_);
    }

private:
    std::string out_;
};

}  // namespace

std::string EventPayload::toJson(const LedgerEvent& row) {
    const loyalty::EventDraft& e = row.event;
    const std::string_view type = loyalty::eventTypeName(e.type);
    for (const std::string_view text : {std::string_view(row.id), std::string_view(row.kioskId), type,
                                        std::string_view(e.memberId), std::string_view(e.cardId),
                                        std::string_view(e.rewardId), std::string_view(e.offerId),
                                        std::string_view(e.stampCardId), std::string_view(e.staffId),
                                        std::string_view(e.reason), std::string_view(e.voidsEventId)}) {
        if (!isPlain(text)) {
            return generalJson(row);
        }
    }
    PlainWriter json;  // keys sorted, as nlohmann-json's std::map keeps them
    json.textOrNull("card", e.cardId);
    json.text("id", row.id);
    json.text("kiosk_id", row.kioskId);
    json.textOrNull("member_id", e.memberId);
    json.number("monotonic_ns", row.time.monotonicNs);
    json.textOrNull("offer_id", e.offerId);
    json.number("points_delta", e.pointsDelta);
    json.number("purchase_amount", e.purchaseAmount);
    json.number("rating", e.rating);
    json.text("reason", e.reason);
    json.textOrNull("reward_id", e.rewardId);
    json.number("seq", row.seq);
    json.textOrNull("staff_id", e.staffId);
    json.textOrNull("stamp_card_id", e.stampCardId);
    json.number("stamps", e.stamps);
    json.text("type", type);
    json.number("utc_offset", row.time.at.utcOffsetSeconds);
    json.textOrNull("voids_event_id", e.voidsEventId);
    json.number("wall_time", row.time.wallTimeMs);
    return json.finish();
}

}  // namespace storage
