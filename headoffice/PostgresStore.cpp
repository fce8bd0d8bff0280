#include "headoffice/PostgresStore.h"

#include "headoffice/PgTextArray.h"
#include "headoffice/PostgresSchema.h"
#include "headoffice/PostgresWriter.h"
#include "headoffice/RecordJson.h"

namespace headoffice {

namespace {

// Key of the advisory lock every writer takes ("HOF1").
constexpr const char* kLock = "SELECT pg_advisory_xact_lock(1213154865)";


constexpr const char* kEventColumns =
    "id, kiosk_id, seq, type, member_id, card, points_delta, reward_id, voids_event_id, status, code, reason, "
    "received_at, payload";
constexpr const char* kMemberColumns =
    "id, display_name, status, birthday_month, consent_marketing, home_store, enrolled_day, balance, segments";
constexpr const char* kStaffColumns = "id, display_name, role, pin_hash, card_token, active";
constexpr const char* kHeartbeatColumns =
    "kiosk_id, received_at, kiosk_time, clock_offset_ms, version, outbox_depth, oldest_unsent_age_ms, "
    "reader_state, last_error";

EventRecord eventFrom(const PgResult& r, int i) {
    EventRecord e;
    e.id = r.text(i, 0);
    e.kioskId = r.text(i, 1);
    e.seq = r.integer(i, 2);
    e.type = r.text(i, 3);
    e.memberId = r.optionalText(i, 4);
    e.card = r.optionalText(i, 5);
    e.pointsDelta = r.integer(i, 6);
    e.rewardId = r.optionalText(i, 7);
    e.voidsEventId = r.optionalText(i, 8);
    e.status = r.text(i, 9) == "accepted" ? EventStatus::Accepted : EventStatus::Rejected;
    e.code = r.text(i, 10);
    e.reason = r.text(i, 11);
    e.receivedAt = r.integer(i, 12);
    e.payload = r.text(i, 13);
    return e;
}

Member memberFrom(const PgResult& r, int i) {
    return Member{r.text(i, 0),         r.text(i, 1), r.text(i, 2),    r.optionalInteger(i, 3),
                  r.boolean(i, 4),      r.optionalText(i, 5), r.text(i, 6), r.integer(i, 7),
                  RecordJson::segmentsFrom(r.text(i, 8)), {}};
}

Card cardFrom(const PgResult& r, int i) { return Card{r.text(i, 0), r.text(i, 1), r.text(i, 2), r.text(i, 3)}; }

Staff staffFrom(const PgResult& r, int i) {
    return Staff{r.text(i, 0), r.text(i, 1), r.text(i, 2), r.optionalText(i, 3), r.optionalText(i, 4), r.boolean(i, 5)};
}

Heartbeat heartbeatFrom(const PgResult& r, int i) {
    return Heartbeat{r.text(i, 0), r.integer(i, 1), r.integer(i, 2), r.integer(i, 3),
                     r.text(i, 4), r.integer(i, 5), r.optionalInteger(i, 6), r.text(i, 7), r.text(i, 8)};
}

template <class Set>
std::string arrayOf(const Set& keys) {
    PgTextArray array;
    for (const auto& key : keys) {
        array.add(std::string_view(key));
    }
    return array.text();
}

template <class T>
Result<std::optional<T>> first(Result<PgResult> result, T (*from)(const PgResult&, int)) {
    if (!result) {
        return loyalty::unexpected(result.error());
    }
    if (result->rows() == 0) {
        return std::optional<T>();
    }
    return std::optional<T>(from(*result, 0));
}

}  // namespace

Result<std::unique_ptr<PostgresStore>> PostgresStore::open(const std::string& url) {
    auto db = PgConnection::connect(url);
    if (!db) {
        return loyalty::unexpected(db.error());
    }
    auto store = std::unique_ptr<PostgresStore>(new PostgresStore(std::move(*db)));
    auto schema = store->createSchema();
    if (!schema) {
        return loyalty::unexpected(schema.error());
    }
    return store;
}

Status PostgresStore::transaction(const std::function<Status()>& work) {
    auto begun = db_.exec("BEGIN");
    if (!begun) {
        return loyalty::unexpected(begun.error());
    }
    auto locked = db_.exec(kLock);
    Status done = locked ? work() : Status(loyalty::unexpected(locked.error()));
    if (done) {
        auto committed = db_.exec("COMMIT");
        if (committed) {
            return Done{};
        }
        done = loyalty::unexpected(committed.error());
    }
    (void)db_.exec("ROLLBACK");
    return done;
}

Status PostgresStore::createSchema() {
    std::lock_guard<std::mutex> lock(mutex_);
    return transaction([this]() { return PostgresSchema::prepare(db_); });
}

std::string PostgresStore::describe() const { return db_.describe(); }

Result<Snapshot> PostgresStore::read(const SnapshotKeys& keys) {
    Snapshot s;
    if (!keys.events.empty()) {
        auto r = db_.exec(std::string("SELECT ") + kEventColumns + " FROM events WHERE id = ANY($1::text[])",
                          {arrayOf(keys.events)});
        if (!r) {
            return loyalty::unexpected(r.error());
        }
        for (int i = 0; i < r->rows(); ++i) {
            auto e = eventFrom(*r, i);
            s.events.emplace(e.id, std::move(e));
        }
    }
    if (!keys.voidTargets.empty()) {
        auto r = db_.exec("SELECT voids_event_id, id FROM events WHERE voids_event_id = ANY($1::text[]) "
                          "AND status = 'accepted'",
                          {arrayOf(keys.voidTargets)});
        if (!r) {
            return loyalty::unexpected(r.error());
        }
        for (int i = 0; i < r->rows(); ++i) {
            s.voidedBy.emplace(r->text(i, 0), r->text(i, 1));
        }
    }
    if (!keys.members.empty()) {
        auto r = db_.exec(std::string("SELECT ") + kMemberColumns + " FROM members WHERE id = ANY($1::text[])",
                          {arrayOf(keys.members)});
        if (!r) {
            return loyalty::unexpected(r.error());
        }
        for (int i = 0; i < r->rows(); ++i) {
            auto m = memberFrom(*r, i);
            s.members.emplace(m.id, std::move(m));
        }
        if (!keys.earned.empty() && !s.members.empty()) {
            auto e = db_.exec("SELECT member_id, day, points FROM earned_points WHERE member_id = ANY($1::text[]) "
                              "AND day >= $2 AND day <= $3 AND points > 0 ORDER BY member_id, day",
                              {arrayOf(keys.members), keys.earned.from(), keys.earned.through()});
            if (!e) {
                return loyalty::unexpected(e.error());
            }
            for (int i = 0; i < e->rows(); ++i) {
                const auto member = s.members.find(e->text(i, 0));
                if (member != s.members.end()) {
                    member->second.earned.push_back(EarnedDay{e->text(i, 1), e->integer(i, 2)});
                }
            }
        }
    }
    if (!keys.cards.empty()) {
        auto r = db_.exec("SELECT token, member_id, kind, status FROM cards WHERE token = ANY($1::text[])",
                          {arrayOf(keys.cards)});
        if (!r) {
            return loyalty::unexpected(r.error());
        }
        for (int i = 0; i < r->rows(); ++i) {
            auto c = cardFrom(*r, i);
            s.cards.emplace(c.token, std::move(c));
        }
    }
    if (keys.allRewardTotals || !keys.rewardTotals.empty()) {
        auto r = keys.allRewardTotals
                     ? db_.exec("SELECT reward_id, redeemed FROM reward_totals")
                     : db_.exec("SELECT reward_id, redeemed FROM reward_totals WHERE reward_id = ANY($1::text[])",
                                {arrayOf(keys.rewardTotals)});
        if (!r) {
            return loyalty::unexpected(r.error());
        }
        for (int i = 0; i < r->rows(); ++i) {
            s.rewardTotals.emplace(r->text(i, 0), RewardTotal{r->text(i, 0), r->integer(i, 1)});
        }
    }
    if (!keys.staff.empty()) {
        auto r = db_.exec(std::string("SELECT ") + kStaffColumns + " FROM staff WHERE id = ANY($1::text[])",
                          {arrayOf(keys.staff)});
        if (!r) {
            return loyalty::unexpected(r.error());
        }
        for (int i = 0; i < r->rows(); ++i) {
            auto st = staffFrom(*r, i);
            s.staff.emplace(st.id, std::move(st));
        }
    }
    if (!keys.catalogue.empty()) {
        PgTextArray kinds;
        PgTextArray ids;
        for (const auto& [kind, id] : keys.catalogue) {
            kinds.add(std::string_view(kind));
            ids.add(std::string_view(id));
        }
        auto r = db_.exec("SELECT kind, id, body FROM catalogue WHERE (kind, id) IN "
                          "(SELECT * FROM unnest($1::text[], $2::text[]))",
                          {kinds.text(), ids.text()});
        if (!r) {
            return loyalty::unexpected(r.error());
        }
        for (int i = 0; i < r->rows(); ++i) {
            CatalogueItem item{r->text(i, 0), r->text(i, 1), r->text(i, 2)};
            s.catalogue.emplace(std::make_pair(item.kind, item.id), std::move(item));
        }
    }
    if (!keys.kiosks.empty()) {
        auto r = db_.exec("SELECT id, token_sha256 FROM kiosks WHERE id = ANY($1::text[])", {arrayOf(keys.kiosks)});
        if (!r) {
            return loyalty::unexpected(r.error());
        }
        for (int i = 0; i < r->rows(); ++i) {
            s.kiosks.emplace(r->text(i, 0), Kiosk{r->text(i, 0), r->text(i, 1)});
        }
    }
    return s;
}

Status PostgresStore::update(const SnapshotKeys& keys, const Decide& decide) {
    std::lock_guard<std::mutex> lock(mutex_);
    return transaction([&]() -> Status {
        auto snapshot = read(keys);
        if (!snapshot) {
            return loyalty::unexpected(snapshot.error());
        }
        auto writes = decide(*snapshot);
        if (!writes) {
            return loyalty::unexpected(writes.error());
        }
        return PostgresWriter(db_).write(*writes);
    });
}

Result<ChangePage> PostgresStore::changes(std::int64_t after, std::size_t limit) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto r = db_.exec("SELECT seq, body, (SELECT coalesce(max(seq), 0) FROM changes) FROM changes WHERE seq > $1 "
                      "ORDER BY seq LIMIT $2",
                      {std::to_string(after), std::to_string(limit + 1)});
    if (!r) {
        return loyalty::unexpected(r.error());
    }
    ChangePage page;
    for (int i = 0; i < r->rows(); ++i) {
        page.last = r->integer(i, 2);
        if (page.seqs.size() == limit) {
            page.more = true;
            break;
        }
        page.seqs.push_back(r->integer(i, 0));
        page.bodies.push_back(r->text(i, 1));
    }
    if (r->rows() == 0) {
        auto last = db_.exec("SELECT coalesce(max(seq), 0) FROM changes");
        if (!last) {
            return loyalty::unexpected(last.error());
        }
        page.last = last->integer(0, 0);
    }
    return page;
}

