#pragma once
// The file `headoffice load` reads: members, cards, staff, catalogue, reward
// totals and kiosks, as one JSON object (format in docs/sync-protocol.md,
// "Head office"). Strict: an unknown section or key, a wrong type, a repeated
// id is an error naming the entry, e.g.
//   members[2] (id "m-x"): birthday_month: must be a whole number from 1 to 12
// and every such error is reported, not only the first.

#include <string>
#include <string_view>
#include <vector>

#include "headoffice/HeadOfficeError.h"
#include "headoffice/Records.h"

namespace headoffice {

struct LoadData {
    std::vector<Member> members;  // balance: the opening balance of a new member
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

    // InvalidInput with one line per problem.
    static Result<LoadData> parse(std::string_view text);
};

}  // namespace headoffice
