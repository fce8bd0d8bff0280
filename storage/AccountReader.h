#pragma once
// What the rules need on a tap, read in one read transaction by primary keys
// only: the card, its member with lots, earned points, counters and segments.
// No ledger scan, so a lookup stays well under a millisecond with millions of
// members and ledger rows. Also the kiosk's own state for the offline limits.

#include <optional>
#include <string>
#include <string_view>

#include "loyalty/MemberState.h"
#include "storage/Database.h"
#include "storage/RecordTime.h"
#include "storage/StoredValues.h"

namespace storage {

struct Account {
    std::string memberId;
    loyalty::MemberState member;  // balance() = confirmed + pending
    loyalty::CardState card;      // transactionsToday is 0 when the stored count is another day's
    CardKind cardKind = CardKind::Uid;
};

class AccountReader {
public:
    explicit AccountReader(Database& db) : db_(db) {}

    // nullopt when no card has this token. `today` is the shop-local date.
    Result<std::optional<Account>> loadByCardToken(std::string_view token, const loyalty::Date& today);
    // A member without a card in hand (a void from the history, say).
    Result<std::optional<loyalty::MemberState>> loadMember(std::string_view memberId);

    // Unsynced redeemed points (outbox), last successful sync (sync_state,
    // with now's UTC offset) and reward totals.
    Result<loyalty::KioskState> loadKioskState(bool online, const loyalty::Instant& now);

private:
    Result<std::optional<Account>> readAccount(std::string_view token, std::int64_t today);

    Database& db_;
};

}  // namespace storage
