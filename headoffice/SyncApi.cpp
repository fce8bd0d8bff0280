#include "headoffice/SyncApi.h"

#include <limits>
#include <nlohmann/json.hpp>

#include "headoffice/EventIngest.h"
#include "headoffice/FieldReader.h"
#include "headoffice/JsonBody.h"
#include "headoffice/JsonText.h"
#include "headoffice/RecordJson.h"
#include "headoffice/TokenHash.h"

namespace headoffice {

namespace {

using Json = nlohmann::ordered_json;

ApiResponse ok(const Json& body, std::string note = {}) {
    ApiResponse response;
    response.body = JsonBody::dump(body);
    response.note = std::move(note);
    return response;
}

// A non-negative decimal number of at most 18 digits, or nullopt.
std::optional<std::int64_t> decimal(const std::string& text) {
    if (text.empty() || text.size() > 18) {
        return std::nullopt;
    }
    std::int64_t value = 0;
    for (const char c : text) {
        if (c < '0' || c > '9') {
            return std::nullopt;
        }
        value = value * 10 + (c - '0');
    }
    return value;
}

// Parses a JSON object body and checks the kiosk it names (when it names one).
loyalty::Expected<nlohmann::json, ApiResponse> objectBody(const ApiRequest& request, const std::string& kioskId,
                                                          const char* expected) {
    auto body = JsonBody::parse(request.body);
    if (!body) {
        return loyalty::unexpected(SyncApi::error(400, "bad_request", body.error().message));
    }
    if (!body->is_object()) {
        return loyalty::unexpected(
            SyncApi::error(400, "bad_request", std::string("the body must be a JSON object with ") + expected));
    }
    const auto named = body->find("kiosk_id");
    if (named != body->end() && !named->is_null()) {
        if (!named->is_string()) {
            return loyalty::unexpected(SyncApi::error(400, "bad_request", "kiosk_id must be a string"));
        }
        if (named->get_ref<const std::string&>() != kioskId) {
            return loyalty::unexpected(SyncApi::error(403, "wrong_kiosk", "this token belongs to another kiosk than "
                                                                          "the kiosk_id the body names"));
        }
    }
    return std::move(*body);
}

const char* statusName(EventOutcome::Status status) {
    switch (status) {
        case EventOutcome::Status::Accepted: return "accepted";
        case EventOutcome::Status::Duplicate: return "duplicate";
        case EventOutcome::Status::Rejected: return "rejected";
    }
    return "rejected";
}

}  // namespace

ApiResponse SyncApi::error(int status, const std::string& code, const std::string& message) {
    ApiResponse response;
    response.status = status;
    response.body = JsonBody::dump(Json{{"error", Json{{"code", code}, {"message", message}}}});
    response.note = code;
    return response;
}

ApiResponse SyncApi::storeError(const Error& e) {
    if (e.code == ErrorCode::Busy) {
        ApiResponse response = error(503, "busy", "head office is busy; try again after Retry-After seconds");
        response.retryAfterSeconds = 1;
        return response;
    }
    ApiResponse response = error(500, "internal", "head office could not use its store; try again later");
    response.note = "internal: " + e.message;  // for the server's log only
    return response;
}

loyalty::Expected<std::string, ApiResponse> SyncApi::authenticate(const ApiRequest& request) {
    const std::string token = TokenHash::fromAuthorization(request.authorization);
    if (token.empty()) {
        return loyalty::unexpected(error(401, "unauthorized", "missing bearer token (Authorization: Bearer <token>)"));
    }
    auto kiosk = store_.kioskForTokenHash(TokenHash::sha256Hex(token));
    if (!kiosk) {
        return loyalty::unexpected(storeError(kiosk.error()));
    }
    if (!*kiosk) {
        return loyalty::unexpected(error(401, "unauthorized", "head office does not know this kiosk's token"));
    }
    return **kiosk;
}

ApiResponse SyncApi::authenticated(const ApiRequest& request, Handler handler) {
    auto kiosk = authenticate(request);
    if (!kiosk) {
        return kiosk.error();
    }
    ApiResponse response = (this->*handler)(request, *kiosk);
    response.kioskId = *kiosk;
    return response;
}

ApiResponse SyncApi::postEvents(const ApiRequest& request) { return authenticated(request, &SyncApi::events); }
ApiResponse SyncApi::getChanges(const ApiRequest& request) { return authenticated(request, &SyncApi::changes); }
ApiResponse SyncApi::getCard(const ApiRequest& request) { return authenticated(request, &SyncApi::card); }
ApiResponse SyncApi::postHeartbeat(const ApiRequest& request) { return authenticated(request, &SyncApi::heartbeat); }

ApiResponse SyncApi::events(const ApiRequest& request, const std::string& kiosk) {
    auto body = objectBody(request, kiosk, "kiosk_id and events");
    if (!body) {
        return body.error();
    }
    const auto events = body->find("events");
    if (events == body->end() || !events->is_array()) {
        return error(400, "bad_request", "the body lacks \"events\" (an array of events)");
    }
    if (events->size() > kMaxEvents) {
        return error(413, "too_large", std::to_string(events->size()) + " events in one request; at most " +
                                           std::to_string(kMaxEvents));
    }
    std::vector<IncomingEvent> incoming;
    incoming.reserve(events->size());
    for (std::size_t i = 0; i < events->size(); ++i) {
        const nlohmann::json& event = (*events)[i];
        if (event.is_object()) {
            const auto named = event.find("kiosk_id");
            if (named != event.end() && named->is_string() && named->get_ref<const std::string&>() != kiosk) {
                return error(403, "wrong_kiosk", "events[" + std::to_string(i) +
                                                     "] names another kiosk than this token's; nothing was stored");
            }
        }
        incoming.push_back(EventParser::parse(event));
    }
    const std::int64_t now = clock_();
    auto outcomes = EventIngest(store_).ingest(incoming, now);
    if (!outcomes) {
        return storeError(outcomes.error());
    }
    // Up to 500 results: written by hand, not through nlohmann values.
    std::string out = "{\"results\":[";
    out.reserve(outcomes->size() * 96 + 64);
    std::size_t counts[3] = {0, 0, 0};
    for (std::size_t i = 0; i < outcomes->size(); ++i) {
        const EventOutcome& outcome = (*outcomes)[i];
        out += i == 0 ? "{\"id\":" : ",{\"id\":";
        JsonText::optionalString(out, outcome.id);
        out += ",\"status\":\"";
        out += statusName(outcome.status);
        out += "\"";
        if (outcome.status == EventOutcome::Status::Rejected) {
            out += ",\"code\":";
            JsonText::string(out, outcome.code);
            out += ",\"reason\":";
            JsonText::string(out, outcome.reason);
        }
        out += "}";
        ++counts[static_cast<int>(outcome.status)];
    }
    out += "],\"server_time\":" + std::to_string(now) + "}";
    ApiResponse response;
    response.body = std::move(out);
    response.note = std::to_string(outcomes->size()) + " events: " + std::to_string(counts[0]) + " accepted, " +
                    std::to_string(counts[1]) + " duplicate, " + std::to_string(counts[2]) + " rejected";
    return response;
}

ApiResponse SyncApi::changes(const ApiRequest& request, const std::string&) {
    std::int64_t cursor = 0;
    const auto cursorText = request.query.find("cursor");
    if (cursorText != request.query.end() && !cursorText->second.empty()) {
        const auto parsed = decimal(cursorText->second);
        if (!parsed) {
            return error(400, "bad_request", "cursor is not one this head office gave (use next_cursor, or nothing "
                                             "to start from the beginning)");
        }
        cursor = *parsed;
    }
    std::size_t limit = kDefaultLimit;
    const auto limitText = request.query.find("limit");
    if (limitText != request.query.end() && !limitText->second.empty()) {
        const auto parsed = decimal(limitText->second);
        if (!parsed || *parsed < 1) {
            return error(400, "bad_request", "limit must be a whole number from 1 to " + std::to_string(kMaxLimit));
        }
        limit = static_cast<std::size_t>(std::min<std::int64_t>(*parsed, static_cast<std::int64_t>(kMaxLimit)));
    }
    auto page = store_.changes(cursor, limit);
    if (!page) {
        return storeError(page.error());
    }
    if (page->seqs.empty() && cursor > page->last) {
        return error(400, "bad_request", "cursor " + std::to_string(cursor) +
                                             " is past the end of head office's change log (last " +
                                             std::to_string(page->last) +
                                             "); the log was replaced: start again from an empty cursor");
    }
    // The entries are stored as JSON text: splice them in as they are.
    std::string body = "{\"changes\":[";
    for (std::size_t i = 0; i < page->bodies.size(); ++i) {
        body += (i == 0 ? "" : ",") + page->bodies[i];
    }
    const std::int64_t next = page->seqs.empty() ? cursor : page->seqs.back();
    body += "],\"next_cursor\":\"" + std::to_string(next) + "\",\"more\":" + (page->more ? "true" : "false") + "}";
    ApiResponse response;
    response.body = std::move(body);
    response.note = std::to_string(page->seqs.size()) + " changes";
    return response;
}

ApiResponse SyncApi::card(const ApiRequest& request, const std::string&) {
    if (!FieldReader::isId(request.pathToken)) {
        return error(404, "unknown_card", "head office has no card with this token");
    }
    auto card = store_.card(request.pathToken);
    if (!card) {
        return storeError(card.error());
    }
    if (!*card) {
        return error(404, "unknown_card", "head office has no card with this token");
    }
    auto member = store_.member((*card)->memberId);
    if (!member || !*member) {
        return storeError(member ? Error{ErrorCode::Internal, "a card's member is missing"} : member.error());
    }
    auto earned = store_.earned((*card)->memberId, EarnedWindow::endingAt(clock_()));
    if (!earned) {
        return storeError(earned.error());
    }
    (*member)->earned = std::move(*earned);
    ApiResponse response;
    response.body = "{\"card\":" + RecordJson::card(**card) + ",\"member\":" + RecordJson::member(**member) + "}";
    return response;
}

ApiResponse SyncApi::heartbeat(const ApiRequest& request, const std::string& kiosk) {
    auto body = objectBody(request, kiosk, "kiosk_id, version, outbox_depth, ... and kiosk_time");
    if (!body) {
        return body.error();
    }
    FieldReader reader(*body);
    Heartbeat h;
    h.kioskId = kiosk;
    h.version = reader.optionalText("version", 64).value_or(std::string());
    h.outboxDepth = reader.optionalInt("outbox_depth", 0, std::numeric_limits<std::int64_t>::max()).value_or(0);
    h.oldestUnsentAgeMs = reader.optionalInt("oldest_unsent_age_ms", 0, std::numeric_limits<std::int64_t>::max());
    h.readerState = reader.optionalText("reader_state", 64).value_or(std::string());
    h.lastError = reader.optionalText("last_error", 1000).value_or(std::string());
    h.kioskTime = reader.requiredInt("kiosk_time", 0, std::numeric_limits<std::int64_t>::max() / 2);
    if (!reader.ok()) {
        return error(400, "bad_request", reader.error());
    }
    h.receivedAt = clock_();
    h.clockOffsetMs = h.receivedAt - h.kioskTime;
    auto stored = store_.recordHeartbeat(h);
    if (!stored) {
        return storeError(stored.error());
    }
    return ok(Json{{"server_time", h.receivedAt}, {"clock_offset_ms", h.clockOffsetMs}},
              "outbox " + std::to_string(h.outboxDepth) + ", clock offset " + std::to_string(h.clockOffsetMs) + " ms");
}

}  // namespace headoffice
