#include "storage/MemberCacheWriter.h"

#include <algorithm>

#include "loyalty/PointLots.h"
#include "storage/RecordTime.h"
#include "storage/Rows.h"
#include "storage/StoredValues.h"

namespace storage {

namespace {

using loyalty::EventType;

StorageError refused(const std::string& why) {
    return StorageError{ErrorCode::Constraint, "decision refused: " + why, 0};
}

bool isCustomerActivity(EventType type) {
    switch (type) {
        case EventType::Earn:
        case EventType::Redeem:
        case EventType::Stamp:
        case EventType::OfferActivate:
        case EventType::Enrol:
        case EventType::CardLink:
        case EventType::Rating:
            return true;
        case EventType::Adjust:
        case EventType::Void:
        case EventType::CardBlock:
        case EventType::Expire:
            return false;
    }
    return false;
}

}  // namespace

Status MemberCacheWriter::requireMember(const std::string& memberId) {
    if (lots_.count(memberId) != 0) {
        return Done{};
    }
    // The member's existence and its lots in one read: no row when there is
    // no such member, one row of NULLs when it holds no lots.
    auto select = statements_.get(
        "SELECT l.earned_day, l.remaining FROM members m "
        "LEFT JOIN point_lots l ON l.member_id = m.id AND l.remaining > 0 "
        "WHERE m.id = ?1 ORDER BY l.earned_day");
    if (!select) {
        return failure(select);
    }
    (*select)->bind(1, memberId);
    bool found = false;
    std::vector<loyalty::PointLot> lots;
    auto done = forEachRow(**select, [&](Statement& s) {
        found = true;
        if (!s.columnIsNull(0)) {
            lots.push_back(loyalty::PointLot{loyalty::dateFromDays(s.columnInt64(0)), s.columnInt64(1)});
        }
    });
    if (!done) {
        return failure(done);
    }
    if (!found) {
        return loyalty::unexpected(StorageError{ErrorCode::NotFound, "no member " + memberId + " on this kiosk", 0});
    }
    lots_.emplace(memberId, Lots{lots, lots});
    return Done{};
}

Result<MemberCacheWriter::Target> MemberCacheWriter::voidTarget(const loyalty::EventDraft& voidEvent) {
    auto select = statements_.get(
        "SELECT type, member_id, wall_time, utc_offset, "
        "EXISTS (SELECT 1 FROM ledger v WHERE v.voids_event_id = l.id) FROM ledger l WHERE l.id = ?1");
    if (!select) {
        return failure(select);
    }
    Statement& s = **select;
    auto row = s.bind(1, voidEvent.voidsEventId).step();
    if (!row) {
        return failure(row);
    }
    if (!row.value()) {
        return loyalty::unexpected(StorageError{
            ErrorCode::NotFound,
            "the event to void (" + voidEvent.voidsEventId + ") is not in this kiosk's ledger", 0});
    }
    const auto type = parseEventType(s.columnText(0));
    const std::string memberId = s.columnOptionalText(1).value_or("");
    const RecordTime at = RecordTime::fromWallMs(s.columnInt64(2), static_cast<std::int32_t>(s.columnInt64(3)));
    const bool alreadyVoided = s.columnInt64(4) != 0;
    s.reset();
    if (!type) {
        return loyalty::unexpected(badStoredValue(statements_.database().path(), "event type"));
    }
    if (memberId != voidEvent.memberId) {
        return loyalty::unexpected(refused("the event to void belongs to another member"));
    }
    if (alreadyVoided) {
        return loyalty::unexpected(refused("the event has already been reversed"));
    }
    return Target{*type, at.shopDay()};
}

Result<std::vector<loyalty::PointLot>*> MemberCacheWriter::lotsOf(const std::string& memberId) {
    if (auto known = requireMember(memberId); !known) {
        return failure(known);
    }
    return &lots_.find(memberId)->second.working;
}

Status MemberCacheWriter::applyLots(const loyalty::EventDraft& event, const Target* target) {
    auto lots = lotsOf(event.memberId);
    if (!lots) {
        return failure(lots);
    }
    std::vector<loyalty::PointLot>& held = *lots.value();
    if (event.pointsDelta > 0) {
        auto added = loyalty::PointLots::add(held, loyalty::dateFromDays(today_), event.pointsDelta);
        if (!added) {
            return loyalty::unexpected(refused(added.error().message));
        }
        held = std::move(added.value());
        return Done{};
    }
    loyalty::Points toSpend = -event.pointsDelta;
    if (target && target->type == EventType::Earn) {
        // Undo the earn where it went: its own day's lot first.
        const loyalty::Date earnDay = loyalty::dateFromDays(target->day);
        const auto lot = std::find_if(held.begin(), held.end(),
                                      [&](const loyalty::PointLot& l) { return l.earnedOn == earnDay; });
        if (lot != held.end()) {
            const loyalty::Points taken = std::min(lot->remaining, toSpend);
            lot->remaining -= taken;
            toSpend -= taken;
            if (lot->remaining <= 0) {
                held.erase(lot);
            }
        }
    }
    auto spent = loyalty::PointLots::spend(held, toSpend);
    if (!spent) {
        return loyalty::unexpected(refused(spent.error().message));
    }
    held = std::move(spent.value());
    return Done{};
}

Status MemberCacheWriter::addEarned(const std::string& memberId, std::int64_t day, loyalty::Points points) {
    auto upsert = statements_.get(
        "INSERT INTO earned_points (member_id, earned_day, points) VALUES (?1, ?2, ?3) "
        "ON CONFLICT (member_id, earned_day) DO UPDATE SET points = points + excluded.points");
    if (!upsert) {
        return failure(upsert);
    }
    if (auto done = (*upsert)->bind(1, memberId).bind(2, day).bind(3, points).run(); !done) {
        return done;
    }
    if (points > 0) {
        return Done{};  // only a void takes a day's total down to 0
    }
    auto clear = statements_.get("DELETE FROM earned_points WHERE member_id = ?1 AND earned_day = ?2 AND points = 0");
    if (!clear) {
        return failure(clear);
    }
    return (*clear)->bind(1, memberId).bind(2, day).run();
}

Status MemberCacheWriter::addCounter(const std::string& memberId, std::string_view kind, const std::string& itemId,
                                     std::int64_t by) {
    auto select = statements_.get(
        "SELECT count FROM member_counters WHERE member_id = ?1 AND kind = ?2 AND item_id = ?3");
    if (!select) {
        return failure(select);
    }
    auto row = (*select)->bind(1, memberId).bind(2, kind).bind(3, itemId).step();
    if (!row) {
        return failure(row);
    }
    const std::int64_t current = row.value() ? (*select)->columnInt64(0) : 0;
    (*select)->reset();
    std::int64_t next = current + by;
    if (next < 0) {
        if (kind == "stamps") {
            return loyalty::unexpected(refused("the member holds " + std::to_string(current) +
                                               " stamps; this would leave " + std::to_string(next)));
        }
        next = 0;  // a count head office never sent us: nothing to take back
    }
    if (next == 0) {
        auto erase = statements_.get("DELETE FROM member_counters WHERE member_id = ?1 AND kind = ?2 AND item_id = ?3");
        if (!erase) {
            return failure(erase);
        }
        return (*erase)->bind(1, memberId).bind(2, kind).bind(3, itemId).run();
    }
    auto write = statements_.get(
        "INSERT OR REPLACE INTO member_counters (member_id, kind, item_id, count) VALUES (?1, ?2, ?3, ?4)");
    if (!write) {
        return failure(write);
    }
    return (*write)->bind(1, memberId).bind(2, kind).bind(3, itemId).bind(4, next).run();
}

Status MemberCacheWriter::setOfferActive(const std::string& memberId, const std::string& offerId, bool active) {
    auto statement = statements_.get(
        active ? "INSERT OR REPLACE INTO member_counters (member_id, kind, item_id, count) "
                 "VALUES (?1, 'offer_active', ?2, 1)"
               : "DELETE FROM member_counters WHERE member_id = ?1 AND kind = 'offer_active' AND item_id = ?2");
    if (!statement) {
        return failure(statement);
    }
    return (*statement)->bind(1, memberId).bind(2, offerId).run();
}

Status MemberCacheWriter::apply(const loyalty::EventDraft& event) {
    if (event.memberId.empty()) {
        return Done{};  // nothing of a member's to change (a rating without a member, say)
    }
    if (auto known = requireMember(event.memberId); !known) {
        return known;
    }
    std::optional<Target> target;
    if (event.type == EventType::Void) {
        auto found = voidTarget(event);
        if (!found) {
            return failure(found);
        }
        target = found.value();
    }
    const std::string& member = event.memberId;
    if (event.pointsDelta != 0) {
        if (auto done = applyLots(event, target ? &*target : nullptr); !done) {
            return done;
        }
        pending_[member] += event.pointsDelta;
    }
    if (event.type == EventType::Earn && event.pointsDelta != 0) {
        if (auto done = addEarned(member, today_, event.pointsDelta); !done) {
            return done;
        }
    }
    if (target && target->type == EventType::Earn && event.pointsDelta != 0) {
        if (auto done = addEarned(member, target->day, event.pointsDelta); !done) {
            return done;
        }
    }
    if (event.type == EventType::Earn && !event.offerId.empty()) {
        if (auto done = setOfferActive(member, event.offerId, false); !done) {
            return done;
        }
    }
    if (!event.rewardId.empty() && (event.type == EventType::Redeem || (target && target->type == EventType::Redeem))) {
        if (auto done = addCounter(member, "reward_redeemed", event.rewardId, event.type == EventType::Redeem ? 1 : -1);
            !done) {
            return done;
        }
    }
    if (event.type == EventType::OfferActivate && !event.offerId.empty()) {
        if (auto done = addCounter(member, "offer_activated", event.offerId, 1); !done) {
            return done;
        }
        if (auto done = setOfferActive(member, event.offerId, true); !done) {
            return done;
        }
    }
    if ((event.type == EventType::Stamp || event.type == EventType::Void) && !event.stampCardId.empty() &&
        event.stamps != 0) {
        if (auto done = addCounter(member, "stamps", event.stampCardId, event.stamps); !done) {
            return done;
        }
    }
    if (isCustomerActivity(event.type)) {
        active_.insert(member);
    }
    return Done{};
}

Status MemberCacheWriter::writeLots(const std::string& memberId, const Lots& lots) {
    // Only the lots that changed: an earn usually touches one row.
    std::map<std::int64_t, loyalty::Points> before;
    std::map<std::int64_t, loyalty::Points> after;
    for (const loyalty::PointLot& lot : lots.stored) {
        before[loyalty::daysSinceEpoch(lot.earnedOn)] += lot.remaining;
    }
    for (const loyalty::PointLot& lot : lots.working) {
        if (lot.remaining > 0) {
            after[loyalty::daysSinceEpoch(lot.earnedOn)] += lot.remaining;
        }
    }
    auto erase = statements_.get("DELETE FROM point_lots WHERE member_id = ?1 AND earned_day = ?2");
    auto write = statements_.get(
        "INSERT OR REPLACE INTO point_lots (member_id, earned_day, remaining) VALUES (?1, ?2, ?3)");
    if (!erase) {
        return failure(erase);
    }
    if (!write) {
        return failure(write);
    }
    for (const auto& [day, remaining] : before) {
        if (after.count(day) == 0) {
            (*erase)->reset();
            if (auto done = (*erase)->bind(1, memberId).bind(2, day).run(); !done) {
                return done;
            }
        }
    }
    for (const auto& [day, remaining] : after) {
        const auto old = before.find(day);
        if (old != before.end() && old->second == remaining) {
            continue;
        }
        (*write)->reset();
        if (auto done = (*write)->bind(1, memberId).bind(2, day).bind(3, remaining).run(); !done) {
            return done;
        }
    }
    return Done{};
}

Status MemberCacheWriter::finish() {
    // Pending delta and last activity day in one statement per member.
    auto update = statements_.get(
        "UPDATE members SET pending_delta = pending_delta + ?2, "
        "last_activity_day = CASE WHEN ?3 THEN max(coalesce(last_activity_day, ?4), ?4) "
        "ELSE last_activity_day END WHERE id = ?1");
    if (!update) {
        return failure(update);
    }
    for (const auto& [member, lots] : lots_) {
        if (auto done = writeLots(member, lots); !done) {
            return done;
        }
    }
    std::set<std::string> touched;
    for (const auto& [member, delta] : pending_) {
        touched.insert(member);
    }
    touched.insert(active_.begin(), active_.end());
    for (const std::string& member : touched) {
        const auto pending = pending_.find(member);
        (*update)->reset();
        (*update)
            ->bind(1, member)
            .bind(2, pending == pending_.end() ? loyalty::Points{0} : pending->second)
            .bind(3, std::int64_t{active_.count(member) != 0 ? 1 : 0})
            .bind(4, today_);
        if (auto done = (*update)->run(); !done) {
            return done;
        }
    }
    return Done{};
}

}  // namespace storage
