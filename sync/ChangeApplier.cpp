#include "sync/ChangeApplier.h"

#include "storage/CardRepository.h"
#include "storage/CatalogueRepository.h"
#include "storage/MemberRepository.h"
#include "storage/RewardTotals.h"
#include "storage/StaffRepository.h"
#include "storage/SyncStateRepository.h"
#include "storage/Transaction.h"

namespace kiosksync {

namespace {

const char* kindName(ChangeKind kind) {
    switch (kind) {
        case ChangeKind::Member: return "member";
        case ChangeKind::Card: return "card";
        case ChangeKind::Staff: return "staff";
        case ChangeKind::Catalogue: return "catalogue";
        case ChangeKind::RewardTotal: return "reward_total";
    }
    return "change";
}

// Refusals that concern this one change, not the database.
bool skippable(storage::ErrorCode code) {
    return code == storage::ErrorCode::Constraint || code == storage::ErrorCode::NotFound ||
           code == storage::ErrorCode::InvalidArgument;
}

}  // namespace

storage::Status ChangeApplier::applyOne(const Change& change, std::int64_t nowMs) {
    if (change.remove) {
        return removeOne(change, nowMs);
    }
    switch (change.kind) {
        case ChangeKind::Member: return storage::MemberRepository(db_).upsert(change.member, nowMs);
        case ChangeKind::Card:
            return storage::CardRepository(db_).assignFromHeadOffice(change.card.token, change.card.memberId,
                                                                     change.card.kind, change.card.status, nowMs);
        case ChangeKind::Staff: return storage::StaffRepository(db_).upsert(change.staff, nowMs);
        case ChangeKind::Catalogue:
            return storage::CatalogueRepository(db_).upsert(change.catalogueKind, change.catalogueId,
                                                            change.catalogueBody, nowMs);
        case ChangeKind::RewardTotal: return storage::RewardTotals(db_).set(change.id, change.redeemed);
    }
    return storage::Done{};
}

storage::Status ChangeApplier::removeOne(const Change& change, std::int64_t nowMs) {
    switch (change.kind) {
        case ChangeKind::Member: {
            storage::MemberRepository members(db_);
            auto member = members.get(change.id);
            if (!member || !member.value()) {
                return member ? storage::Status(storage::Done{}) : loyalty::unexpected(member.error());
            }
            storage::MemberRecord blocked = **member;
            blocked.status = loyalty::MemberStatus::Blocked;
            return members.upsert(blocked, nowMs);
        }
        case ChangeKind::Card: {
            auto done = storage::CardRepository(db_).setStatus(change.id, loyalty::CardStatus::Blocked, nowMs);
            if (!done && done.error().code == storage::ErrorCode::NotFound) {
                return storage::Done{};
            }
            return done;
        }
        case ChangeKind::Staff: {
            storage::StaffRepository staff(db_);
            auto record = staff.findById(change.id);
            if (!record || !record.value()) {
                return record ? storage::Status(storage::Done{}) : loyalty::unexpected(record.error());
            }
            storage::StaffRecord inactive = **record;
            inactive.active = false;
            return staff.upsert(inactive, nowMs);
        }
        case ChangeKind::Catalogue:
            return storage::CatalogueRepository(db_).remove(change.catalogueKind, change.catalogueId);
        case ChangeKind::RewardTotal: return storage::RewardTotals(db_).set(change.id, 0);
    }
    return storage::Done{};
}

storage::Result<ApplyReport> ChangeApplier::apply(const ChangePage& page, std::int64_t nowMs) {
    auto transaction = storage::Transaction::begin(db_);
    if (!transaction) {
        return loyalty::unexpected(transaction.error());
    }
    ApplyReport report;
    for (const Change& change : page.changes) {
        auto done = applyOne(change, nowMs);
        if (done) {
            ++report.applied;
            continue;
        }
        if (!skippable(done.error().code)) {
            return loyalty::unexpected(done.error());
        }
        ++report.skipped;
        report.notes.push_back(std::string(kindName(change.kind)) + (change.remove ? " delete" : " upsert") +
                               " skipped: " + done.error().describe());
    }
    storage::SyncStateRepository state(db_);
    if (auto stored = state.setCursor(page.nextCursor); !stored) {
        return loyalty::unexpected(stored.error());
    }
    if (auto stamped = state.setLastSyncAtMs(nowMs); !stamped) {
        return loyalty::unexpected(stamped.error());
    }
    if (auto committed = transaction->commit(); !committed) {
        return loyalty::unexpected(committed.error());
    }
    return report;
}

}  // namespace kiosksync
