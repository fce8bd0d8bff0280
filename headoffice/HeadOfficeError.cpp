#include "headoffice/HeadOfficeError.h"

namespace headoffice {

std::string errorCodeName(ErrorCode code) {
    switch (code) {
        case ErrorCode::InvalidInput: return "invalid input";
        case ErrorCode::NotFound: return "not found";
        case ErrorCode::Conflict: return "conflict";
        case ErrorCode::Busy: return "busy";
        case ErrorCode::Unavailable: return "unavailable";
        case ErrorCode::Internal: return "internal";
    }
    return "internal";
}

}  // namespace headoffice
