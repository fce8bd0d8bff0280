#include "sync/Downloader.h"

#include <chrono>

#include "storage/SyncStateRepository.h"

namespace kiosksync {

namespace {

std::string percentEncoded(const std::string& text) {
    static const char* const hex = "0123456789ABCDEF";
    std::string out;
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                                c == '-' || c == '.' || c == '_' || c == '~';
        if (unreserved) {
            out += c;
        } else {
            out += '%';
            out += hex[byte >> 4];
            out += hex[byte & 0x0f];
        }
    }
    return out;
}

}  // namespace

Downloader::Downloader(storage::Database& db, net::HttpClient& http, const SyncOptions& options)
    : db_(db), http_(http), options_(options) {}

std::string Downloader::pathFor(const std::string& cursor, std::size_t limit) {
    return "/v1/changes?cursor=" + percentEncoded(cursor) + "&limit=" + std::to_string(limit);
}

DownloadResult Downloader::downloadPage(std::size_t limit) {
    DownloadResult result;
    auto cursor = storage::SyncStateRepository(db_).cursor();
    if (!cursor) {
        result.kind = DownloadResult::Kind::StorageFailed;
        result.error = "kiosk database: " + cursor.error().describe();
        return result;
    }
    result.page.fromCursor = cursor->value_or(std::string());

    auto request = net::HttpRequest::get(pathFor(result.page.fromCursor, limit));
    request.timeout = options_.requestTimeout;
    request.connectTimeout = options_.connectTimeout;
    result.answer = HeadOfficeAnswer::of(http_.send(request));
    if (result.answer.kind == AnswerKind::Cancelled) {
        result.kind = DownloadResult::Kind::Stopped;
        return result;
    }
    if (!result.answer.usable()) {
        result.error = result.answer.error;
        return result;
    }
    auto page = ChangePage::parse(result.answer.response.body);
    if (!page) {
        result.error = "malformed page of changes from head office: " + page.error();
        return result;
    }
    const std::int64_t now = std::chrono::duration_cast<std::chrono::milliseconds>(
                                 std::chrono::system_clock::now().time_since_epoch())
                                 .count();
    auto applied = ChangeApplier(db_).apply(*page, now);
    if (!applied) {
        result.kind = DownloadResult::Kind::StorageFailed;
        result.error = "kiosk database: " + applied.error().describe();
        return result;
    }
    result.kind = DownloadResult::Kind::Applied;
    result.report = std::move(applied.value());
    result.page.nextCursor = page->nextCursor;
    result.page.changes = page->changes.size() + page->unknownKinds;
    result.page.skipped = result.report.skipped + page->unknownKinds;
    result.page.more = page->more;
    return result;
}

}  // namespace kiosksync
