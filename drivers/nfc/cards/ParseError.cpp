#include "nfc/cards/ParseError.h"

namespace nfc::cards {

std::string parseErrorCodeName(ParseErrorCode code) {
    switch (code) {
        case ParseErrorCode::Truncated:
            return "truncated";
        case ParseErrorCode::BadLength:
            return "bad length";
        case ParseErrorCode::BadStructure:
            return "bad structure";
        case ParseErrorCode::Chunked:
            return "chunked record";
        case ParseErrorCode::Unsupported:
            return "unsupported";
        case ParseErrorCode::BadValue:
            return "bad value";
    }
    return "unknown";
}

}  // namespace nfc::cards
