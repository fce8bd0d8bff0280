#include "storage/AccountReader.h"

#include "storage/CardRepository.h"
#include "storage/MemberRepository.h"
#include "storage/Outbox.h"
#include "storage/RewardTotals.h"
#include "storage/Rows.h"
#include "storage/SyncStateRepository.h"
#include "storage/Transaction.h"

namespace storage {

namespace {

// A read transaction: one consistent snapshot for several statements.
template <class Read>
auto inReadTransaction(Database& db, Read&& read) -> decltype(read()) {
    auto tx = Transaction::begin(db, Transaction::Mode::Deferred);
    if (!tx) {
        return failure(tx);
    }
    auto result = read();
    if (!result) {
        return result;
    }
    if (auto done = tx->commit(); !done) {
        return failure(done);
    }
    return result;
}

}  // namespace

Result<std::optional<Account>> AccountReader::loadByCardToken(std::string_view token, const loyalty::Date& today) {
    const std::int64_t day = loyalty::daysSinceEpoch(today);
    return inReadTransaction(db_, [&] { return readAccount(token, day); });
}

Result<std::optional<Account>> AccountReader::readAccount(std::string_view token, std::int64_t today) {
    CardRepository cards(db_);
    auto card = cards.get(token);
    if (!card) {
        return failure(card);
    }
    if (!card.value()) {
        return std::optional<Account>();
    }
    MemberRepository members(db_);
    auto member = members.loadState(card.value()->memberId);
    if (!member) {
        return failure(member);
    }
    if (!member.value()) {
        // cards.member_id is a foreign key: only a damaged file gets here.
        return loyalty::unexpected(badStoredValue(db_.path(), "card without its member"));
    }
    Account account;
    account.memberId = card.value()->memberId;
    account.member = std::move(*member.value());
    account.card = card.value()->state(today);
    account.cardKind = card.value()->kind;
    return std::optional<Account>(std::move(account));
}

Result<std::optional<loyalty::MemberState>> AccountReader::loadMember(std::string_view memberId) {
    return inReadTransaction(db_, [&] { return MemberRepository(db_).loadState(memberId); });
}

Result<loyalty::KioskState> AccountReader::loadKioskState(bool online, const loyalty::Instant& now) {
    return inReadTransaction(db_, [&]() -> Result<loyalty::KioskState> {
        loyalty::KioskState kiosk;
        kiosk.online = online;
        auto redeemed = Outbox(db_).unsyncedRedeemedPoints();
        if (!redeemed) {
            return failure(redeemed);
        }
        kiosk.unsyncedRedeemedPoints = redeemed.value();
        auto lastSync = SyncStateRepository(db_).lastSyncAtMs();
        if (!lastSync) {
            return failure(lastSync);
        }
        if (lastSync.value()) {
            kiosk.lastSyncAt = RecordTime::fromWallMs(*lastSync.value(), now.utcOffsetSeconds).at;
        }
        auto totals = RewardTotals(db_).all();
        if (!totals) {
            return failure(totals);
        }
        kiosk.rewardTotals = std::move(totals.value());
        return kiosk;
    });
}

}  // namespace storage
