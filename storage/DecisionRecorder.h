#pragma once
// THE write path: records what the rules decided. In one BEGIN IMMEDIATE
// transaction it gives each event of the decision its per-kiosk sequence
// number and UUID, writes its ledger row and its outbox row, and applies its
// effect on the member cache (MemberCacheWriter) and the cards. Either the
// whole decision is stored or nothing of it is.
//
// It keeps prepared statements on its Database: make a new recorder whenever
// the Database is reopened or replaced (a moved-over Database keeps the old
// connection alive for these statements).

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "loyalty/Event.h"
#include "storage/Database.h"
#include "storage/MemberRepository.h"
#include "storage/RecordTime.h"
#include "storage/StatementCache.h"
#include "storage/StoredValues.h"

namespace storage {

struct RecordRequest {
    // The card presented. Its daily transaction count (earn, redeem, stamp:
    // +1 per decision) and consecutive offline redemptions are kept here.
    // Empty for member-only events (an expiry, an adjustment without a card).
    std::string cardToken;
    // Enrolment: the new member, inserted in the same transaction; its first
    // card comes from the decision's CardLink event.
    std::optional<MemberRecord> newMember;
    CardKind linkedCardKind = CardKind::Uid;  // kind of the card a CardLink event links
    bool offline = false;                     // head office unreachable when decided
    loyalty::Decision decision;
    RecordTime time;
};

class DecisionRecorder {
public:
    // Where event ids come from; tests inject ids to provoke failures.
    using IdSource = std::function<Result<std::string>()>;

    explicit DecisionRecorder(Database& db);  // ids: version 7 (UuidSource)
    DecisionRecorder(Database& db, IdSource ids);
    DecisionRecorder(const DecisionRecorder&) = delete;
    DecisionRecorder& operator=(const DecisionRecorder&) = delete;

    // The recorded events, in order, with their ids. An empty decision
    // records nothing. Fails with nothing written when:
    //   NotFound    the kiosk is not provisioned; an event's member does not
    //               exist (and is not request.newMember); a card to count,
    //               block or a void's target is not here
    //   Constraint  the lots cannot pay a deduction (PointLots::spend
    //               refused), stamps would go below zero, a void's target is
    //               voided already or another member's, a CardLink card
    //               belongs to another member, the new member exists, or a
    //               database constraint (e.g. a duplicate event id)
    //   others      from SQLite (DiskFull, ReadOnly, Busy, Io ...)
    Result<std::vector<loyalty::RecordedEvent>> record(const RecordRequest& request);

private:
    Result<std::vector<loyalty::RecordedEvent>> recordInTransaction(const RecordRequest& request);
    Status insertEvent(const std::string& id, const std::string& kioskId, std::int64_t seq,
                       const loyalty::EventDraft& event, const RecordTime& time);
    Status applyCardEvent(const loyalty::EventDraft& event, const RecordRequest& request);
    Status countCardUse(const RecordRequest& request);

    Database& db_;
    IdSource ids_;
    StatementCache statements_;
};

}  // namespace storage
