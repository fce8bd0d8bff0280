#include "nfc/cards/NtagReader.h"

#include <algorithm>

#include "nfc/cards/Type2Tlv.h"

namespace nfc::cards {

namespace {

constexpr std::uint8_t kGetVersion = 0x60;
constexpr std::uint8_t kFastRead = 0x3A;
constexpr std::uint8_t kWrite = 0xA2;

loyalty::Unexpected<CardFailure> refuse(CardRefusal refusal, std::string detail) {
    return loyalty::unexpected(CardFailure{refusal, std::move(detail)});
}

std::string transportText(const TransportFailure& failure) {
    switch (failure.code) {
        case TransportError::Timeout:
            return "timeout: " + failure.message;
        case TransportError::Nak:
            return "NAK: " + failure.message;
        case TransportError::Io:
            return "reader I/O: " + failure.message;
        case TransportError::TooLong:
            return "answer too long: " + failure.message;
    }
    return failure.message;
}

}  // namespace

std::optional<NtagModel> NtagReader::modelFromVersion(const Bytes& version) {
    // header 00, vendor 04 (NXP), type 04 (NTAG), subtype 02, major 01, minor 00, size, protocol 03
    if (version.size() != 8 || version[0] != 0x00 || version[1] != 0x04 || version[2] != 0x04 ||
        version[3] != 0x02 || version[4] != 0x01 || version[5] != 0x00 || version[7] != 0x03) {
        return std::nullopt;
    }
    switch (version[6]) {
        case 0x0F:
            return NtagModel{"NTAG213", 45, 0x27, 0x28};
        case 0x11:
            return NtagModel{"NTAG215", 135, 0x81, 0x82};
        case 0x13:
            return NtagModel{"NTAG216", 231, 0xE1, 0xE2};
        default:
            return std::nullopt;
    }
}

loyalty::Expected<NtagModel, CardFailure> NtagReader::detect() {
    const auto answer = transport_.transceive(Bytes{kGetVersion}, timeoutMs_);
    if (!answer) {
        const bool io = answer.error().code == TransportError::Io;
        return refuse(io ? CardRefusal::Unreadable : CardRefusal::UnknownFormat,
                      "GET_VERSION: " + transportText(answer.error()));
    }
    auto model = modelFromVersion(*answer);
    if (!model) {
        return refuse(CardRefusal::UnknownFormat, "GET_VERSION does not name an NTAG213/215/216");
    }
    return *model;
}

loyalty::Expected<Bytes, CardFailure> NtagReader::readPages(std::uint16_t first, std::uint16_t last) {
    if (first > last || last > 0xFF) {
        return refuse(CardRefusal::Unreadable, "page range out of order");
    }
    Bytes out;
    for (unsigned start = first; start <= last; start += kMaxPagesPerRead) {
        const unsigned end = std::min<unsigned>(last, start + kMaxPagesPerRead - 1);
        const auto answer = transport_.transceive(
            Bytes{kFastRead, static_cast<std::uint8_t>(start), static_cast<std::uint8_t>(end)}, timeoutMs_);
        if (!answer) {
            return refuse(CardRefusal::Unreadable, "FAST_READ: " + transportText(answer.error()));
        }
        if (answer->size() != (end - start + 1) * 4) {
            return refuse(CardRefusal::Unreadable, "FAST_READ answered " + std::to_string(answer->size()) + " bytes");
        }
        out.insert(out.end(), answer->begin(), answer->end());
    }
    return out;
}

loyalty::Expected<NtagContent, CardFailure> NtagReader::readNdefArea(const NtagModel& model) {
    NtagContent content;
    std::uint16_t next = std::min<std::uint16_t>(static_cast<std::uint16_t>(2 + kFirstReadPages - 1), model.lastUserPage);
    auto first = readPages(2, next);
    if (!first) {
        return loyalty::unexpected(first.error());
    }
    std::copy_n(first->begin(), 8, content.header.begin());
    content.user.assign(first->begin() + 8, first->end());
    if (content.header[4] != 0xE1) {
        return content;  // not NDEF formatted: no capability container magic
    }
    // The data area the capability container declares, bounded by the model.
    const std::size_t declared = static_cast<std::size_t>(content.header[6]) * 8;
    const std::size_t area = std::min(declared, model.userBytes());
    while (true) {
        const std::size_t usable = std::min(area, content.user.size());
        const auto tlvs = Type2Tlv::parse(content.user.data(), usable);
        if (tlvs) {
            const auto ndef = Type2Tlv::firstNdef(*tlvs);
            if (ndef && ndef->valueLength > 0) {
                content.ndef = Bytes(content.user.begin() + static_cast<std::ptrdiff_t>(ndef->valueOffset),
                                     content.user.begin() + static_cast<std::ptrdiff_t>(ndef->valueOffset + ndef->valueLength));
            }
            return content;
        }
        if (tlvs.error().code != ParseErrorCode::Truncated || content.user.size() >= area || next >= model.lastUserPage) {
            return refuse(CardRefusal::UnknownFormat, "TLV area: " + tlvs.error().message);
        }
        const std::uint16_t from = static_cast<std::uint16_t>(next + 1);
        next = std::min<std::uint16_t>(static_cast<std::uint16_t>(from + kMaxPagesPerRead - 1), model.lastUserPage);
        auto more = readPages(from, next);
        if (!more) {
            return loyalty::unexpected(more.error());
        }
        content.user.insert(content.user.end(), more->begin(), more->end());
    }
}

loyalty::Expected<bool, CardFailure> NtagReader::writePage(std::uint16_t page, const std::array<std::uint8_t, 4>& data) {
    const auto answer = transport_.transceive(
        Bytes{kWrite, static_cast<std::uint8_t>(page), data[0], data[1], data[2], data[3]}, timeoutMs_);
    if (!answer) {
        return refuse(CardRefusal::Unreadable, "WRITE page " + std::to_string(page) + ": " + transportText(answer.error()));
    }
    // The PN532 consumes the 4-bit ACK (0A) and answers with no data.
    if (!answer->empty() && !(answer->size() == 1 && (*answer)[0] == 0x0A)) {
        return refuse(CardRefusal::Unreadable, "WRITE page " + std::to_string(page) + " not acknowledged");
    }
    return true;
}

}  // namespace nfc::cards
