#pragma once
// What a unit of work decided to write, applied in one transaction: new
// events, upserted rows, points added to members' earning history (after
// the members), and the change-log entries that tell the kiosks, appended
// in this order. Member::earned is not written: it is read back from the
// history the `earned` deltas build.

#include <vector>

#include "headoffice/Records.h"

namespace headoffice {

struct WriteSet {
    std::vector<EventRecord> events;  // inserts (ids not stored yet)
    std::vector<Member> members;      // upserts, members before the cards that name them
    std::vector<EarnedDelta> earned;  // added to earned_points (member, day); a day may repeat
    std::vector<Card> cards;
    std::vector<Staff> staff;
    std::vector<CatalogueItem> catalogue;
    std::vector<RewardTotal> rewardTotals;
    std::vector<Kiosk> kiosks;
    std::vector<Change> changes;      // appended to the change log, numbered in this order

    bool empty() const {
        return events.empty() && members.empty() && earned.empty() && cards.empty() && staff.empty() &&
               catalogue.empty() && rewardTotals.empty() && kiosks.empty() && changes.empty();
    }
};

}  // namespace headoffice
