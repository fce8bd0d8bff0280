#pragma once
// One page of the change feed: GET /v1/changes?cursor=C&limit=N with the
// stored cursor, read completely (ChangePage), applied with its cursor in
// one transaction (ChangeApplier). Runs on the sync thread.

#include <cstddef>
#include <string>

#include "net/HttpClient.h"
#include "storage/Database.h"
#include "sync/ChangeApplier.h"
#include "sync/HeadOfficeAnswer.h"
#include "sync/SyncOptions.h"

namespace kiosksync {

struct DownloadResult {
    enum class Kind {
        Applied,        // the page and its cursor are stored
        NoAnswer,       // no complete, well-formed page (see `answer`, `error`): nothing changed
        StorageFailed,  // this kiosk's database failed: nothing changed
        Stopped,
    };
    Kind kind = Kind::NoAnswer;
    PageApplied page;
    ApplyReport report;
    HeadOfficeAnswer answer;
    std::string error;
};

class Downloader {
public:
    Downloader(storage::Database& db, net::HttpClient& http, const SyncOptions& options);

    DownloadResult downloadPage(std::size_t limit);

    // "/v1/changes?cursor=<percent-encoded>&limit=N"
    static std::string pathFor(const std::string& cursor, std::size_t limit);

private:
    storage::Database& db_;
    net::HttpClient& http_;
    const SyncOptions& options_;
};

}  // namespace kiosksync
