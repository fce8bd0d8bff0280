#pragma once
// Applies one page of changes and its next cursor in ONE transaction
// (docs/sync-protocol.md, "Download"): a crash or a lost answer repeats a
// page, never skips one. Through storage's repositories only:
//
//   member        MemberRepository::upsert (confirmed_balance = head office's
//                 balance; with an "earned" history, earned_points = that
//                 history + the earns still pending here)
//   card          CardRepository::link, then setStatus when not active
//   staff         StaffRepository::upsert
//   catalogue     CatalogueRepository::upsert / remove
//   reward_total  RewardTotals::set
//   delete        member: blocked; card: blocked; staff: inactive; catalogue:
//                 removed; reward total: 0 (the kiosk keeps no tombstones)
//
// A change the kiosk's data refuses (Constraint, NotFound, InvalidArgument:
// a card linked here to another member, a staff card token held by someone
// else) is skipped and reported, so one such change cannot stop the feed;
// any other storage failure rolls the whole page back.

#include <cstdint>
#include <string>
#include <vector>

#include "storage/Database.h"
#include "sync/ChangePage.h"

namespace kiosksync {

struct ApplyReport {
    std::size_t applied = 0;
    std::size_t skipped = 0;
    std::vector<std::string> notes;  // one per skipped change: kind and the storage error (no names)
};

class ChangeApplier {
public:
    explicit ChangeApplier(storage::Database& db) : db_(db) {}

    // The page's changes, its next cursor and last_sync_at = nowMs, all or nothing.
    storage::Result<ApplyReport> apply(const ChangePage& page, std::int64_t nowMs);

private:
    storage::Status applyOne(const Change& change, std::int64_t nowMs);
    storage::Status removeOne(const Change& change, std::int64_t nowMs);

    storage::Database& db_;
};

}  // namespace kiosksync
