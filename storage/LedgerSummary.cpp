#include "storage/LedgerSummary.h"

#include <string>

#include "storage/Rows.h"

namespace storage {
namespace {

constexpr std::int64_t kSecondsPerDay = 86400;
// No shop is further than 14 h from UTC: a row recorded before the day's
// start minus this cannot belong to the day, and nothing older can either.
constexpr std::int64_t kMaxOffsetSeconds = 14 * 3600;

std::int64_t floorDiv(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

}  // namespace

Result<DaySummary> LedgerSummary::forDay(std::int64_t day) {
    auto select = db_.prepare(
        "SELECT type, points_delta, purchase_amount, wall_time, utc_offset FROM ledger ORDER BY seq DESC");
    if (!select) {
        return failure(select);
    }
    const std::int64_t oldestUtcSeconds = day * kSecondsPerDay - kMaxOffsetSeconds;
    DaySummary summary;
    while (true) {
        auto row = select->step();
        if (!row) {
            return failure(row);
        }
        if (!row.value()) {
            break;
        }
        const std::int64_t utcSeconds = floorDiv(select->columnInt64(3), 1000);
        if (utcSeconds < oldestUtcSeconds) {
            break;  // older rows all belong to earlier days
        }
        const std::int64_t local = utcSeconds + select->columnInt64(4);
        if (floorDiv(local, kSecondsPerDay) != day) {
            continue;  // the day after (a clock set back), or the day before in another offset
        }
        const std::string type = select->columnText(0);
        const std::int64_t delta = select->columnInt64(1);
        const bool purchase = type == "earn" && select->columnInt64(2) > 0;
        const bool counted = purchase || type == "redeem" || type == "void" || type == "adjust" || type == "stamp";
        if (counted) {
            ++summary.transactions;
            ++summary.transactionsPerHour[static_cast<std::size_t>(floorDiv(local - day * kSecondsPerDay, 3600))];
        }
        if ((type == "earn" || type == "adjust") && delta > 0) {
            summary.pointsIssued += delta;
        } else if (type == "redeem") {
            summary.pointsRedeemed -= delta;
        } else if (type == "void") {
            ++summary.voids;
        }
    }
    return summary;
}

}  // namespace storage
