#include "nfc/cards/Type4Reader.h"

#include <algorithm>

#include "nfc/cards/Hex.h"

namespace nfc::cards {

namespace {

loyalty::Unexpected<CardFailure> refuse(CardRefusal refusal, std::string detail) {
    return loyalty::unexpected(CardFailure{refusal, std::move(detail)});
}

}  // namespace

loyalty::Expected<Bytes, CardFailure> Type4Reader::exchange(const Bytes& apdu, std::size_t expectedData,
                                                            const char* step) {
    const auto answer = transport_.transceive(apdu, timeoutMs_);
    if (!answer) {
        return refuse(CardRefusal::Unreadable, std::string(step) + ": " + answer.error().message);
    }
    if (answer->size() < 2) {
        return refuse(CardRefusal::Unreadable, std::string(step) + ": answer without status word");
    }
    const std::uint8_t sw1 = (*answer)[answer->size() - 2];
    const std::uint8_t sw2 = (*answer)[answer->size() - 1];
    if (sw1 != 0x90 || sw2 != 0x00) {
        return refuse(CardRefusal::UnknownFormat, std::string(step) + ": status " + Hex::encode(Bytes{sw1, sw2}));
    }
    if (answer->size() - 2 != expectedData) {
        return refuse(CardRefusal::Unreadable, std::string(step) + ": " + std::to_string(answer->size() - 2) +
                                                   " bytes instead of " + std::to_string(expectedData));
    }
    return Bytes(answer->begin(), answer->end() - 2);
}

loyalty::Expected<Bytes, CardFailure> Type4Reader::readNdefMessage() {
    const Bytes selectApplication{0x00, 0xA4, 0x04, 0x00, 0x07, 0xD2, 0x76, 0x00, 0x00, 0x85, 0x01, 0x01, 0x00};
    const Bytes selectNdefFile{0x00, 0xA4, 0x00, 0x0C, 0x02, 0xE1, 0x04};
    const Bytes readLength{0x00, 0xB0, 0x00, 0x00, 0x02};
    if (auto r = exchange(selectApplication, 0, "SELECT NDEF application"); !r) {
        return r;
    }
    if (auto r = exchange(selectNdefFile, 0, "SELECT E104"); !r) {
        return r;
    }
    const auto nlen = exchange(readLength, 2, "READ NLEN");
    if (!nlen) {
        return nlen;
    }
    const std::size_t length = (static_cast<std::size_t>((*nlen)[0]) << 8) | (*nlen)[1];
    if (length == 0 || length > kMaxMessage) {
        return refuse(CardRefusal::UnknownFormat, "NLEN " + std::to_string(length) + " is empty or too large");
    }
    Bytes message;
    message.reserve(length);
    while (message.size() < length) {
        const std::size_t offset = 2 + message.size();
        const std::size_t count = std::min(kChunk, length - message.size());
        const Bytes read{0x00, 0xB0, static_cast<std::uint8_t>(offset >> 8), static_cast<std::uint8_t>(offset & 0xFF),
                         static_cast<std::uint8_t>(count)};
        const auto chunk = exchange(read, count, "READ BINARY");
        if (!chunk) {
            return chunk;
        }
        message.insert(message.end(), chunk->begin(), chunk->end());
    }
    return message;
}

}  // namespace nfc::cards
