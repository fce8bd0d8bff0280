#include "headoffice/IngestRules.h"

#include <map>
#include <set>
#include <utility>

#include "headoffice/RecordJson.h"

namespace headoffice {

namespace {

// What the rules need to know about a stored (or just decided) event.
struct KnownEvent {
    EventStatus status = EventStatus::Accepted;
    std::string code;
    std::string reason;
    std::string type;
    std::string memberId;
    std::optional<std::string> rewardId;
    std::string day;  // an earn of this batch: its shop-local day; stored ones are read when voided
};

struct Rejection {
    std::string code;
    std::string reason;
};

std::string points(std::int64_t value) { return std::to_string(value) + " pts"; }

// The batch's working state over the snapshot: members, cards and totals as
// this batch changed them, and the order it first touched them in.
class Batch {
public:
    Batch(const Snapshot& snapshot, std::int64_t receivedAt, EarnedWindow window)
        : snapshot_(snapshot), receivedAt_(receivedAt), window_(std::move(window)) {
        for (const auto& [id, e] : snapshot.events) {
            known_[id] =
                KnownEvent{e.status, e.code, e.reason, e.type, e.memberId.value_or(std::string()), e.rewardId, {}};
        }
        voidedBy_ = snapshot.voidedBy;
    }

    EventOutcome handle(const IncomingEvent& e) {
        EventOutcome outcome;
        outcome.id = e.echoId;
        if (!e.hasId) {
            outcome.code = "invalid";
            outcome.reason = e.invalid;
            return outcome;
        }
        const auto seen = known_.find(e.record.id);
        if (seen != known_.end()) {
            if (seen->second.status == EventStatus::Accepted) {
                outcome.status = EventOutcome::Status::Duplicate;
            } else {
                outcome.code = seen->second.code;
                outcome.reason = seen->second.reason;
            }
            return outcome;
        }
        std::optional<Rejection> rejection;
        if (!e.invalid.empty()) {
            rejection = Rejection{"invalid", e.invalid};
        } else {
            rejection = apply(e);
        }
        EventRecord record = e.record;
        record.receivedAt = receivedAt_;
        if (rejection) {
            record.status = EventStatus::Rejected;
            record.code = rejection->code;
            record.reason = rejection->reason;
            outcome.code = rejection->code;
            outcome.reason = rejection->reason;
        } else {
            record.status = EventStatus::Accepted;
            record.code.clear();
            record.reason.clear();
            outcome.status = EventOutcome::Status::Accepted;
        }
        known_[record.id] = KnownEvent{record.status, record.code, record.reason, record.type,
                                       record.memberId.value_or(std::string()), record.rewardId, e.day};
        writes_.events.push_back(std::move(record));
        return outcome;
    }

    WriteSet finish() {
        for (const auto& [key, points] : earned_) {
            if (points != 0) {
                writes_.earned.push_back(EarnedDelta{key.first, key.second, points});
            }
        }
        for (const auto& [kind, key] : touched_) {
            if (kind == Kind::Member) {
                const Member& now = members_.at(key);
                const auto before = snapshot_.members.find(key);
                if (before == snapshot_.members.end() || !(before->second == now)) {
                    writes_.members.push_back(now);
                    writes_.changes.push_back(RecordJson::memberChange(now));
                }
            } else if (kind == Kind::Card) {
                const Card& now = cards_.at(key);
                const auto before = snapshot_.cards.find(key);
                if (before == snapshot_.cards.end() || !(before->second == now)) {
                    writes_.cards.push_back(now);
                    writes_.changes.push_back(RecordJson::cardChange(now));
                }
            } else {
                const RewardTotal now{key, totals_.at(key)};
                const auto before = snapshot_.rewardTotals.find(key);
                const std::int64_t was = before == snapshot_.rewardTotals.end() ? -1 : before->second.redeemed;
                if (was != now.redeemed) {
                    writes_.rewardTotals.push_back(now);
                    writes_.changes.push_back(RecordJson::rewardTotalChange(now));
                }
            }
        }
        return std::move(writes_);
    }

private:
    enum class Kind { Member, Card, RewardTotal };

