#pragma once
// Opens the store a URL names:
//   sqlite:PATH or a plain PATH        SqliteStore (the file is created when missing);
//                                      PATH?synchronous=full for an fsync per batch
//   postgresql://... or postgres://...  PostgresStore (libpq connection URI)

#include <memory>
#include <string>

#include "headoffice/HeadOfficeError.h"
#include "headoffice/Store.h"

namespace headoffice {

class StoreFactory {
public:
    static Result<std::unique_ptr<Store>> open(const std::string& url);
    static bool isPostgres(const std::string& url);
};

}  // namespace headoffice
