#pragma once
// Today's figures for the staff summary screen, from this kiosk's ledger:
// transactions, points issued and redeemed, and transactions per shop-local
// hour. Reads only the newest rows (the ledger is in recording order), so it
// costs the same with ten million rows as with ten.
//
// Counted as a transaction: a purchase (an earn event with an amount), a
// redemption, a void, an adjustment, a stamp. Points issued: earn events and
// positive adjustments. Points redeemed: redemptions. A void is counted as a
// transaction; the points it reverses are not taken off either figure (the
// screen shows "issued" and "redeemed" as they happened).

#include <array>
#include <cstdint>

#include "loyalty/Types.h"
#include "storage/Database.h"

namespace storage {

struct DaySummary {
    std::int64_t transactions = 0;
    loyalty::Points pointsIssued = 0;
    loyalty::Points pointsRedeemed = 0;
    std::int64_t voids = 0;
    std::array<std::int64_t, 24> transactionsPerHour{};  // shop-local hours 0..23
};

class LedgerSummary {
public:
    explicit LedgerSummary(Database& db) : db_(db) {}

    // The shop-local day `day` (days since 1970-01-01), each row judged by
    // the UTC offset it was recorded with.
    Result<DaySummary> forDay(std::int64_t day);

private:
    Database& db_;
};

}  // namespace storage
