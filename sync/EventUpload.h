#pragma once
// The body of POST /v1/events and the reading of its answer
// (docs/sync-protocol.md, "Upload"). The stored payloads go out as they
// are; an enrol event gets the new member's profile in "member". An answer
// counts only when it is complete: exactly one result per event sent, in
// order, each with the event's id and a known status.

#include <string>
#include <string_view>
#include <vector>

#include "loyalty/Expected.h"
#include "storage/MemberRepository.h"
#include "storage/Outbox.h"

namespace kiosksync {

class EventUpload {
public:
    // {"kiosk_id":...,"events":[payload,...]}; the payloads are spliced in as stored.
    static std::string requestBody(std::string_view kioskId, const std::vector<std::string>& payloads);

    // The member an enrol payload is for, or "" when the payload is not an enrol event.
    static std::string enrolMemberId(std::string_view payload);
    // The payload with "member" set to the member's profile; the error says
    // why when the payload is not a JSON object.
    static loyalty::Expected<std::string, std::string> withMember(std::string_view payload,
                                                                  const storage::MemberRecord& member);

    // Head office's per-event answers for the events `ids`, in order; an
    // error (and nothing) unless the answer is complete and well-formed.
    static loyalty::Expected<std::vector<storage::DeliveryOutcome>, std::string> parseAnswer(
        std::string_view body, const std::vector<std::string>& ids);
};

}  // namespace kiosksync
