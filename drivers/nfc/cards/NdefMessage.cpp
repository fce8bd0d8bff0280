#include "nfc/cards/NdefMessage.h"

#include <algorithm>
#include <cctype>

namespace nfc::cards {

namespace {

constexpr std::uint8_t kMb = 0x80;
constexpr std::uint8_t kMe = 0x40;
constexpr std::uint8_t kCf = 0x20;
constexpr std::uint8_t kSr = 0x10;
constexpr std::uint8_t kIl = 0x08;

loyalty::Unexpected<ParseError> fail(ParseErrorCode code, std::size_t offset, std::string message) {
    return loyalty::unexpected(ParseError{code, offset, std::move(message)});
}

bool equalsIgnoringCase(const Bytes& a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](std::uint8_t x, char y) {
               return std::tolower(x) == std::tolower(static_cast<unsigned char>(y));
           });
}

}  // namespace

bool NdefRecord::typeIs(Tnf expectedTnf, std::string_view expectedType) const {
    if (tnf != expectedTnf) {
        return false;
    }
    if (tnf == Tnf::External) {
        return equalsIgnoringCase(type, expectedType);
    }
    return type.size() == expectedType.size() && std::equal(type.begin(), type.end(), expectedType.begin());
}

loyalty::Expected<NdefMessage, ParseError> NdefMessage::parse(const std::uint8_t* data, std::size_t size) {
    std::vector<NdefRecord> records;
    std::size_t at = 0;
    if (size == 0) {
        return fail(ParseErrorCode::Truncated, 0, "empty NDEF message");
    }
    while (true) {
        const std::size_t start = at;
        if (at >= size) {
            return fail(ParseErrorCode::Truncated, start, "message ends without a record carrying ME");
        }
        if (records.size() >= kMaxRecords) {
            return fail(ParseErrorCode::BadStructure, start, "too many records");
        }
        const std::uint8_t header = data[at];
        const auto tnf = static_cast<Tnf>(header & 0x07);
        const bool first = records.empty();
        if (((header & kMb) != 0) != first) {
            return fail(ParseErrorCode::BadStructure, start, first ? "first record without MB" : "MB on a later record");
        }
        if ((header & kCf) != 0 || tnf == Tnf::Unchanged) {
            return fail(ParseErrorCode::Chunked, start, "chunked records are refused");
        }
        if (tnf == Tnf::Reserved) {
            return fail(ParseErrorCode::BadStructure, start, "reserved TNF 7");
        }
        const std::size_t fixed = 2 + ((header & kSr) != 0 ? 1 : 4) + ((header & kIl) != 0 ? 1 : 0);
        if (size - at < fixed) {
            return fail(ParseErrorCode::Truncated, start, "record header runs past the message");
        }
        const std::size_t typeLength = data[at + 1];
        at += 2;
        std::uint64_t payloadLength = 0;
        if ((header & kSr) != 0) {
            payloadLength = data[at];
            at += 1;
        } else {
            payloadLength = (static_cast<std::uint64_t>(data[at]) << 24) | (static_cast<std::uint64_t>(data[at + 1]) << 16) |
                            (static_cast<std::uint64_t>(data[at + 2]) << 8) | data[at + 3];
            at += 4;
        }
        std::size_t idLength = 0;
        if ((header & kIl) != 0) {
            idLength = data[at];
            at += 1;
        }
        if (payloadLength > kMaxPayload) {
            return fail(ParseErrorCode::BadLength, start, "payload length above the largest tag");
        }
        const auto payloadSize = static_cast<std::size_t>(payloadLength);
        if (tnf == Tnf::Empty && (typeLength != 0 || idLength != 0 || payloadSize != 0)) {
            return fail(ParseErrorCode::BadLength, start, "empty record with a type, ID or payload");
        }
        if (tnf == Tnf::Unknown && typeLength != 0) {
            return fail(ParseErrorCode::BadLength, start, "unknown-type record with a type");
        }
        if (tnf != Tnf::Empty && tnf != Tnf::Unknown && typeLength == 0) {
            return fail(ParseErrorCode::BadLength, start, "record without its type");
        }
        const std::size_t left = size - at;
        if (typeLength > left || idLength > left - typeLength || payloadSize > left - typeLength - idLength) {
            return fail(ParseErrorCode::Truncated, start, "record runs past the message");
        }
        NdefRecord record;
        record.tnf = tnf;
        record.type.assign(data + at, data + at + typeLength);
        at += typeLength;
        record.id.assign(data + at, data + at + idLength);
        at += idLength;
        record.payload.assign(data + at, data + at + payloadSize);
        at += payloadSize;
        records.push_back(std::move(record));
        if ((header & kMe) != 0) {
            break;
        }
    }
    if (at != size) {
        return fail(ParseErrorCode::BadStructure, at, "bytes after the record carrying ME");
    }
    return NdefMessage(std::move(records));
}

const NdefRecord* NdefMessage::find(Tnf tnf, std::string_view type) const {
    for (const auto& record : records_) {
        if (record.typeIs(tnf, type)) {
            return &record;
        }
    }
    return nullptr;
}

std::optional<Bytes> NdefMessage::encode() const {
    if (records_.empty() || records_.size() > kMaxRecords) {
        return std::nullopt;
    }
    Bytes out;
    for (std::size_t i = 0; i < records_.size(); ++i) {
        const auto& record = records_[i];
        if (record.type.size() > 0xFF || record.id.size() > 0xFF || record.payload.size() > kMaxPayload ||
            record.tnf == Tnf::Unchanged || record.tnf == Tnf::Reserved) {
            return std::nullopt;
        }
        const bool shortRecord = record.payload.size() <= 0xFF;
        auto header = static_cast<std::uint8_t>(record.tnf);
        header = static_cast<std::uint8_t>(header | (i == 0 ? kMb : 0) | (i + 1 == records_.size() ? kMe : 0) |
                                           (shortRecord ? kSr : 0) | (record.id.empty() ? 0 : kIl));
        out.push_back(header);
        out.push_back(static_cast<std::uint8_t>(record.type.size()));
        const std::size_t length = record.payload.size();
        if (shortRecord) {
            out.push_back(static_cast<std::uint8_t>(length));
        } else {
            for (int shift = 24; shift >= 0; shift -= 8) {
                out.push_back(static_cast<std::uint8_t>((length >> shift) & 0xFF));
            }
        }
        if (!record.id.empty()) {
            out.push_back(static_cast<std::uint8_t>(record.id.size()));
        }
        out.insert(out.end(), record.type.begin(), record.type.end());
        out.insert(out.end(), record.id.begin(), record.id.end());
        out.insert(out.end(), record.payload.begin(), record.payload.end());
    }
    return out;
}

}  // namespace nfc::cards