    Member* member(const std::string& id) {
        auto it = members_.find(id);
        if (it != members_.end()) {
            return &it->second;
        }
        const auto stored = snapshot_.members.find(id);
        if (stored == snapshot_.members.end()) {
            return nullptr;
        }
        return &members_.emplace(id, stored->second).first->second;
    }
    Card* card(const std::string& token) {
        auto it = cards_.find(token);
        if (it != cards_.end()) {
            return &it->second;
        }
        const auto stored = snapshot_.cards.find(token);
        if (stored == snapshot_.cards.end()) {
            return nullptr;
        }
        return &cards_.emplace(token, stored->second).first->second;
    }
    void touch(Kind kind, const std::string& key) {
        if (touchedSet_.emplace(kind, key).second) {
            touched_.emplace_back(kind, key);
        }
    }
    void addRedeemed(const std::string& rewardId, std::int64_t delta) {
        auto it = totals_.find(rewardId);
        if (it == totals_.end()) {
            const auto stored = snapshot_.rewardTotals.find(rewardId);
            it = totals_.emplace(rewardId, stored == snapshot_.rewardTotals.end() ? 0 : stored->second.redeemed).first;
        }
        it->second = std::max<std::int64_t>(0, it->second + delta);
        touch(Kind::RewardTotal, rewardId);
    }

    std::optional<Rejection> apply(const IncomingEvent& e) {
        const EventRecord& r = e.record;
        const std::string& memberId = *r.memberId;
        if (r.type == "enrol") {
            if (member(memberId) == nullptr && e.enrolMember) {
                members_.emplace(memberId, *e.enrolMember);
                touch(Kind::Member, memberId);
            }
            return std::nullopt;
        }
        Member* m = member(memberId);
        if (m == nullptr) {
            return Rejection{"unknown_member", "Member " + memberId + " is not known to head office."};
        }
        if (r.type == "card-link" || r.type == "card-block") {
            return linkOrBlock(e, memberId);
        }
        if (!EventParser::movesPoints(r.type)) {
            return std::nullopt;  // offer-activate, stamp, rating: stored only
        }
        const KnownEvent* target = nullptr;
        if (r.type == "void") {
            const auto it = known_.find(*r.voidsEventId);
            if (it == known_.end() || it->second.status != EventStatus::Accepted) {
                return Rejection{"unknown_event",
                                 "Event " + *r.voidsEventId + " is not an event head office accepted."};
            }
            const auto voided = voidedBy_.find(*r.voidsEventId);
            if (voided != voidedBy_.end()) {
                return Rejection{"invalid",
                                 "Event " + *r.voidsEventId + " was already voided by event " + voided->second + "."};
            }
            if (it->second.memberId != memberId) {
                return Rejection{"invalid", "Event " + *r.voidsEventId + " belongs to another member."};
            }
            target = &it->second;
        }
        std::int64_t balance = 0;
        if (__builtin_add_overflow(m->balance, r.pointsDelta, &balance)) {
            return Rejection{"invalid", "points_delta would overflow the balance"};
        }
        if (r.type == "redeem" && balance < 0) {
            return Rejection{"overdraw", "Redeeming " + points(-r.pointsDelta) +
                                             " would take the balance below zero: head office has " +
                                             points(m->balance) + " for this member."};
        }
        m->balance = balance;
        touch(Kind::Member, memberId);
        if (r.type == "redeem" && r.rewardId) {
            addRedeemed(*r.rewardId, 1);
        }
        if (r.type == "earn") {
            addEarned(*m, e.day, r.pointsDelta);
        }
        if (target != nullptr) {
            voidedBy_[*r.voidsEventId] = r.id;
            if (target->type == "redeem" && target->rewardId) {
                addRedeemed(*target->rewardId, -1);
            }
            if (target->type == "earn") {
                addEarned(*m, earnDay(*r.voidsEventId, *target), r.pointsDelta);
            }
        }
        return std::nullopt;
    }

