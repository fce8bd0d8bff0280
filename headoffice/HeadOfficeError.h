#pragma once
// Expected head-office failures, as values: what went wrong, in a sentence
// an operator can act on. Never personal data, never a token.

#include <string>

#include "loyalty/Expected.h"

namespace headoffice {

enum class ErrorCode {
    InvalidInput,  // a request, file or argument that is wrong (the message says where)
    NotFound,
    Conflict,      // a uniqueness rule of the store (e.g. a card token used twice)
    Busy,          // the store is locked by another writer beyond its timeout: try again
    Unavailable,   // the store cannot be reached (PostgreSQL down, file unreadable)
    Internal,      // a bug or an unexpected answer from a library
};

struct Error {
    ErrorCode code = ErrorCode::Internal;
    std::string message;
};

struct Done {};

template <class T>
using Result = loyalty::Expected<T, Error>;
using Status = Result<Done>;

inline loyalty::Unexpected<Error> failure(ErrorCode code, std::string message) {
    return loyalty::unexpected(Error{code, std::move(message)});
}

std::string errorCodeName(ErrorCode code);

}  // namespace headoffice
