#pragma once
// What a unit of work decided to write, applied in one transaction: new
// events, upserted rows, and the change-log entries that tell the kiosks,
// appended in this order.

#include <vector>

#include "headoffice/Records.h"

namespace headoffice {

struct WriteSet {
    std::vector<EventRecord> events;  // inserts (ids not stored yet)
    std::vector<Member> members;      // upserts, members before the cards that name them
    std::vector<Card> cards;
    std::vector<Staff> staff;
    std::vector<CatalogueItem> catalogue;
    std::vector<RewardTotal> rewardTotals;
    std::vector<Kiosk> kiosks;
    std::vector<Change> changes;      // appended to the change log, numbered in this order

    bool empty() const {
        return events.empty() && members.empty() && cards.empty() && staff.empty() && catalogue.empty() &&
               rewardTotals.empty() && kiosks.empty() && changes.empty();
    }
};

}  // namespace headoffice
