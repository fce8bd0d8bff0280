#pragma once
// The member cache side of DecisionRecorder: applies each recorded event's
// effect on the member's pending delta, point lots, earned points, counters
// and last activity day, inside the recorder's transaction. Lots are worked
// on in memory (loyalty::PointLots) and written back by finish().
//
// Effects, per event (docs/storage.md has the table):
//   points delta > 0    lots: added to today's lot
//   points delta < 0    lots: spent oldest first (a void of an earn takes
//                       from the earn's own day first); refused -> Constraint
//   earn                earned_points[today] += delta; an offerId ends that
//                       activated offer (offer_active removed)
//   void of an earn     earned_points[earn's day] += delta (negative)
//   redeem / its void   reward_redeemed[reward] +1 / -1
//   offer-activate      offer_activated[offer] +1, offer_active[offer] set
//   stamp, void of one  stamps[stamp card] += stamps (never below 0)
// finish(): pending_delta += the decision's deltas, lots written back,
// last_activity_day = today for customer activity (not void, adjust,
// expire, card-block).

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "loyalty/Event.h"
#include "loyalty/MemberState.h"
#include "storage/StatementCache.h"

namespace storage {

class MemberCacheWriter {
public:
    MemberCacheWriter(StatementCache& statements, std::int64_t today) : statements_(statements), today_(today) {}

    // Checks the event can be recorded (its member exists; a void's target
    // is in this ledger, belongs to the member and is not voided yet) and
    // applies its effect. Call before the event's own ledger row is written.
    Status apply(const loyalty::EventDraft& event);

    // Writes the lots, pending deltas and activity days of the members touched.
    Status finish();

private:
    struct Target {
        loyalty::EventType type = loyalty::EventType::Earn;
        std::int64_t day = 0;  // shop-local day it was recorded
    };

    Result<Target> voidTarget(const loyalty::EventDraft& voidEvent);
    Result<std::vector<loyalty::PointLot>*> lotsOf(const std::string& memberId);
    Status applyLots(const loyalty::EventDraft& event, const Target* target);
    Status addEarned(const std::string& memberId, std::int64_t day, loyalty::Points points);
    Status addCounter(const std::string& memberId, std::string_view kind, const std::string& itemId,
                      std::int64_t by);
    Status setOfferActive(const std::string& memberId, const std::string& offerId, bool active);
    // Checks the member exists and loads its lots, once per decision.
    Status requireMember(const std::string& memberId);

    StatementCache& statements_;
    std::int64_t today_;
    struct Lots {
        std::vector<loyalty::PointLot> stored;   // as loaded
        std::vector<loyalty::PointLot> working;  // after this decision's events so far
    };
    Status writeLots(const std::string& memberId, const Lots& lots);

    std::map<std::string, Lots> lots_;
    std::map<std::string, loyalty::Points> pending_;
    std::set<std::string> active_;  // members with customer activity today
};

}  // namespace storage
