#pragma once
// For the storage tests: a real database file in a temporary directory,
// migrated to the latest schema and provisioned as kiosk "kiosk-7", plus
// builders for members, cards and event drafts. Header-only (the test glob
// compiles tests/storage/*.cpp as test files). Set-up failures abort with a
// message: a test cannot run without its database.

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

#include "loyalty/Event.h"
#include "storage/CardRepository.h"
#include "storage/Database.h"
#include "storage/DecisionRecorder.h"
#include "storage/KioskIdentity.h"
#include "storage/MemberRepository.h"
#include "storage/Migrator.h"
#include "storage/RecordTime.h"
#include "support/TempDir.h"

namespace storagetest {

// Tuesday 12 March 2024, 10:00 UTC; the shop is at UTC+1.
constexpr std::int64_t kDay0Ms = 1710237600000;
constexpr std::int64_t kDayMs = 86400000;
constexpr std::int32_t kOffset = 3600;

inline storage::RecordTime timeAt(std::int64_t wallMs, std::int64_t monotonicNs = 1000) {
    return storage::RecordTime::fromWallMs(wallMs, kOffset, monotonicNs);
}
inline storage::RecordTime dayTime(std::int64_t day) { return timeAt(kDay0Ms + day * kDayMs); }
inline loyalty::Date dateOf(std::int64_t day) { return loyalty::localDate(dayTime(day).at); }

template <class T>
T orDie(storage::Result<T> result, const char* what) {
    if (!result) {
        std::fprintf(stderr, "test set-up failed: %s: %s\n", what, result.error().describe().c_str());
        std::abort();
    }
    return std::move(result.value());
}

inline void orDie(const storage::Status& status, const char* what) {
    if (!status) {
        std::fprintf(stderr, "test set-up failed: %s: %s\n", what, status.error().describe().c_str());
        std::abort();
    }
}

class StorageTestDatabase {
public:
    explicit StorageTestDatabase(const std::string& prefix = "kiosk-storage", bool provision = true)
        : dir(prefix), db(orDie(storage::Database::open({dir.file("kiosk.db")}), "open")) {
        orDie(storage::Migrator::migrate(db), "migrate");
        if (provision) {
            orDie(storage::KioskIdentity(db).provision("kiosk-7", kDay0Ms), "provision");
        }
    }

    std::int64_t count(const std::string& table) {
        return orDie(db.queryInt("SELECT count(*) FROM " + table), "count");
    }
    std::int64_t queryInt(const std::string& sql) { return orDie(db.queryInt(sql), sql.c_str()); }

    // A member known from head office with `confirmed` points in one lot
    // earned on `lotDay` (days from kDay0Ms).
    void addMember(const std::string& id, loyalty::Points confirmed = 0, std::int64_t lotDay = -10) {
        storage::MemberRecord member;
        member.id = id;
        member.displayName = "Ana";
        member.enrolledOn = dateOf(-100);
        member.confirmedBalance = confirmed;
        storage::MemberRepository members(db);
        orDie(members.upsert(member, kDay0Ms), "add member");
        if (confirmed > 0) {
            orDie(members.replaceLots(id, {loyalty::PointLot{dateOf(lotDay), confirmed}}), "add lots");
        }
    }
    void addCard(const std::string& token, const std::string& memberId) {
        orDie(storage::CardRepository(db).link(token, memberId, storage::CardKind::Ntag424, kDay0Ms), "add card");
    }

    testsupport::TempDir dir;
    storage::Database db;
};

inline loyalty::EventDraft draft(loyalty::EventType type, const std::string& member, const std::string& card,
                                 loyalty::Points delta, const std::string& reason) {
    loyalty::EventDraft event;
    event.type = type;
    event.memberId = member;
    event.cardId = card;
    event.pointsDelta = delta;
    event.reason = reason;
    return event;
}

inline loyalty::EventDraft earn(const std::string& member, const std::string& card, loyalty::Points points,
                                loyalty::Money amount = 1000) {
    auto event = draft(loyalty::EventType::Earn, member, card, points, "Purchase");
    event.purchaseAmount = amount;
    event.staffId = "staff-1";
    return event;
}

inline loyalty::EventDraft redeem(const std::string& member, const std::string& card, loyalty::Points cost,
                                  const std::string& reward = "coffee") {
    auto event = draft(loyalty::EventType::Redeem, member, card, -cost, "Reward: free coffee");
    event.rewardId = reward;
    return event;
}

inline loyalty::EventDraft voidOf(const loyalty::RecordedEvent& target) {
    auto event = draft(loyalty::EventType::Void, target.event.memberId, target.event.cardId,
                       -target.event.pointsDelta, "Reversed: keyed twice");
    event.voidsEventId = target.id;
    event.rewardId = target.event.rewardId;
    event.offerId = target.event.offerId;
    event.stampCardId = target.event.stampCardId;
    event.stamps = -target.event.stamps;
    event.staffId = "manager-1";
    return event;
}

inline storage::RecordRequest request(std::vector<loyalty::EventDraft> events, const std::string& card = "card-1",
                                      storage::RecordTime time = dayTime(0), bool offline = false) {
    storage::RecordRequest req;
    req.cardToken = card;
    req.decision.events = std::move(events);
    req.time = time;
    req.offline = offline;
    return req;
}

}  // namespace storagetest
