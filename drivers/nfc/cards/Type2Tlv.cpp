#include "nfc/cards/Type2Tlv.h"

#include <string>

namespace nfc::cards {

namespace {

loyalty::Unexpected<ParseError> fail(ParseErrorCode code, std::size_t offset, std::string message) {
    return loyalty::unexpected(ParseError{code, offset, std::move(message)});
}

}  // namespace

loyalty::Expected<TlvArea, ParseError> Type2Tlv::parse(const std::uint8_t* data, std::size_t size) {
    TlvArea area;
    std::size_t at = 0;
    while (at < size) {
        const std::uint8_t type = data[at];
        if (type == kNull) {
            ++at;
            continue;
        }
        if (type == kTerminator) {
            area.terminated = true;
            area.end = at + 1;
            return area;
        }
        const std::size_t start = at;
        if (size - at < 2) {
            return fail(ParseErrorCode::Truncated, start, "TLV length missing");
        }
        std::size_t length = data[at + 1];
        at += 2;
        if (length == 0xFF) {
            if (size - at < 2) {
                return fail(ParseErrorCode::Truncated, start, "3-byte TLV length missing");
            }
            length = (static_cast<std::size_t>(data[at]) << 8) | data[at + 1];
            at += 2;
            if (length < 0xFF || length == 0xFFFF) {
                return fail(ParseErrorCode::BadLength, start, "3-byte TLV length outside FF..FFFE");
            }
        }
        if (length > size - at) {
            return fail(ParseErrorCode::Truncated, start, "TLV value runs past the memory read");
        }
        if ((type == kLockControl || type == kMemoryControl) && length != 3) {
            return fail(ParseErrorCode::BadLength, start, "control TLV length is not 3");
        }
        if (area.blocks.size() >= kMaxBlocks) {
            return fail(ParseErrorCode::BadStructure, start, "too many TLV blocks");
        }
        area.blocks.push_back(Tlv{type, at, length});
        at += length;
    }
    area.end = at;
    return area;
}

std::optional<Tlv> Type2Tlv::firstNdef(const TlvArea& area) {
    for (const auto& block : area.blocks) {
        if (block.type == kNdef) {
            return block;
        }
    }
    return std::nullopt;
}

std::optional<Bytes> Type2Tlv::encodeNdef(const Bytes& message) {
    if (message.size() > 0xFFFE) {
        return std::nullopt;
    }
    Bytes out{kNdef};
    if (message.size() < 0xFF) {
        out.push_back(static_cast<std::uint8_t>(message.size()));
    } else {
        out.push_back(0xFF);
        out.push_back(static_cast<std::uint8_t>(message.size() >> 8));
        out.push_back(static_cast<std::uint8_t>(message.size() & 0xFF));
    }
    out.insert(out.end(), message.begin(), message.end());
    out.push_back(kTerminator);
    return out;
}

}  // namespace nfc::cards