    // As the kiosk's MemberCacheWriter counts earned_points: an earn adds its
    // points on its own shop-local day, a void of an earn adds its (negative)
    // points_delta on the earn's day.
    void addEarned(Member& m, const std::string& day, std::int64_t points) {
        if (day.empty() || points == 0) {
            return;
        }
        earned_[{m.id, day}] += points;
        window_.add(m.earned, day, points);
    }

    std::string earnDay(const std::string& id, const KnownEvent& target) const {
        if (!target.day.empty()) {
            return target.day;
        }
        const auto stored = snapshot_.events.find(id);
        return stored == snapshot_.events.end() ? std::string() : EventParser::dayOfPayload(stored->second.payload);
    }

    std::optional<Rejection> linkOrBlock(const IncomingEvent& e, const std::string& memberId) {
        const std::string& token = *e.record.card;
        const bool link = e.record.type == "card-link";
        Card* c = card(token);
        if (c != nullptr && c->memberId != memberId) {
            return Rejection{"invalid", "Card " + token + " belongs to another member."};
        }
        if (c == nullptr) {
            c = &cards_.emplace(token, Card{token, memberId, IngestRules::kindFromToken(token), "active"}).first->second;
        }
        if (e.cardKind) {
            c->kind = *e.cardKind;
        }
        c->status = link ? "active" : "blocked";
        touch(Kind::Card, token);
        return std::nullopt;
    }

    const Snapshot& snapshot_;
    std::int64_t receivedAt_;
    EarnedWindow window_;
    std::map<std::pair<std::string, std::string>, std::int64_t> earned_;  // (member, day) -> points added
    std::map<std::string, KnownEvent> known_;
    std::map<std::string, std::string> voidedBy_;
    std::map<std::string, Member> members_;
    std::map<std::string, Card> cards_;
    std::map<std::string, std::int64_t> totals_;
    std::vector<std::pair<Kind, std::string>> touched_;  // in the order first touched
    std::set<std::pair<Kind, std::string>> touchedSet_;
    WriteSet writes_;
};

}  // namespace

std::string IngestRules::kindFromToken(const std::string& token) {
    if (token.rfind("n:", 0) == 0) {
        return "ntag21x";
    }
    if (token.rfind("s:", 0) == 0) {
        return "ntag424";
    }
    return "uid";
}

SnapshotKeys IngestRules::keysFor(const std::vector<IncomingEvent>& events, std::int64_t receivedAt) {
    SnapshotKeys keys;
    keys.earned = EarnedWindow::endingAt(receivedAt);
    for (const auto& e : events) {
        if (!e.hasId) {
            continue;
        }
        const EventRecord& r = e.record;
        keys.events.insert(r.id);
        if (r.memberId) {
            keys.members.insert(*r.memberId);
        }
        if (r.card) {
            keys.cards.insert(*r.card);
        }
        if (r.voidsEventId) {
            keys.events.insert(*r.voidsEventId);
            keys.voidTargets.insert(*r.voidsEventId);
            keys.allRewardTotals = true;
        }
        if (r.rewardId) {
            keys.rewardTotals.insert(*r.rewardId);
        }
    }
    return keys;
}

IngestDecision IngestRules::decide(const std::vector<IncomingEvent>& events, const Snapshot& snapshot,
                                   std::int64_t receivedAt) {
    Batch batch(snapshot, receivedAt, EarnedWindow::endingAt(receivedAt));
    IngestDecision decision;
    decision.outcomes.reserve(events.size());
    for (const auto& e : events) {
        decision.outcomes.push_back(batch.handle(e));
    }
    decision.writes = batch.finish();
    return decision;
}

}  // namespace headoffice
