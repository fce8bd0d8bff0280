#include "sync/EventUpload.h"

#include "sync/JsonFields.h"
#include "sync/ProfileJson.h"

namespace kiosksync {

std::string EventUpload::requestBody(std::string_view kioskId, const std::vector<std::string>& payloads) {
    std::size_t size = 40 + kioskId.size();
    for (const auto& payload : payloads) {
        size += payload.size() + 1;
    }
    std::string body;
    body.reserve(size);
    body += "{\"kiosk_id\":";
    body += JsonFields::dump(nlohmann::json(std::string(kioskId)));
    body += ",\"events\":[";
    for (std::size_t i = 0; i < payloads.size(); ++i) {
        if (i > 0) {
            body += ',';
        }
        body += payloads[i];
    }
    body += "]}";
    return body;
}

std::string EventUpload::enrolMemberId(std::string_view payload) {
    // Most payloads are not enrolments: skip the parse when "enrol" is nowhere in the text.
    if (payload.find("\"enrol\"") == std::string_view::npos) {
        return {};
    }
    const auto parsed = JsonFields::parse(payload);
    if (!parsed || !parsed->is_object()) {
        return {};
    }
    const auto type = parsed->find("type");
    const auto member = parsed->find("member_id");
    if (type == parsed->end() || !type->is_string() || type->get<std::string>() != "enrol" ||
        member == parsed->end() || !member->is_string()) {
        return {};
    }
    return member->get<std::string>();
}

loyalty::Expected<std::string, std::string> EventUpload::withMember(std::string_view payload,
                                                                    const storage::MemberRecord& member) {
    auto parsed = JsonFields::parse(payload);
    if (!parsed || !parsed->is_object()) {
        return loyalty::unexpected(std::string("a stored enrol payload is not a JSON object"));
    }
    (*parsed)["member"] = ProfileJson::enrolProfile(member);
    return JsonFields::dump(*parsed);
}

loyalty::Expected<std::vector<storage::DeliveryOutcome>, std::string> EventUpload::parseAnswer(
    std::string_view body, const std::vector<std::string>& ids) {
    using loyalty::unexpected;
    const auto parsed = JsonFields::parse(body);
    if (!parsed) {
        return unexpected(std::string("the answer to an upload is not JSON"));
    }
    if (!parsed->is_object()) {
        return unexpected(std::string("the answer to an upload is not a JSON object"));
    }
    const auto results = parsed->find("results");
    if (results == parsed->end() || !results->is_array()) {
        return unexpected(std::string("the answer to an upload has no \"results\" array"));
    }
    if (results->size() != ids.size()) {
        return unexpected("the answer to an upload of " + std::to_string(ids.size()) + " events has " +
                          std::to_string(results->size()) + " results");
    }
    std::vector<storage::DeliveryOutcome> outcomes;
    outcomes.reserve(ids.size());
    for (std::size_t i = 0; i < ids.size(); ++i) {
        JsonFields f((*results)[i], "results[" + std::to_string(i) + "]");
        const std::string id = f.text("id");
        const std::string status = f.text("status");
        if (!f.ok()) {
            return unexpected(f.problem());
        }
        if (id != ids[i]) {
            return unexpected("results[" + std::to_string(i) + "] answers another event than the one sent there");
        }
        storage::DeliveryOutcome outcome;
        outcome.eventId = id;
        if (status == "accepted") {
            outcome.result = storage::DeliveryResult::Accepted;
        } else if (status == "duplicate") {
            outcome.result = storage::DeliveryResult::Duplicate;
        } else if (status == "rejected") {
            outcome.result = storage::DeliveryResult::Rejected;
            const std::string code = f.optionalText("code").value_or(std::string());
            const std::string reason = f.optionalText("reason").value_or(std::string());
            if (!f.ok()) {
                return unexpected(f.problem());
            }
            outcome.reason = reason.empty() ? (code.empty() ? std::string("rejected by head office") : code)
                                            : (code.empty() ? reason : code + ": " + reason);
        } else {
            return unexpected("results[" + std::to_string(i) + "].status: unknown (\"" + status.substr(0, 20) +
                              "\")");
        }
        outcomes.push_back(std::move(outcome));
    }
    return outcomes;
}

}  // namespace kiosksync
