#pragma once
// Expected storage failures, as values. Each carries a code the caller can
// act on (serve read-only, ask for the technician, retry) and a message that
// names the file and what to do. Never personal data.

#include <string>

#include "loyalty/Expected.h"

namespace storage {

enum class ErrorCode {
    CannotOpen,    // missing directory, permissions
    Corrupt,       // not a database, or integrity check failed (file moved aside)
    SchemaTooNew,  // written by a newer program
    DiskFull,      // SQLITE_FULL, including max_page_count
    ReadOnly,      // read-only file, directory or filesystem
    Busy,          // locked by another process beyond the busy timeout
    Constraint,    // a uniqueness or check constraint (e.g. a duplicate event id)
    Io,            // other I/O failure
    NotFound,
    InvalidArgument,
    Internal,      // a misuse or an unexpected SQLite answer
};

struct StorageError {
    ErrorCode code = ErrorCode::Internal;
    std::string message;
    int sqliteCode = 0;  // extended result code, 0 when not from SQLite
    std::string describe() const;
};

struct Done {};

template <class T>
using Result = loyalty::Expected<T, StorageError>;
using Status = Result<Done>;

std::string errorCodeName(ErrorCode code);

}  // namespace storage
