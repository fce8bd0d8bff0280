#pragma once
// NDEF messages (NFC Forum NDEF 1.0): records with the header byte
// MB ME CF SR IL TNF(3), type length, payload length (1 byte with SR, else
// 4), optional ID length, then type, ID and payload. Parsing is bounded:
// every length is checked against what is left, the first record must carry
// MB, the last ME, nothing may follow ME. Chunked records (CF, TNF 6) are
// refused: we never write them and a reader that reassembles them is more
// attack surface than the kiosk needs.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "loyalty/Expected.h"
#include "nfc/CardTransport.h"
#include "nfc/cards/ParseError.h"

namespace nfc::cards {

enum class Tnf : std::uint8_t {
    Empty = 0x00,
    WellKnown = 0x01,
    Media = 0x02,
    AbsoluteUri = 0x03,
    External = 0x04,
    Unknown = 0x05,
    Unchanged = 0x06,
    Reserved = 0x07,
};

struct NdefRecord {
    Tnf tnf = Tnf::Empty;
    Bytes type;
    Bytes id;
    Bytes payload;

    bool typeIs(Tnf expectedTnf, std::string_view expectedType) const;
};

class NdefMessage {
public:
    static constexpr std::size_t kMaxRecords = 32;
    static constexpr std::size_t kMaxPayload = 0x10000;  // no NTAG or 424 file is larger

    static loyalty::Expected<NdefMessage, ParseError> parse(const std::uint8_t* data, std::size_t size);
    static loyalty::Expected<NdefMessage, ParseError> parse(const Bytes& data) {
        return parse(data.data(), data.size());
    }

    NdefMessage() = default;
    explicit NdefMessage(std::vector<NdefRecord> records) : records_(std::move(records)) {}

    const std::vector<NdefRecord>& records() const { return records_; }
    // The first record of this TNF and type (external types compare without
    // regard to case, as the NFC Forum RTD says).
    const NdefRecord* find(Tnf tnf, std::string_view type) const;

    // Short records (SR) when the payload fits in 255 bytes; MB/ME set.
    // nullopt when a length does not fit its field or there is no record.
    std::optional<Bytes> encode() const;

private:
    std::vector<NdefRecord> records_;
};

}  // namespace nfc::cards
