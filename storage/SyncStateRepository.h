#pragma once
// The sync layer's small state (table sync_state): string keys and values.
// Two keys have names and typed helpers here: the change cursor and the time
// of the last successful exchange with head office.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "storage/Database.h"

namespace storage {

class SyncStateRepository {
public:
    static constexpr std::string_view kCursorKey = "cursor";
    static constexpr std::string_view kLastSyncKey = "last_sync_at";  // Unix ms, decimal

    explicit SyncStateRepository(Database& db) : db_(db) {}

    Status set(std::string_view key, std::string_view value);
    Result<std::optional<std::string>> get(std::string_view key);
    Status erase(std::string_view key);

    Result<std::optional<std::string>> cursor() { return get(kCursorKey); }
    Status setCursor(std::string_view cursor) { return set(kCursorKey, cursor); }

    // nullopt before the first successful sync. A stored value that is not a
    // number reads as Internal.
    Result<std::optional<std::int64_t>> lastSyncAtMs();
    Status setLastSyncAtMs(std::int64_t wallMs);

private:
    Database& db_;
};

}  // namespace storage
