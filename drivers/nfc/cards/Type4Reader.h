#pragma once
// The NDEF message of an NFC Forum Type 4 tag (NTAG 424 DNA) through
// CardTransport, as ISO/IEC 7816-4 APDUs: SELECT the NDEF application
// D2760000850101, SELECT file E104, READ BINARY 2 bytes of NLEN, then READ
// BINARY the message from offset 2 in chunks. The capability container is
// not read: NLEN is bounded by kMaxMessage instead, and every answer must be
// exactly the bytes asked for plus 90 00.

#include "loyalty/Expected.h"
#include "nfc/CardTransport.h"
#include "nfc/cards/CardFailure.h"

namespace nfc::cards {

class Type4Reader {
public:
    static constexpr std::size_t kMaxMessage = 1024;
    static constexpr std::size_t kChunk = 0xF0;  // well under a PN532 answer (262 bytes)

    Type4Reader(CardTransport& transport, int timeoutMs) : transport_(transport), timeoutMs_(timeoutMs) {}

    // Unreadable (transport, short answers) or UnknownFormat (no NDEF
    // application or file, NLEN 0 or too large).
    loyalty::Expected<Bytes, CardFailure> readNdefMessage();

private:
    loyalty::Expected<Bytes, CardFailure> exchange(const Bytes& apdu, std::size_t expectedData, const char* step);

    CardTransport& transport_;
    int timeoutMs_;
};

}  // namespace nfc::cards
