#include "storage/RewardTotals.h"

#include "storage/Rows.h"
#include "storage/WriteScope.h"

namespace storage {

Status RewardTotals::set(std::string_view rewardId, std::int32_t redeemed) {
    if (rewardId.empty() || redeemed < 0) {
        return loyalty::unexpected(
            StorageError{ErrorCode::InvalidArgument, "a reward total needs a reward id and a count >= 0", 0});
    }
    auto upsert = db_.prepare(
        "INSERT INTO reward_totals (reward_id, redeemed) VALUES (?1, ?2) "
        "ON CONFLICT (reward_id) DO UPDATE SET redeemed = excluded.redeemed");
    if (!upsert) {
        return failure(upsert);
    }
    return upsert->bind(1, rewardId).bind(2, std::int64_t{redeemed}).run();
}

Status RewardTotals::replaceAll(const std::map<std::string, std::int32_t>& totals) {
    auto scope = WriteScope::begin(db_);
    if (!scope) {
        return failure(scope);
    }
    if (auto cleared = db_.exec("DELETE FROM reward_totals"); !cleared) {
        return cleared;
    }
    for (const auto& [rewardId, redeemed] : totals) {
        if (auto done = set(rewardId, redeemed); !done) {
            return done;
        }
    }
    return scope->commit();
}

Result<std::map<std::string, std::int32_t>> RewardTotals::all() {
    auto select = db_.prepare("SELECT reward_id, redeemed FROM reward_totals");
    if (!select) {
        return failure(select);
    }
    std::map<std::string, std::int32_t> totals;
    auto done = forEachRow(*select, [&](Statement& s) {
        totals[s.columnText(0)] = static_cast<std::int32_t>(s.columnInt64(1));
    });
    if (!done) {
        return failure(done);
    }
    return totals;
}

}  // namespace storage
