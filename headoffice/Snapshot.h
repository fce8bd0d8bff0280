#pragma once
// What a unit of work reads before it decides: the rows named by a
// SnapshotKeys, as they are inside the unit's transaction. Rows that do not
// exist are simply absent from the maps.

#include <map>
#include <set>
#include <string>
#include <utility>

#include "headoffice/EarnedWindow.h"
#include "headoffice/Records.h"

namespace headoffice {

struct SnapshotKeys {
    std::set<std::string> events;       // event ids
    std::set<std::string> voidTargets;  // event ids: is there an accepted void of it?
    std::set<std::string> members;
    EarnedWindow earned;  // the members' earning history inside it (Member::earned); empty: none read
    std::set<std::string> cards;
    std::set<std::string> rewardTotals;
    bool allRewardTotals = false;  // every reward total (a void's reward is only known once its target is read)
    std::set<std::string> staff;
    std::set<std::pair<std::string, std::string>> catalogue;  // (kind, id)
    std::set<std::string> kiosks;
};

struct Snapshot {
    std::map<std::string, EventRecord> events;
    std::map<std::string, std::string> voidedBy;  // target event id -> the accepted void's id
    std::map<std::string, Member> members;
    std::map<std::string, Card> cards;
    std::map<std::string, RewardTotal> rewardTotals;
    std::map<std::string, Staff> staff;
    std::map<std::pair<std::string, std::string>, CatalogueItem> catalogue;
    std::map<std::string, Kiosk> kiosks;
};

}  // namespace headoffice
