#pragma once
// The file `headoffice load` reads: members, cards, staff, catalogue, reward
// totals and kiosks, as one JSON object (format in docs/sync-protocol.md,
// "Head office"). Strict: an unknown section or key, a wrong type, a repeated
// id is an error naming the entry, e.g.
//   members[2] (id "m-x"): birthday_month: must be a whole number from 1 to 12
// and every such error is reported, not only the first.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "headoffice/HeadOfficeError.h"
#include "headoffice/Records.h"

namespace headoffice {

struct LoadData {
    // balance and earned: the opening balance and earning history of a new
    // member; earned holds every day the file gives (days_ago resolved),
    // ascending, inside the window or not.
    std::vector<Member> members;
    std::vector<Card> cards;
    std::vector<Staff> staff;
    std::vector<CatalogueItem> catalogue;
    std::vector<RewardTotal> rewardTotals;
    std::vector<Kiosk> kiosks;  // tokens already hashed
};

class LoadFile {
public:
    static constexpr std::size_t kMinTokenBytes = 16;
    static constexpr std::size_t kMaxReportedErrors = 20;
    static constexpr std::size_t kMaxEarnedDays = 1000;  // per member
    static constexpr std::int64_t kMaxDaysAgo = 3660;

    // InvalidInput with one line per problem. `nowMs` (Unix ms) is the load's
    // clock: an earning history's "days_ago" counts back from its UTC day.
    static Result<LoadData> parse(std::string_view text, std::int64_t nowMs);
};

}  // namespace headoffice