Result<std::optional<Member>> PostgresStore::member(const std::string& id) {
    std::lock_guard<std::mutex> lock(mutex_);
    return first<Member>(db_.exec(std::string("SELECT ") + kMemberColumns + " FROM members WHERE id = $1", {id}),
                         memberFrom);
}

Result<std::vector<EarnedDay>> PostgresStore::earned(const std::string& memberId, const EarnedWindow& window) {
    std::vector<EarnedDay> out;
    if (window.empty()) {
        return out;
    }
    std::lock_guard<std::mutex> lock(mutex_);
    auto r = db_.exec("SELECT day, points FROM earned_points WHERE member_id = $1 AND day >= $2 AND day <= $3 "
                      "AND points > 0 ORDER BY day",
                      {memberId, window.from(), window.through()});
    if (!r) {
        return loyalty::unexpected(r.error());
    }
    for (int i = 0; i < r->rows(); ++i) {
        out.push_back(EarnedDay{r->text(i, 0), r->integer(i, 1)});
    }
    return out;
}

Result<std::optional<Card>> PostgresStore::card(const std::string& token) {
    std::lock_guard<std::mutex> lock(mutex_);
    return first<Card>(db_.exec("SELECT token, member_id, kind, status FROM cards WHERE token = $1", {token}),
                       cardFrom);
}

