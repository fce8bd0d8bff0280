#pragma once
// NTAG 213/215/216 through CardTransport: the type from GET_VERSION, memory
// with FAST_READ in chunks (a PN532 answer holds at most 262 bytes, so at
// most 60 pages per read), pages written one by one with WRITE (A2). The
// NDEF area is read only as far as its TLVs need: the first read covers a
// compact loyalty record, later reads only happen for longer messages.

#include <array>
#include <cstdint>
#include <optional>
#include <string>

#include "loyalty/Expected.h"
#include "nfc/CardTransport.h"
#include "nfc/cards/CardFailure.h"

namespace nfc::cards {

struct NtagModel {
    std::string name;                  // "NTAG213"
    std::uint16_t pages = 0;           // 45, 135, 231
    std::uint16_t lastUserPage = 0;    // the page before the dynamic lock bytes
    std::uint16_t dynamicLockPage = 0;

    std::size_t userBytes() const { return static_cast<std::size_t>(lastUserPage - 3) * 4; }
};

struct NtagContent {
    std::array<std::uint8_t, 8> header{};  // page 2 (UID tail, lock bytes) and page 3 (capability container)
    Bytes user;                            // from page 4, as far as it was read
    std::optional<Bytes> ndef;             // the first NDEF TLV's value, when there is one and it is not empty
};

class NtagReader {
public:
    static constexpr std::uint16_t kFirstUserPage = 4;
    static constexpr std::uint16_t kMaxPagesPerRead = 60;
    static constexpr std::uint16_t kFirstReadPages = 34;  // pages 2..35: header and a compact record

    NtagReader(CardTransport& transport, int timeoutMs) : transport_(transport), timeoutMs_(timeoutMs) {}

    // NTAG213/215/216 from the 8 GET_VERSION bytes; nullopt for anything else.
    static std::optional<NtagModel> modelFromVersion(const Bytes& version);

    // UnknownFormat when the card answers but is not an NTAG21x; Unreadable
    // when the transport failed. A NAK or timeout is UnknownFormat (a tag
    // without GET_VERSION NAKs it).
    loyalty::Expected<NtagModel, CardFailure> detect();
    loyalty::Expected<Bytes, CardFailure> readPages(std::uint16_t first, std::uint16_t last);
    // Unreadable (transport) or UnknownFormat (TLVs that do not parse).
    loyalty::Expected<NtagContent, CardFailure> readNdefArea(const NtagModel& model);
    loyalty::Expected<bool, CardFailure> writePage(std::uint16_t page, const std::array<std::uint8_t, 4>& data);

private:
    CardTransport& transport_;
    int timeoutMs_;
};

}  // namespace nfc::cards
