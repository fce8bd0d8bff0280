#include "storage/SyncStateRepository.h"

#include <charconv>

#include "storage/Rows.h"

namespace storage {

Status SyncStateRepository::set(std::string_view key, std::string_view value) {
    auto upsert = db_.prepare(
        "INSERT INTO sync_state (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    if (!upsert) {
        return failure(upsert);
    }
    return upsert->bind(1, key).bind(2, value).run();
}

Result<std::optional<std::string>> SyncStateRepository::get(std::string_view key) {
    auto select = db_.prepare("SELECT value FROM sync_state WHERE key = ?1");
    if (!select) {
        return failure(select);
    }
    auto row = select->bind(1, key).step();
    if (!row) {
        return failure(row);
    }
    if (!row.value()) {
        return std::optional<std::string>();
    }
    return std::optional<std::string>(select->columnText(0));
}

Status SyncStateRepository::erase(std::string_view key) {
    auto erase = db_.prepare("DELETE FROM sync_state WHERE key = ?1");
    if (!erase) {
        return failure(erase);
    }
    return erase->bind(1, key).run();
}

Result<std::optional<std::int64_t>> SyncStateRepository::lastSyncAtMs() {
    auto text = get(kLastSyncKey);
    if (!text) {
        return failure(text);
    }
    if (!text.value()) {
        return std::optional<std::int64_t>();
    }
    const std::string& value = *text.value();
    std::int64_t ms = 0;
    const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), ms);
    if (error != std::errc() || end != value.data() + value.size()) {
        return loyalty::unexpected(badStoredValue(db_.path(), "last sync time"));
    }
    return std::optional<std::int64_t>(ms);
}

Status SyncStateRepository::setLastSyncAtMs(std::int64_t wallMs) { return set(kLastSyncKey, std::to_string(wallMs)); }

}  // namespace storage
