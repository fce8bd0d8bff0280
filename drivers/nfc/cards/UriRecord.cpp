#include "nfc/cards/UriRecord.h"

#include <array>

namespace nfc::cards {

namespace {

constexpr std::array<std::string_view, 36> kPrefixes = {
    "",           "http://www.", "https://www.", "http://",     "https://",     "tel:",
    "mailto:",    "ftp://anonymous:anonymous@", "ftp://ftp.", "ftps://", "sftp://", "smb://",
    "nfs://",     "ftp://",      "dav://",       "news:",       "telnet://",    "imap:",
    "rtsp://",    "urn:",        "pop:",         "sip:",        "sips:",        "tftp:",
    "btspp://",   "btl2cap://",  "btgoep://",    "tcpobex://",  "irdaobex://",  "file://",
    "urn:epc:id:", "urn:epc:tag:", "urn:epc:pat:", "urn:epc:raw:", "urn:epc:",  "urn:nfc:"};

}  // namespace

loyalty::Expected<std::string, ParseError> UriRecord::decode(const NdefRecord& record) {
    if (!record.typeIs(Tnf::WellKnown, "U")) {
        return loyalty::unexpected(ParseError{ParseErrorCode::BadStructure, 0, "not a URI record"});
    }
    if (record.payload.empty()) {
        return loyalty::unexpected(ParseError{ParseErrorCode::BadLength, 0, "URI record without its prefix code"});
    }
    const std::uint8_t code = record.payload[0];
    if (code >= kPrefixes.size()) {
        return loyalty::unexpected(ParseError{ParseErrorCode::Unsupported, 0, "URI prefix code is reserved"});
    }
    const std::string_view prefix = kPrefixes[code];
    if (record.payload.size() - 1 + prefix.size() > kMaxUri) {
        return loyalty::unexpected(ParseError{ParseErrorCode::BadLength, 1, "URI longer than we read"});
    }
    std::string uri(prefix);
    uri.append(record.payload.begin() + 1, record.payload.end());
    return uri;
}

std::optional<std::string> UriRecord::firstUri(const NdefMessage& message) {
    for (const auto& record : message.records()) {
        if (record.typeIs(Tnf::WellKnown, "U")) {
            auto uri = decode(record);
            return uri ? std::optional<std::string>(std::move(*uri)) : std::nullopt;
        }
    }
    return std::nullopt;
}

NdefRecord UriRecord::encode(std::string_view uri) {
    std::size_t best = 0;
    for (std::size_t code = 1; code < kPrefixes.size(); ++code) {
        if (uri.substr(0, kPrefixes[code].size()) == kPrefixes[code] &&
            kPrefixes[code].size() > kPrefixes[best].size()) {
            best = code;
        }
    }
    NdefRecord record;
    record.tnf = Tnf::WellKnown;
    record.type = {'U'};
    record.payload.push_back(static_cast<std::uint8_t>(best));
    const std::string_view rest = uri.substr(kPrefixes[best].size());
    record.payload.insert(record.payload.end(), rest.begin(), rest.end());
    return record;
}

}  // namespace nfc::cards
