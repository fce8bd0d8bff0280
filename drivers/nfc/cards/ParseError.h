#pragma once
// How a bounded parser says no: a code the caller can act on (Truncated
// means "read more of the card and try again"), the offset in the input
// where it stopped and a technician-facing message.

#include <cstddef>
#include <string>

namespace nfc::cards {

enum class ParseErrorCode {
    Truncated,      // a length runs past the end of the input
    BadLength,      // a length field that is not allowed here
    BadStructure,   // flags or order that the format forbids (MB, ME, TNF, ...)
    Chunked,        // a chunked NDEF record (CF): refused, we never write them
    Unsupported,    // a well-formed value we do not take (version, prefix code)
    BadValue,       // a field with a value outside its range (hex, magic)
};

struct ParseError {
    ParseErrorCode code = ParseErrorCode::BadStructure;
    std::size_t offset = 0;
    std::string message;
};

std::string parseErrorCodeName(ParseErrorCode code);

}  // namespace nfc::cards
