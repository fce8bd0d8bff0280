#include "storage/StorageError.h"

namespace storage {

std::string errorCodeName(ErrorCode code) {
    switch (code) {
        case ErrorCode::CannotOpen: return "cannot_open";
        case ErrorCode::Corrupt: return "corrupt";
        case ErrorCode::SchemaTooNew: return "schema_too_new";
        case ErrorCode::DiskFull: return "disk_full";
        case ErrorCode::ReadOnly: return "read_only";
        case ErrorCode::Busy: return "busy";
        case ErrorCode::Constraint: return "constraint";
        case ErrorCode::Io: return "io";
        case ErrorCode::NotFound: return "not_found";
        case ErrorCode::InvalidArgument: return "invalid_argument";
        case ErrorCode::Internal: return "internal";
    }
    return "internal";
}

std::string StorageError::describe() const { return errorCodeName(code) + ": " + message; }

}  // namespace storage
