#include "headoffice/EventParser.h"

#include <array>
#include <limits>

#include "headoffice/CalendarDay.h"
#include "headoffice/FieldReader.h"
#include "headoffice/JsonBody.h"

namespace headoffice {

namespace {

constexpr std::array<const char*, 11> kTypes = {"earn", "redeem", "adjust", "void", "enrol", "card-link",
                                                "card-block", "offer-activate", "stamp", "rating", "expire"};
constexpr std::int64_t kMaxInt = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kMaxInt32 = std::numeric_limits<std::int32_t>::max();
constexpr std::int64_t kMinInt32 = std::numeric_limits<std::int32_t>::min();
constexpr std::int64_t kMaxOffsetSeconds = 18 * 3600;

void checkSign(FieldReader& reader, const std::string& type, std::int64_t delta) {
    if (type == "earn" && delta < 0) {
        reader.fail("points_delta", "an earn cannot take points away");
    } else if ((type == "redeem" || type == "expire") && delta > 0) {
        reader.fail("points_delta", "a " + type + " cannot add points");
    } else if (!EventParser::movesPoints(type) && delta != 0) {
        reader.fail("points_delta", "must be 0 for a " + type + " event");
    }
}

}  // namespace

bool EventParser::isKnownType(const std::string& type) {
    for (const char* known : kTypes) {
        if (type == known) {
            return true;
        }
    }
    return false;
}

bool EventParser::movesPoints(const std::string& type) {
    return type == "earn" || type == "redeem" || type == "adjust" || type == "void" || type == "expire";
}

std::string EventParser::localDay(std::int64_t wallTimeMs, std::int64_t utcOffsetSeconds) {
    return CalendarDay::text(CalendarDay::localDay(wallTimeMs, utcOffsetSeconds));
}

std::string EventParser::dayOfPayload(const std::string& payload) {
    const auto event = nlohmann::json::parse(payload, nullptr, false);
    if (!event.is_object()) {
        return {};
    }
    FieldReader reader(event);
    const std::int64_t wallTime = reader.requiredInt("wall_time", 0, kMaxInt / 2);
    const std::int64_t utcOffset = reader.optionalInt("utc_offset", -kMaxOffsetSeconds, kMaxOffsetSeconds).value_or(0);
    return reader.ok() ? localDay(wallTime, utcOffset) : std::string();
}

IncomingEvent EventParser::parse(const nlohmann::json& event) {
    IncomingEvent out;
    if (!event.is_object()) {
        out.invalid = "an event must be a JSON object";
        return out;
    }
    FieldReader reader(event);
    const auto idField = event.find("id");
    if (idField != event.end() && idField->is_string()) {
        out.echoId = idField->get<std::string>();
    }
    EventRecord& r = out.record;
    r.id = reader.requiredId("id");
    if (!reader.ok()) {
        out.invalid = reader.error();
        return out;  // without a usable id the event cannot be kept
    }
    out.hasId = true;
    r.payload = JsonBody::dump(event);
    r.status = EventStatus::Rejected;  // until the rules accept it

    r.kioskId = reader.requiredId("kiosk_id");
    r.seq = reader.requiredInt("seq", 1, kMaxInt);
    const std::string type = reader.requiredText("type", FieldReader::kMaxIdBytes);
    if (reader.ok() && !isKnownType(type)) {
        reader.fail("type", "unknown event type \"" + type + "\"");
    }
    r.type = reader.ok() ? type : std::string();
    r.memberId = reader.requiredId("member_id");
    r.card = reader.optionalId("card");
    r.pointsDelta = reader.requiredInt("points_delta", -kMaxPoints, kMaxPoints);
    reader.optionalInt("purchase_amount", 0, kMaxInt);
    r.rewardId = reader.optionalId("reward_id");
    reader.optionalId("offer_id");
    reader.optionalId("stamp_card_id");
    reader.optionalInt("stamps", kMinInt32, kMaxInt32);
    reader.optionalInt("rating", 0, 5);
    reader.optionalId("staff_id");
    reader.optionalText("reason", FieldReader::kMaxTextBytes);
    r.voidsEventId = reader.optionalId("voids_event_id");
    const std::int64_t wallTime = reader.requiredInt("wall_time", 0, kMaxInt / 2);
    const std::int64_t utcOffset = reader.optionalInt("utc_offset", -kMaxOffsetSeconds, kMaxOffsetSeconds).value_or(0);
    reader.optionalInt("monotonic_ns", 0, kMaxInt);
    if (reader.ok()) {
        out.day = localDay(wallTime, utcOffset);
    }
    if (reader.has("card_kind")) {
        out.cardKind = reader.choice("card_kind", {"uid", "ntag21x", "ntag424"}, "uid");
    }

    if (reader.ok()) {
        checkSign(reader, type, r.pointsDelta);
    }
    if (reader.ok() && (type == "card-link" || type == "card-block") && !r.card) {
        reader.fail("card", "missing (a " + type + " names the card)");
    }
    if (reader.ok() && type == "void" && !r.voidsEventId) {
        reader.fail("voids_event_id", "missing (a void names the event it reverses)");
    }
    if (reader.ok() && type == "enrol") {
        const nlohmann::json* member = reader.optionalObject("member");
        if (member == nullptr && reader.ok()) {
            reader.fail("member", "missing (an enrol carries the new member's profile)");
        } else if (member != nullptr) {
            readMember(*member, out, wallTime, utcOffset);
            if (!out.invalid.empty()) {
                return out;
            }
        }
    }
    out.invalid = reader.error();
    return out;
}

void EventParser::readMember(const nlohmann::json& member, IncomingEvent& out, std::int64_t wallTime,
                             std::int64_t utcOffset) {
    FieldReader reader(member, "member");
    Member m;
    m.id = out.record.memberId.value_or(std::string());
    const auto id = reader.optionalId("id");
    if (reader.ok() && id && *id != m.id) {
        reader.fail("id", "differs from the event's member_id");
    }
    m.displayName = reader.requiredText("display_name", 64);
    m.status = reader.choice("status", {"active", "blocked"}, "active");
    m.birthdayMonth = reader.optionalInt("birthday_month", 1, 12);
    m.consentMarketing = reader.optionalBool("consent_marketing", false);
    m.homeStore = reader.optionalId("home_store");
    m.enrolledDay = reader.optionalDay("enrolled_day").value_or(localDay(wallTime, utcOffset));
    m.segments = reader.idArray("segments");
    m.balance = 0;
    if (!reader.ok()) {
        out.invalid = reader.error();
        return;
    }
    out.enrolMember = std::move(m);
}

}  // namespace headoffice
