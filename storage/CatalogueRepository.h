#pragma once
// The programme catalogue as head office pushed it (table catalogue): one
// JSON document per tier, reward, offer, promotion or stamp card. Storage
// keeps the documents as text; app/config turns them into loyalty::Program.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "storage/Database.h"
#include "storage/StoredValues.h"

namespace storage {

struct CatalogueItem {
    CatalogueKind kind = CatalogueKind::Reward;
    std::string id;
    std::string body;  // JSON
    std::int64_t updatedAt = 0;
};

class CatalogueRepository {
public:
    explicit CatalogueRepository(Database& db) : db_(db) {}

    // Inserts or replaces one document. InvalidArgument for an empty id or a
    // body that is not valid JSON.
    Status upsert(CatalogueKind kind, std::string_view id, std::string_view jsonBody, std::int64_t nowMs);
    // Removes one document (an item withdrawn by head office); no error when absent.
    Status remove(CatalogueKind kind, std::string_view id);

    Result<std::optional<CatalogueItem>> get(CatalogueKind kind, std::string_view id);
    // Every document of one kind, by id.
    Result<std::vector<CatalogueItem>> list(CatalogueKind kind);

private:
    Database& db_;
};

}  // namespace storage
