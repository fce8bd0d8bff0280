#pragma once
// One uploaded event (an element of POST /v1/events' "events") read into an
// EventRecord, or the reason it is invalid. The fields and their types are
// those of storage/EventPayload.cpp; fields this head office does not know
// are kept in the stored payload and otherwise ignored, so kiosks can add
// some before head office reads them.

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "headoffice/Records.h"

namespace headoffice {

struct IncomingEvent {
    // The "id" the answer repeats: the id as sent when it is a string, else null.
    std::optional<std::string> echoId;
    // The id is a usable event id: the event is stored under it (even when
    // invalid otherwise, so a retry is answered the same).
    bool hasId = false;
    // Why the event cannot be applied ("points_delta: missing"); "" when well-formed.
    std::string invalid;
    EventRecord record;  // id, kioskId, seq, type, memberId, card, pointsDelta, rewardId, voidsEventId, payload
    std::optional<std::string> cardKind;  // "card_kind": uid | ntag21x | ntag424
    std::optional<Member> enrolMember;  // enrol: the new member (balance 0)
    std::string day;  // the shop-local day of wall_time + utc_offset (YYYY-MM-DD); "" when invalid
};

class EventParser {
public:
    // Largest |points_delta| accepted in one event.
    static constexpr std::int64_t kMaxPoints = 1'000'000'000'000;

    static IncomingEvent parse(const nlohmann::json& event);
    static bool isKnownType(const std::string& type);
    // Types that change the balance by points_delta.
    static bool movesPoints(const std::string& type);

    // The shop-local calendar day (YYYY-MM-DD) of a Unix-ms time and a UTC offset in seconds.
    static std::string localDay(std::int64_t wallTimeMs, std::int64_t utcOffsetSeconds);
    // The shop-local day of a stored event (its payload's wall_time and
    // utc_offset), or "" when the payload does not say.
    static std::string dayOfPayload(const std::string& payload);

private:
    static void readMember(const nlohmann::json& member, IncomingEvent& out, std::int64_t wallTime,
                           std::int64_t utcOffset);
};

}  // namespace headoffice
