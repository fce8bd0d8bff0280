#pragma once
// Redemptions per reward programme-wide, as head office last reported them
// (table reward_totals), for rewards with a total limit.

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "storage/Database.h"

namespace storage {

class RewardTotals {
public:
    explicit RewardTotals(Database& db) : db_(db) {}

    // One reward's total. InvalidArgument for an empty id or a negative count.
    Status set(std::string_view rewardId, std::int32_t redeemed);
    // Replaces every total with `totals` (a full list from head office).
    Status replaceAll(const std::map<std::string, std::int32_t>& totals);
    // reward id -> redeemed, as KioskState::rewardTotals holds them.
    Result<std::map<std::string, std::int32_t>> all();

private:
    Database& db_;
};

}  // namespace storage
