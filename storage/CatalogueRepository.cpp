#include "storage/CatalogueRepository.h"

#include <nlohmann/json.hpp>

#include "storage/Rows.h"

namespace storage {

namespace {

CatalogueItem itemFrom(CatalogueKind kind, const Statement& s) {
    return CatalogueItem{kind, s.columnText(0), s.columnText(1), s.columnInt64(2)};
}

}  // namespace

Status CatalogueRepository::upsert(CatalogueKind kind, std::string_view id, std::string_view jsonBody,
                                   std::int64_t nowMs) {
    if (id.empty()) {
        return loyalty::unexpected(StorageError{ErrorCode::InvalidArgument, "a catalogue item needs an id", 0});
    }
    // accept() only parses: it never throws for bad input.
    if (!nlohmann::json::accept(jsonBody)) {
        return loyalty::unexpected(StorageError{ErrorCode::InvalidArgument,
                                                "catalogue " + std::string(catalogueKindName(kind)) + " " +
                                                    std::string(id) + ": the body is not valid JSON",
                                                0});
    }
    auto upsert = db_.prepare(
        "INSERT INTO catalogue (kind, id, body, updated_at) VALUES (?1, ?2, ?3, ?4) "
        "ON CONFLICT (kind, id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at");
    if (!upsert) {
        return failure(upsert);
    }
    return upsert->bind(1, catalogueKindName(kind)).bind(2, id).bind(3, jsonBody).bind(4, nowMs).run();
}

Status CatalogueRepository::remove(CatalogueKind kind, std::string_view id) {
    auto erase = db_.prepare("DELETE FROM catalogue WHERE kind = ?1 AND id = ?2");
    if (!erase) {
        return failure(erase);
    }
    return erase->bind(1, catalogueKindName(kind)).bind(2, id).run();
}

Result<std::optional<CatalogueItem>> CatalogueRepository::get(CatalogueKind kind, std::string_view id) {
    auto select = db_.prepare("SELECT id, body, updated_at FROM catalogue WHERE kind = ?1 AND id = ?2");
    if (!select) {
        return failure(select);
    }
    auto row = select->bind(1, catalogueKindName(kind)).bind(2, id).step();
    if (!row) {
        return failure(row);
    }
    if (!row.value()) {
        return std::optional<CatalogueItem>();
    }
    return std::optional<CatalogueItem>(itemFrom(kind, *select));
}

Result<std::vector<CatalogueItem>> CatalogueRepository::list(CatalogueKind kind) {
    auto select = db_.prepare("SELECT id, body, updated_at FROM catalogue WHERE kind = ?1 ORDER BY id");
    if (!select) {
        return failure(select);
    }
    select->bind(1, catalogueKindName(kind));
    std::vector<CatalogueItem> items;
    if (auto done = forEachRow(*select, [&](Statement& s) { items.push_back(itemFrom(kind, s)); }); !done) {
        return failure(done);
    }
    return items;
}

}  // namespace storage
