#pragma once
// One page of GET /v1/changes (docs/sync-protocol.md, "Download"), read
// completely before anything is applied: a page with any malformed entry,
// or without next_cursor and more, is an error and changes nothing.
// Entries of a kind this kiosk does not know are counted and left out
// (a newer head office may add kinds).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "loyalty/Expected.h"
#include "storage/CardRepository.h"
#include "storage/MemberRepository.h"
#include "storage/StaffRepository.h"
#include "storage/StoredValues.h"

namespace kiosksync {

enum class ChangeKind { Member, Card, Staff, Catalogue, RewardTotal };

struct Change {
    ChangeKind kind = ChangeKind::Member;
    bool remove = false;  // op "delete": only kind and id
    std::string id;       // as in the entry (catalogue: "<kind>:<id>")

    storage::MemberRecord member;  // Member upsert
    storage::CardRecord card;      // Card upsert
    storage::StaffRecord staff;    // Staff upsert
    storage::CatalogueKind catalogueKind = storage::CatalogueKind::Reward;  // Catalogue
    std::string catalogueId;                                               // Catalogue
    std::string catalogueBody;  // Catalogue upsert: the item as compact JSON
    std::int32_t redeemed = 0;  // RewardTotal upsert (id is the reward id)
};

struct ChangePage {
    std::vector<Change> changes;
    std::size_t unknownKinds = 0;
    std::string nextCursor;
    bool more = false;

    static loyalty::Expected<ChangePage, std::string> parse(std::string_view body);
};

}  // namespace kiosksync
