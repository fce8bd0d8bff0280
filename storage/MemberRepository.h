#pragma once
// Members as this kiosk knows them (tables members, member_segments,
// point_lots, earned_points, member_counters). The profile and the confirmed
// balance come from head office (upsert) or from an enrolment here (insert);
// pending_delta, lots, earned points and counters are the member cache that
// DecisionRecorder keeps in step with the ledger.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "loyalty/MemberState.h"
#include "storage/Database.h"

namespace storage {

struct MemberRecord {
    std::string id;
    std::string displayName;  // first name only
    loyalty::MemberStatus status = loyalty::MemberStatus::Active;
    std::optional<unsigned> birthdayMonth;  // 1..12
    bool consentMarketing = false;
    std::optional<std::string> homeStore;
    loyalty::Date enrolledOn;
    std::optional<loyalty::Date> lastActivityOn;
    loyalty::Points confirmedBalance = 0;  // last balance head office confirmed
    loyalty::Points pendingDelta = 0;      // read only: only recording and acknowledging change it
    std::vector<std::string> segments;
    // Head office's earning history (the member record's "earned": points
    // earned per shop-local day, each >= 0). Given, upsert makes the
    // member's earned_points this history plus this kiosk's earns head
    // office has not acknowledged (Outbox::pendingEarned). nullopt (an
    // older head office, a member enrolled here, and what get() returns)
    // keeps the stored rows.
    std::optional<std::vector<loyalty::EarnedEntry>> earned;
};

// The member_counters rows, as MemberState holds them.
struct MemberCounters {
    std::map<std::string, std::int32_t> rewardRedemptions;
    std::map<std::string, std::int32_t> offerActivations;
    std::vector<std::string> activeOffers;  // by offer id
    std::map<std::string, std::int32_t> stamps;
};

class MemberRepository {
public:
    explicit MemberRepository(Database& db) : db_(db) {}

    // A member record from head office: inserts it, or updates the profile,
    // confirmed balance and segments (replaced) of an existing one. Keeps
    // pending_delta, lots and counters; earned points are kept too unless
    // the record carries an earning history (MemberRecord::earned), which
    // replaces them together with the earns still pending here, in the same
    // transaction. last_activity_day becomes the later of the stored and the
    // given day. InvalidArgument for an empty id or display name, a birthday
    // month outside 1..12 or a negative day in the earning history.
    Status upsert(const MemberRecord& member, std::int64_t nowMs);
    // A member enrolled here. Constraint when the id exists already.
    Status insert(const MemberRecord& member, std::int64_t nowMs);

    Result<std::optional<MemberRecord>> get(std::string_view memberId);
    Result<bool> exists(std::string_view memberId);

    // Lots oldest first, with remaining > 0.
    Result<std::vector<loyalty::PointLot>> lots(std::string_view memberId);
    // Replaces the member's lots (dropping those with remaining <= 0).
    Status replaceLots(std::string_view memberId, const std::vector<loyalty::PointLot>& lots);
    // Earned entries, oldest day first.
    Result<std::vector<loyalty::EarnedEntry>> earned(std::string_view memberId);
    Result<MemberCounters> counters(std::string_view memberId);

    // Everything the rules need about one member, or nullopt. Not wrapped in
    // a transaction of its own: AccountReader calls it inside one.
    Result<std::optional<loyalty::MemberState>> loadState(std::string_view memberId);

private:
    Status write(const MemberRecord& member, std::int64_t nowMs, bool mayExist);
    // earned_points := `history` + Outbox::pendingEarned, only the rows that change.
    Status replaceEarned(const std::string& memberId, const std::vector<loyalty::EarnedEntry>& history);
    Database& db_;
};

}  // namespace storage