Result<std::optional<EventRecord>> PostgresStore::event(const std::string& id) {
    std::lock_guard<std::mutex> lock(mutex_);
    return first<EventRecord>(db_.exec(std::string("SELECT ") + kEventColumns + " FROM events WHERE id = $1", {id}),
                              eventFrom);
}

Result<std::optional<Staff>> PostgresStore::staff(const std::string& id) {
    std::lock_guard<std::mutex> lock(mutex_);
    return first<Staff>(db_.exec(std::string("SELECT ") + kStaffColumns + " FROM staff WHERE id = $1", {id}),
                        staffFrom);
}

Result<std::optional<RewardTotal>> PostgresStore::rewardTotal(const std::string& rewardId) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto from = [](const PgResult& r, int i) { return RewardTotal{r.text(i, 0), r.integer(i, 1)}; };
    return first<RewardTotal>(
        db_.exec("SELECT reward_id, redeemed FROM reward_totals WHERE reward_id = $1", {rewardId}), +from);
}

Result<std::optional<std::string>> PostgresStore::kioskForTokenHash(const std::string& tokenSha256) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto from = [](const PgResult& r, int i) { return r.text(i, 0); };
    return first<std::string>(db_.exec("SELECT id FROM kiosks WHERE token_sha256 = $1", {tokenSha256}), +from);
}

