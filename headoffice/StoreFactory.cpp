#include "headoffice/StoreFactory.h"

#include "headoffice/PostgresStore.h"
#include "headoffice/SqliteStore.h"

namespace headoffice {

bool StoreFactory::isPostgres(const std::string& url) {
    return url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0;
}

Result<std::unique_ptr<Store>> StoreFactory::open(const std::string& url) {
    if (url.empty()) {
        return failure(ErrorCode::InvalidInput, "no store given (sqlite:PATH, a file path or postgresql://...)");
    }
    if (isPostgres(url)) {
        auto store = PostgresStore::open(url);
        if (!store) {
            return loyalty::unexpected(store.error());
        }
        return std::unique_ptr<Store>(std::move(*store));
    }
    std::string path = url.rfind("sqlite:", 0) == 0 ? url.substr(7) : url;
    bool fullSync = false;
    const auto query = path.rfind('?');
    if (query != std::string::npos) {
        const std::string option = path.substr(query + 1);
        if (option != "synchronous=full" && option != "synchronous=normal") {
            return failure(ErrorCode::InvalidInput, "unknown SQLite store option \"" + option.substr(0, 40) +
                                                        "\" (known: synchronous=full, synchronous=normal)");
        }
        fullSync = option == "synchronous=full";
        path = path.substr(0, query);
    }
    if (path.empty()) {
        return failure(ErrorCode::InvalidInput, "sqlite: needs a file path (sqlite:/var/lib/headoffice/store.db)");
    }
    if (path.find("://") != std::string::npos) {
        return failure(ErrorCode::InvalidInput, "unknown store URL scheme in \"" + path.substr(0, path.find("://")) +
                                                    "://\" (use sqlite:PATH or postgresql://...)");
    }
    auto store = SqliteStore::open(path, fullSync);
    if (!store) {
        return loyalty::unexpected(store.error());
    }
    return std::unique_ptr<Store>(std::move(*store));
}

}  // namespace headoffice
