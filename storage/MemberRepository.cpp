#include "storage/MemberRepository.h"

#include <limits>
#include <map>

#include "loyalty/CheckedMath.h"
#include "storage/Outbox.h"
#include "storage/Rows.h"
#include "storage/StoredValues.h"
#include "storage/WriteScope.h"

namespace storage {

namespace {

constexpr loyalty::Points kMaxPoints = std::numeric_limits<loyalty::Points>::max();
constexpr loyalty::Points kMinPoints = std::numeric_limits<loyalty::Points>::min();

StorageError invalid(const std::string& message) { return StorageError{ErrorCode::InvalidArgument, message, 0}; }

std::optional<std::int64_t> dayOf(const std::optional<loyalty::Date>& date) {
    if (!date) {
        return std::nullopt;
    }
    return loyalty::daysSinceEpoch(*date);
}

std::optional<loyalty::Date> dateOf(const std::optional<std::int64_t>& day) {
    if (!day) {
        return std::nullopt;
    }
    return loyalty::dateFromDays(*day);
}

}  // namespace

Status MemberRepository::upsert(const MemberRecord& member, std::int64_t nowMs) {
    return write(member, nowMs, true);
}

Status MemberRepository::insert(const MemberRecord& member, std::int64_t nowMs) {
    return write(member, nowMs, false);
}

Status MemberRepository::write(const MemberRecord& member, std::int64_t nowMs, bool mayExist) {
    if (member.id.empty() || member.displayName.empty()) {
        return loyalty::unexpected(invalid("a member needs an id and a display name"));
    }
    if (member.birthdayMonth && (*member.birthdayMonth < 1 || *member.birthdayMonth > 12)) {
        return loyalty::unexpected(invalid("a birthday month is 1 to 12"));
    }
    if (member.earned) {
        for (const loyalty::EarnedEntry& entry : *member.earned) {
            if (entry.points < 0 || !loyalty::isValidDate(entry.on)) {
                return loyalty::unexpected(invalid("an earning history has valid days and points >= 0"));
            }
        }
    }
    auto scope = WriteScope::begin(db_);
    if (!scope) {
        return failure(scope);
    }
    if (!mayExist) {
        auto found = exists(member.id);
        if (!found) {
            return failure(found);
        }
        if (found.value()) {
            return loyalty::unexpected(
                StorageError{ErrorCode::Constraint, "member " + member.id + " exists already", 0});
        }
    }
    auto upsert = db_.prepare(
        "INSERT INTO members (id, display_name, status, birthday_month, consent_marketing, home_store, "
        "enrolled_day, last_activity_day, confirmed_balance, updated_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) "
        "ON CONFLICT (id) DO UPDATE SET display_name = excluded.display_name, status = excluded.status, "
        "birthday_month = excluded.birthday_month, consent_marketing = excluded.consent_marketing, "
        "home_store = excluded.home_store, enrolled_day = excluded.enrolled_day, "
        "last_activity_day = max(coalesce(last_activity_day, excluded.last_activity_day), "
        "                        coalesce(excluded.last_activity_day, last_activity_day)), "
        "confirmed_balance = excluded.confirmed_balance, updated_at = excluded.updated_at");
    if (!upsert) {
        return failure(upsert);
    }
    std::optional<std::int64_t> month;
    if (member.birthdayMonth) {
        month = static_cast<std::int64_t>(*member.birthdayMonth);
    }
    upsert->bind(1, member.id)
        .bind(2, member.displayName)
        .bind(3, memberStatusName(member.status))
        .bind(4, month)
        .bind(5, std::int64_t{member.consentMarketing ? 1 : 0})
        .bind(6, member.homeStore)
        .bind(7, loyalty::daysSinceEpoch(member.enrolledOn))
        .bind(8, dayOf(member.lastActivityOn))
        .bind(9, member.confirmedBalance)
        .bind(10, nowMs);
    if (auto done = upsert->run(); !done) {
        return done;
    }
    auto clear = db_.prepare("DELETE FROM member_segments WHERE member_id = ?1");
    if (!clear) {
        return failure(clear);
    }
    if (auto done = clear->bind(1, member.id).run(); !done) {
        return done;
    }
    auto add = db_.prepare("INSERT OR IGNORE INTO member_segments (member_id, segment) VALUES (?1, ?2)");
    if (!add) {
        return failure(add);
    }
    for (const std::string& segment : member.segments) {
        add->reset();
        if (auto done = add->bind(1, member.id).bind(2, segment).run(); !done) {
            return done;
        }
    }
    if (member.earned) {
        if (auto done = replaceEarned(member.id, *member.earned); !done) {
            return done;
        }
    }
    return scope->commit();
}

Status MemberRepository::replaceEarned(const std::string& memberId,
                                       const std::vector<loyalty::EarnedEntry>& history) {
    // Head office's history counts every event it acknowledged; the events
    // still pending here are the rest (an acknowledged one is in the history
    // already and is not added again).
    auto pending = Outbox(db_).pendingEarned(memberId);
    if (!pending) {
        return failure(pending);
    }
    std::map<std::int64_t, loyalty::Points> wanted;
    const std::vector<loyalty::EarnedEntry>* lists[] = {&history, &pending.value()};
    for (const auto* entries : lists) {
        for (const loyalty::EarnedEntry& entry : *entries) {
            loyalty::Points& day = wanted[loyalty::daysSinceEpoch(entry.on)];
            day = loyalty::checkedAdd(day, entry.points).value_or(entry.points > 0 ? kMaxPoints : kMinPoints);
        }
    }
    std::map<std::int64_t, loyalty::Points> stored;
    auto select = db_.prepare("SELECT earned_day, points FROM earned_points WHERE member_id = ?1");
    if (!select) {
        return failure(select);
    }
    select->bind(1, memberId);
    if (auto done = forEachRow(*select, [&](Statement& s) { stored[s.columnInt64(0)] = s.columnInt64(1); }); !done) {
        return failure(done);
    }
    // Only the rows that change: a member record usually differs by a day.
    auto erase = db_.prepare("DELETE FROM earned_points WHERE member_id = ?1 AND earned_day = ?2");
    auto put = db_.prepare("INSERT OR REPLACE INTO earned_points (member_id, earned_day, points) VALUES (?1, ?2, ?3)");
    if (!erase) {
        return failure(erase);
    }
    if (!put) {
        return failure(put);
    }
    for (const auto& [day, points] : stored) {
        const auto kept = wanted.find(day);
        if (kept == wanted.end() || kept->second == 0) {
            erase->reset();
            if (auto done = erase->bind(1, memberId).bind(2, day).run(); !done) {
                return done;
            }
        }
    }
    for (const auto& [day, points] : wanted) {
        const auto old = stored.find(day);
        if (points == 0 || (old != stored.end() && old->second == points)) {
            continue;
        }
        put->reset();
        if (auto done = put->bind(1, memberId).bind(2, day).bind(3, points).run(); !done) {
            return done;
        }
    }
    return Done{};
}

Result<bool> MemberRepository::exists(std::string_view memberId) {
    auto select = db_.prepare("SELECT 1 FROM members WHERE id = ?1");
    if (!select) {
        return failure(select);
    }
    return select->bind(1, memberId).step();
}

Result<std::optional<MemberRecord>> MemberRepository::get(std::string_view memberId) {
    auto select = db_.prepare(
        "SELECT id, display_name, status, birthday_month, consent_marketing, home_store, enrolled_day, "
        "last_activity_day, confirmed_balance, pending_delta FROM members WHERE id = ?1");
    if (!select) {
        return failure(select);
    }
    auto row = select->bind(1, memberId).step();
    if (!row) {
        return failure(row);
    }
    if (!row.value()) {
        return std::optional<MemberRecord>();
    }
    MemberRecord member;
    member.id = select->columnText(0);
    member.displayName = select->columnText(1);
    const auto status = parseMemberStatus(select->columnText(2));
    if (!status) {
        return loyalty::unexpected(badStoredValue(db_.path(), "member status"));
    }
    member.status = *status;
    if (const auto month = select->columnOptionalInt64(3)) {
        member.birthdayMonth = static_cast<unsigned>(*month);
    }
    member.consentMarketing = select->columnInt64(4) != 0;
    member.homeStore = select->columnOptionalText(5);
    member.enrolledOn = loyalty::dateFromDays(select->columnInt64(6));
    member.lastActivityOn = dateOf(select->columnOptionalInt64(7));
    member.confirmedBalance = select->columnInt64(8);
    member.pendingDelta = select->columnInt64(9);

    auto segments = db_.prepare("SELECT segment FROM member_segments WHERE member_id = ?1 ORDER BY segment");
    if (!segments) {
        return failure(segments);
    }
    segments->bind(1, memberId);
    if (auto done = forEachRow(*segments, [&](Statement& s) { member.segments.push_back(s.columnText(0)); });
        !done) {
        return failure(done);
    }
    return std::optional<MemberRecord>(std::move(member));
}

Result<std::vector<loyalty::PointLot>> MemberRepository::lots(std::string_view memberId) {
    auto select = db_.prepare(
        "SELECT earned_day, remaining FROM point_lots WHERE member_id = ?1 AND remaining > 0 ORDER BY earned_day");
    if (!select) {
        return failure(select);
    }
    select->bind(1, memberId);
    std::vector<loyalty::PointLot> lots;
    auto done = forEachRow(*select, [&](Statement& s) {
        lots.push_back(loyalty::PointLot{loyalty::dateFromDays(s.columnInt64(0)), s.columnInt64(1)});
    });
    if (!done) {
        return failure(done);
    }
    return lots;
}

Status MemberRepository::replaceLots(std::string_view memberId, const std::vector<loyalty::PointLot>& lots) {
    auto scope = WriteScope::begin(db_);
    if (!scope) {
        return failure(scope);
    }
    auto clear = db_.prepare("DELETE FROM point_lots WHERE member_id = ?1");
    if (!clear) {
        return failure(clear);
    }
    if (auto done = clear->bind(1, memberId).run(); !done) {
        return done;
    }
    // Lots of the same day are merged, as PointLots::add would.
    auto add = db_.prepare(
        "INSERT INTO point_lots (member_id, earned_day, remaining) VALUES (?1, ?2, ?3) "
        "ON CONFLICT (member_id, earned_day) DO UPDATE SET remaining = remaining + excluded.remaining");
    if (!add) {
        return failure(add);
    }
    for (const loyalty::PointLot& lot : lots) {
        if (lot.remaining <= 0) {
            continue;
        }
        add->reset();
        add->bind(1, memberId).bind(2, loyalty::daysSinceEpoch(lot.earnedOn)).bind(3, lot.remaining);
        if (auto done = add->run(); !done) {
            return done;
        }
    }
    return scope->commit();
}

Result<std::vector<loyalty::EarnedEntry>> MemberRepository::earned(std::string_view memberId) {
    auto select = db_.prepare("SELECT earned_day, points FROM earned_points WHERE member_id = ?1 ORDER BY earned_day");
    if (!select) {
        return failure(select);
    }
    select->bind(1, memberId);
    std::vector<loyalty::EarnedEntry> entries;
    auto done = forEachRow(*select, [&](Statement& s) {
        entries.push_back(loyalty::EarnedEntry{loyalty::dateFromDays(s.columnInt64(0)), s.columnInt64(1)});
    });
    if (!done) {
        return failure(done);
    }
    return entries;
}

Result<MemberCounters> MemberRepository::counters(std::string_view memberId) {
    auto select = db_.prepare("SELECT kind, item_id, count FROM member_counters WHERE member_id = ?1");
    if (!select) {
        return failure(select);
    }
    select->bind(1, memberId);
    MemberCounters counters;
    auto done = forEachRow(*select, [&](Statement& s) {
        const std::string kind = s.columnText(0);
        std::string item = s.columnText(1);
        const auto count = static_cast<std::int32_t>(s.columnInt64(2));
        if (kind == "reward_redeemed") {
            counters.rewardRedemptions[std::move(item)] = count;
        } else if (kind == "offer_activated") {
            counters.offerActivations[std::move(item)] = count;
        } else if (kind == "offer_active") {
            if (count > 0) {
                counters.activeOffers.push_back(std::move(item));
            }
        } else if (kind == "stamps") {
            counters.stamps[std::move(item)] = count;
        }
    });
    if (!done) {
        return failure(done);
    }
    return counters;
}

Result<std::optional<loyalty::MemberState>> MemberRepository::loadState(std::string_view memberId) {
    auto record = get(memberId);
    if (!record) {
        return failure(record);
    }
    if (!record.value()) {
        return std::optional<loyalty::MemberState>();
    }
    MemberRecord& member = *record.value();
    loyalty::MemberState state;
    state.memberId = std::move(member.id);
    state.displayName = std::move(member.displayName);
    state.status = member.status;
    state.birthdayMonth = member.birthdayMonth;
    state.segments = std::move(member.segments);
    state.enrolledOn = member.enrolledOn;
    state.lastActivityOn = member.lastActivityOn;
    state.confirmedBalance = member.confirmedBalance;
    state.pendingDelta = member.pendingDelta;

    auto lotRows = lots(memberId);
    if (!lotRows) {
        return failure(lotRows);
    }
    state.lots = std::move(lotRows.value());
    auto earnedRows = earned(memberId);
    if (!earnedRows) {
        return failure(earnedRows);
    }
    state.earned = std::move(earnedRows.value());
    auto counterRows = counters(memberId);
    if (!counterRows) {
        return failure(counterRows);
    }
    state.rewardRedemptions = std::move(counterRows->rewardRedemptions);
    state.offerActivations = std::move(counterRows->offerActivations);
    state.activeOffers = std::move(counterRows->activeOffers);
    state.stamps = std::move(counterRows->stamps);
    return std::optional<loyalty::MemberState>(std::move(state));
}

}  // namespace storage
