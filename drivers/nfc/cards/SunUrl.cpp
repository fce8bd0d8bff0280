#include "nfc/cards/SunUrl.h"

#include <algorithm>
#include <optional>

#include "nfc/cards/Hex.h"

namespace nfc::cards {

namespace {

loyalty::Unexpected<ParseError> fail(ParseErrorCode code, std::size_t offset, std::string message) {
    return loyalty::unexpected(ParseError{code, offset, std::move(message)});
}

}  // namespace

loyalty::Expected<SunUrlFields, ParseError> SunUrl::parse(std::string_view url, const SunParameterNames& names) {
    if (url.size() > kMaxUrl) {
        return fail(ParseErrorCode::BadLength, kMaxUrl, "URL longer than " + std::to_string(kMaxUrl));
    }
    if (names.piccData.empty() || names.cmac.empty() || names.piccData == names.cmac) {
        return fail(ParseErrorCode::BadValue, 0, "SUN parameter names must be distinct and not empty");
    }
    const std::size_t question = url.find('?');
    if (question == std::string_view::npos) {
        return fail(ParseErrorCode::BadStructure, 0, "URL has no query string");
    }
    std::string_view query = url.substr(question + 1);
    query = query.substr(0, query.find('#'));
    std::optional<std::string_view> picc;
    std::optional<std::string_view> mac;
    std::size_t offset = question + 1;
    while (true) {
        const std::size_t amp = query.find('&');
        const std::string_view pair = query.substr(0, amp);
        const std::size_t equals = pair.find('=');
        if (equals != std::string_view::npos) {
            const std::string_view name = pair.substr(0, equals);
            const std::string_view value = pair.substr(equals + 1);
            std::optional<std::string_view>* slot = name == names.piccData ? &picc : name == names.cmac ? &mac : nullptr;
            if (slot) {
                if (slot->has_value()) {
                    return fail(ParseErrorCode::BadStructure, offset, "SUN parameter appears twice");
                }
                *slot = value;
            }
        }
        if (amp == std::string_view::npos) {
            break;
        }
        query.remove_prefix(amp + 1);
        offset += amp + 1;
    }
    if (!picc || !mac) {
        return fail(ParseErrorCode::BadStructure, 0, "URL lacks the PICCData or CMAC parameter");
    }
    const auto piccBytes = Hex::decodeExact(*picc, 16);
    if (!piccBytes) {
        return fail(ParseErrorCode::BadValue, 0, "PICCData is not 32 hex digits");
    }
    const auto macBytes = Hex::decodeExact(*mac, 8);
    if (!macBytes) {
        return fail(ParseErrorCode::BadValue, 0, "CMAC is not 16 hex digits");
    }
    SunUrlFields fields;
    std::copy(piccBytes->begin(), piccBytes->end(), fields.encryptedPiccData.begin());
    std::copy(macBytes->begin(), macBytes->end(), fields.mac.begin());
    return fields;
}

}  // namespace nfc::cards