Status PostgresStore::recordHeartbeat(const Heartbeat& h) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto optional = [](const std::optional<std::int64_t>& v) {
        return v ? std::optional<std::string>(std::to_string(*v)) : std::nullopt;
    };
    auto r = db_.exec(std::string("INSERT INTO heartbeats (") + kHeartbeatColumns +
                          ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (kiosk_id) DO UPDATE SET "
                          "received_at = EXCLUDED.received_at, kiosk_time = EXCLUDED.kiosk_time, clock_offset_ms = "
                          "EXCLUDED.clock_offset_ms, version = EXCLUDED.version, outbox_depth = "
                          "EXCLUDED.outbox_depth, oldest_unsent_age_ms = EXCLUDED.oldest_unsent_age_ms, "
                          "reader_state = EXCLUDED.reader_state, last_error = EXCLUDED.last_error",
                      {h.kioskId, std::to_string(h.receivedAt), std::to_string(h.kioskTime),
                       std::to_string(h.clockOffsetMs), h.version, std::to_string(h.outboxDepth),
                       optional(h.oldestUnsentAgeMs), h.readerState, h.lastError});
    if (!r) {
        return loyalty::unexpected(r.error());
    }
    return Done{};
}

Result<std::optional<Heartbeat>> PostgresStore::lastHeartbeat(const std::string& kioskId) {
    std::lock_guard<std::mutex> lock(mutex_);
    return first<Heartbeat>(
        db_.exec(std::string("SELECT ") + kHeartbeatColumns + " FROM heartbeats WHERE kiosk_id = $1", {kioskId}),
        heartbeatFrom);
}

Result<std::int64_t> PostgresStore::bulkInsertEvents(const std::vector<EventRecord>& events) {
    std::lock_guard<std::mutex> lock(mutex_);
    std::int64_t inserted = 0;
    auto done = transaction([&]() { return PostgresWriter(db_).insertEvents(events, true, &inserted); });
    if (!done) {
        return loyalty::unexpected(done.error());
    }
    return inserted;
}

Result<StoreCounts> PostgresStore::counts() {
    std::lock_guard<std::mutex> lock(mutex_);
    auto r = db_.exec(
        "SELECT (SELECT count(*) FROM events), (SELECT count(*) FROM events WHERE status = 'accepted'), "
        "(SELECT count(*) FROM members), (SELECT count(*) FROM cards), (SELECT count(*) FROM staff), "
        "(SELECT count(*) FROM catalogue), (SELECT count(*) FROM reward_totals), (SELECT count(*) FROM kiosks), "
        "(SELECT count(*) FROM changes), (SELECT coalesce(max(seq), 0) FROM changes)");
    if (!r) {
        return loyalty::unexpected(r.error());
    }
    return StoreCounts{r->integer(0, 0), r->integer(0, 1), r->integer(0, 2), r->integer(0, 3), r->integer(0, 4),
                       r->integer(0, 5), r->integer(0, 6), r->integer(0, 7), r->integer(0, 8), r->integer(0, 9)};
}

}  // namespace headoffice
