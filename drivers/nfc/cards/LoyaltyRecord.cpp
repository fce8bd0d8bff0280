#include "nfc/cards/LoyaltyRecord.h"

#include <algorithm>

#include "nfc/cards/Hex.h"

namespace nfc::cards {

namespace {

constexpr std::string_view kMagic = "CR-LOYALTY-CARD";

template <class T>
void putBigEndian(Bytes& out, T value) {
    for (int shift = static_cast<int>(sizeof(T) * 8) - 8; shift >= 0; shift -= 8) {
        out.push_back(static_cast<std::uint8_t>((value >> shift) & 0xFF));
    }
}

template <class T>
T getBigEndian(const std::uint8_t* data) {
    T value = 0;
    for (std::size_t i = 0; i < sizeof(T); ++i) {
        value = static_cast<T>((value << 8) | data[i]);
    }
    return value;
}

loyalty::Unexpected<ParseError> fail(ParseErrorCode code, std::size_t offset, std::string message) {
    return loyalty::unexpected(ParseError{code, offset, std::move(message)});
}

}  // namespace

Bytes LoyaltyRecord::signedMessage(const Bytes& uid, std::uint64_t cardId, std::uint32_t kioskKeyId,
                                   std::uint64_t issuedAt) {
    Bytes message(kMagic.begin(), kMagic.end());
    message.push_back(kVersion);
    message.push_back(static_cast<std::uint8_t>(uid.size()));
    message.insert(message.end(), uid.begin(), uid.end());
    putBigEndian(message, cardId);
    putBigEndian(message, kioskKeyId);
    putBigEndian(message, issuedAt);
    return message;
}

Bytes LoyaltyRecord::encodePayload() const {
    Bytes out{kVersion, certificate ? kFlagCertificate : std::uint8_t{0}, static_cast<std::uint8_t>(uid.size())};
    out.insert(out.end(), uid.begin(), uid.end());
    putBigEndian(out, cardId);
    putBigEndian(out, kioskKeyId);
    putBigEndian(out, issuedAt);
    out.insert(out.end(), signature.begin(), signature.end());
    if (certificate) {
        const Bytes encoded = certificate->encode();
        out.insert(out.end(), encoded.begin(), encoded.end());
    }
    return out;
}

loyalty::Expected<LoyaltyRecord, ParseError> LoyaltyRecord::decodePayload(const Bytes& payload) {
    if (payload.size() < 3) {
        return fail(ParseErrorCode::Truncated, 0, "loyalty record header missing");
    }
    if (payload[0] != kVersion) {
        return fail(ParseErrorCode::Unsupported, 0, "loyalty record version " + std::to_string(payload[0]));
    }
    const std::uint8_t flags = payload[1];
    if ((flags & ~kFlagCertificate) != 0) {
        return fail(ParseErrorCode::BadValue, 1, "unknown loyalty record flags");
    }
    const std::size_t uidLength = payload[2];
    if (uidLength != 4 && uidLength != 7 && uidLength != 10) {
        return fail(ParseErrorCode::BadLength, 2, "UID length is not 4, 7 or 10");
    }
    const bool withCertificate = (flags & kFlagCertificate) != 0;
    const std::size_t expected = 3 + uidLength + 8 + 4 + 8 + 64 + (withCertificate ? KioskCertificate::kSize : 0);
    if (payload.size() != expected) {
        return fail(payload.size() < expected ? ParseErrorCode::Truncated : ParseErrorCode::BadLength, 0,
                    "loyalty record payload has " + std::to_string(payload.size()) + " bytes, expected " +
                        std::to_string(expected));
    }
    LoyaltyRecord record;
    const std::uint8_t* at = payload.data() + 3;
    record.uid.assign(at, at + uidLength);
    at += uidLength;
    record.cardId = getBigEndian<std::uint64_t>(at);
    at += 8;
    record.kioskKeyId = getBigEndian<std::uint32_t>(at);
    at += 4;
    record.issuedAt = getBigEndian<std::uint64_t>(at);
    at += 8;
    std::copy_n(at, 64, record.signature.begin());
    at += 64;
    if (withCertificate) {
        auto certificate = KioskCertificate::decode(at, KioskCertificate::kSize);
        if (!certificate) {
            return loyalty::unexpected(certificate.error());
        }
        record.certificate = *certificate;
    }
    return record;
}

NdefRecord LoyaltyRecord::toNdef() const {
    NdefRecord record;
    record.tnf = Tnf::External;
    record.type.assign(kType.begin(), kType.end());
    record.payload = encodePayload();
    return record;
}

loyalty::Expected<std::optional<LoyaltyRecord>, ParseError> LoyaltyRecord::findIn(const NdefMessage& message) {
    const NdefRecord* record = message.find(Tnf::External, kType);
    if (!record) {
        return std::optional<LoyaltyRecord>();
    }
    auto decoded = decodePayload(record->payload);
    if (!decoded) {
        return loyalty::unexpected(decoded.error());
    }
    return std::optional<LoyaltyRecord>(std::move(*decoded));
}

std::string LoyaltyRecord::identity() const {
    return identityOf(cardId);
}

std::string LoyaltyRecord::identityOf(std::uint64_t cardId) {
    Bytes bytes;
    putBigEndian(bytes, cardId);
    return "n:" + Hex::encode(bytes);
}

}  // namespace nfc::cards
