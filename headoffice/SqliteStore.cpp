#include "headoffice/SqliteStore.h"

#include "headoffice/RecordJson.h"
#include "headoffice/SqliteRows.h"
#include "headoffice/SqliteSchema.h"

namespace headoffice {

namespace {

constexpr const char* kEventColumns =
    "id, kiosk_id, seq, type, member_id, card, points_delta, reward_id, voids_event_id, status, code, reason, "
    "received_at, payload";
constexpr const char* kMemberColumns =
    "id, display_name, status, birthday_month, consent_marketing, home_store, enrolled_day, balance, segments";
constexpr const char* kHeartbeatColumns =
    "kiosk_id, received_at, kiosk_time, clock_offset_ms, version, outbox_depth, oldest_unsent_age_ms, "
    "reader_state, last_error";

const char* statusName(EventStatus status) { return status == EventStatus::Accepted ? "accepted" : "rejected"; }

using R = SqliteRows;

// BEGIN IMMEDIATE ... COMMIT, rolled back unless committed.
class WriteTransaction {
public:
    explicit WriteTransaction(SqliteConnection& db) : db_(db) {}
    ~WriteTransaction() {
        if (open_) {
            (void)db_.exec("ROLLBACK");
        }
    }
    WriteTransaction(const WriteTransaction&) = delete;
    WriteTransaction& operator=(const WriteTransaction&) = delete;
    Status begin() {
        auto done = db_.exec("BEGIN IMMEDIATE");
        open_ = done.hasValue();
        return done;
    }
    Status commit() {
        auto done = db_.exec("COMMIT");
        if (done) {
            open_ = false;
        }
        return done;
    }

private:
    SqliteConnection& db_;
    bool open_ = false;
};

}  // namespace

struct SqliteStore::Statements {
    SqliteStatement eventById, voidOf, memberById, cardByToken, rewardTotalById, allRewardTotals, staffById,
        catalogueByKey, kioskById, kioskByHash, changesAfter, heartbeatByKiosk;
    SqliteStatement insertEvent, insertEventIfNew, upsertMember, upsertCard, upsertStaff, upsertCatalogue,
        upsertRewardTotal, upsertKiosk, insertChange, upsertHeartbeat;
    SqliteStatement lastChange;
    SqliteStatement earnedOf, addEarned;
};

SqliteStore::SqliteStore(SqliteConnection db, std::unique_ptr<Statements> statements,
                         std::unique_ptr<SqliteCheckpointer> checkpointer, bool fullSync)
    : db_(std::move(db)), sql_(std::move(statements)), checkpointer_(std::move(checkpointer)), fullSync_(fullSync) {}

SqliteStore::~SqliteStore() = default;

Result<std::unique_ptr<SqliteStore>> SqliteStore::open(const std::string& path, bool fullSync) {
    auto db = SqliteConnection::open(path, fullSync);
    if (!db) {
        return loyalty::unexpected(db.error());
    }
    auto schema = SqliteSchema::prepare(*db);
    if (!schema) {
        return loyalty::unexpected(schema.error());
    }
    // Checkpoints run on their own connection and thread; this connection
    // only checkpoints if the WAL ever reaches ~40 MB (the other fell behind).
    auto backstop = db->exec("PRAGMA wal_autocheckpoint=10000");
    auto checkpointConnection = SqliteConnection::open(path, fullSync);
    if (!backstop || !checkpointConnection) {
        return loyalty::unexpected(!backstop ? backstop.error() : checkpointConnection.error());
    }
    auto checkpointer = std::make_unique<SqliteCheckpointer>(std::move(*checkpointConnection));
    const std::string e = kEventColumns;
    const std::string m = kMemberColumns;
    const std::string h = kHeartbeatColumns;
    const std::vector<std::string> texts = {
        "SELECT " + e + " FROM events WHERE id = ?1",
        "SELECT id FROM events WHERE voids_event_id = ?1 AND status = 'accepted' LIMIT 1",
        "SELECT " + m + " FROM members WHERE id = ?1",
        "SELECT token, member_id, kind, status FROM cards WHERE token = ?1",
        "SELECT reward_id, redeemed FROM reward_totals WHERE reward_id = ?1",
        "SELECT reward_id, redeemed FROM reward_totals",
        "SELECT id, display_name, role, pin_hash, card_token, active FROM staff WHERE id = ?1",
        "SELECT kind, id, body FROM catalogue WHERE kind = ?1 AND id = ?2",
        "SELECT id, token_sha256 FROM kiosks WHERE id = ?1",
        "SELECT id FROM kiosks WHERE token_sha256 = ?1",
        "SELECT seq, body FROM changes WHERE seq > ?1 ORDER BY seq LIMIT ?2",
        "SELECT " + h + " FROM heartbeats WHERE kiosk_id = ?1",
        "INSERT INTO events (" + e + ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
        "INSERT INTO events (" + e + ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14) "
        "ON CONFLICT (id) DO NOTHING",
        "INSERT INTO members (" + m + ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT (id) DO UPDATE SET "
        "display_name = excluded.display_name, status = excluded.status, birthday_month = excluded.birthday_month, "
        "consent_marketing = excluded.consent_marketing, home_store = excluded.home_store, "
        "enrolled_day = excluded.enrolled_day, balance = excluded.balance, segments = excluded.segments",
        "INSERT INTO cards (token, member_id, kind, status) VALUES (?1, ?2, ?3, ?4) ON CONFLICT (token) DO UPDATE SET "
        "member_id = excluded.member_id, kind = excluded.kind, status = excluded.status",
        "INSERT INTO staff (id, display_name, role, pin_hash, card_token, active) VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
        "ON CONFLICT (id) DO UPDATE SET display_name = excluded.display_name, role = excluded.role, "
        "pin_hash = excluded.pin_hash, card_token = excluded.card_token, active = excluded.active",
        "INSERT INTO catalogue (kind, id, body) VALUES (?1, ?2, ?3) ON CONFLICT (kind, id) DO UPDATE SET "
        "body = excluded.body",
        "INSERT INTO reward_totals (reward_id, redeemed) VALUES (?1, ?2) ON CONFLICT (reward_id) DO UPDATE SET "
        "redeemed = excluded.redeemed",
        "INSERT INTO kiosks (id, token_sha256) VALUES (?1, ?2) ON CONFLICT (id) DO UPDATE SET "
        "token_sha256 = excluded.token_sha256",
        "INSERT INTO changes (kind, op, entity_id, body) VALUES (?1, ?2, ?3, ?4)",
        "INSERT INTO heartbeats (" + h + ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT (kiosk_id) DO "
        "UPDATE SET received_at = excluded.received_at, kiosk_time = excluded.kiosk_time, "
        "clock_offset_ms = excluded.clock_offset_ms, version = excluded.version, "
        "outbox_depth = excluded.outbox_depth, oldest_unsent_age_ms = excluded.oldest_unsent_age_ms, "
        "reader_state = excluded.reader_state, last_error = excluded.last_error",
        "SELECT coalesce(max(seq), 0) FROM changes",
        "SELECT day, points FROM earned_points WHERE member_id = ?1 AND day >= ?2 AND day <= ?3 AND points > 0 "
        "ORDER BY day",
        "INSERT INTO earned_points (member_id, day, points) VALUES (?1, ?2, ?3) ON CONFLICT (member_id, day) DO "
        "UPDATE SET points = points + excluded.points",
    };
    std::vector<SqliteStatement> prepared;
    for (const auto& text : texts) {
        auto statement = db->prepare(text);
        if (!statement) {
            return loyalty::unexpected(statement.error());
        }
        prepared.push_back(std::move(*statement));
    }
    auto next = prepared.begin();
    auto take = [&next]() { return std::move(*next++); };
    auto statements = std::unique_ptr<Statements>(new Statements{
        take(), take(), take(), take(), take(), take(), take(), take(), take(), take(), take(), take(),
        take(), take(), take(), take(), take(), take(), take(), take(), take(), take(), take(), take(), take()});
    return std::unique_ptr<SqliteStore>(
        new SqliteStore(std::move(*db), std::move(statements), std::move(checkpointer), fullSync));
}

std::string SqliteStore::describe() const {
    return "sqlite:" + db_.path() + " (journal_mode=wal synchronous=" + (fullSync_ ? "FULL" : "NORMAL") + ")";
}

Result<Snapshot> SqliteStore::read(const SnapshotKeys& keys) {
    Snapshot snapshot;
    auto byText = [](const std::string& key) { return [&key](SqliteStatement& s) { s.bind(1, key); }; };
    for (const auto& id : keys.events) {
        auto row = R::first<EventRecord>(sql_->eventById, byText(id), R::event);
        if (!row) {
            return loyalty::unexpected(row.error());
        }
        if (*row) {
            snapshot.events.emplace(id, std::move(**row));
        }
    }
    for (const auto& id : keys.voidTargets) {
        auto row = R::first<std::string>(sql_->voidOf, byText(id), [](const SqliteStatement& s) { return s.text(0); });
        if (!row) {
            return loyalty::unexpected(row.error());
        }
        if (*row) {
            snapshot.voidedBy.emplace(id, **row);
        }
    }
    for (const auto& id : keys.members) {
        auto row = R::first<Member>(sql_->memberById, byText(id), R::member);
        if (!row) {
            return loyalty::unexpected(row.error());
        }
        if (!*row) {
            continue;
        }
        if (!keys.earned.empty()) {
            auto earned = readEarned(id, keys.earned);
            if (!earned) {
                return loyalty::unexpected(earned.error());
            }
            (*row)->earned = std::move(*earned);
        }
        snapshot.members.emplace(id, std::move(**row));
    }
    for (const auto& token : keys.cards) {
        auto row = R::first<Card>(sql_->cardByToken, byText(token), R::card);
        if (!row) {
            return loyalty::unexpected(row.error());
        }
        if (*row) {
            snapshot.cards.emplace(token, std::move(**row));
        }
    }
    auto totalFrom = [](const SqliteStatement& s) { return RewardTotal{s.text(0), s.integer(1)}; };
    if (keys.allRewardTotals) {
        auto all = R::all<RewardTotal>(sql_->allRewardTotals, [](SqliteStatement&) {}, totalFrom);
        if (!all) {
            return loyalty::unexpected(all.error());
        }
        for (auto& t : *all) {
            snapshot.rewardTotals.emplace(t.rewardId, t);
        }
    } else {
        for (const auto& id : keys.rewardTotals) {
            auto row = R::first<RewardTotal>(sql_->rewardTotalById, byText(id), totalFrom);
            if (!row) {
                return loyalty::unexpected(row.error());
            }
            if (*row) {
                snapshot.rewardTotals.emplace(id, **row);
            }
        }
    }
    for (const auto& id : keys.staff) {
        auto row = R::first<Staff>(sql_->staffById, byText(id), R::staff);
        if (!row) {
            return loyalty::unexpected(row.error());
        }
        if (*row) {
            snapshot.staff.emplace(id, std::move(**row));
        }
    }
    for (const auto& key : keys.catalogue) {
        auto row = R::first<CatalogueItem>(
            sql_->catalogueByKey, [&key](SqliteStatement& s) { s.bind(1, key.first).bind(2, key.second); },
            [](const SqliteStatement& s) { return CatalogueItem{s.text(0), s.text(1), s.text(2)}; });
        if (!row) {
            return loyalty::unexpected(row.error());
        }
        if (*row) {
            snapshot.catalogue.emplace(key, std::move(**row));
        }
    }
    for (const auto& id : keys.kiosks) {
        auto row = R::first<Kiosk>(sql_->kioskById, byText(id),
                                   [](const SqliteStatement& s) { return Kiosk{s.text(0), s.text(1)}; });
        if (!row) {
            return loyalty::unexpected(row.error());
        }
        if (*row) {
            snapshot.kiosks.emplace(id, std::move(**row));
        }
    }
    return snapshot;
}

Result<std::vector<EarnedDay>> SqliteStore::readEarned(const std::string& memberId, const EarnedWindow& window) {
    auto bind = [&](SqliteStatement& s) { s.bind(1, memberId).bind(2, window.from()).bind(3, window.through()); };
    return R::all<EarnedDay>(sql_->earnedOf, bind,
                             [](const SqliteStatement& s) { return EarnedDay{s.text(0), s.integer(1)}; });
}

Status SqliteStore::insertEvent(SqliteStatement& insert, const EventRecord& e) {
    return insert.bind(1, e.id)
        .bind(2, e.kioskId)
        .bind(3, e.seq)
        .bind(4, e.type)
        .bind(5, e.memberId)
        .bind(6, e.card)
        .bind(7, e.pointsDelta)
        .bind(8, e.rewardId)
        .bind(9, e.voidsEventId)
        .bind(10, std::string_view(statusName(e.status)))
        .bind(11, e.code)
        .bind(12, e.reason)
        .bind(13, e.receivedAt)
        .bind(14, e.payload)
        .run();
}

Status SqliteStore::write(const WriteSet& w) {
    for (const auto& e : w.events) {
        auto done = insertEvent(sql_->insertEvent, e);
        if (!done) {
            return done;
        }
    }
    for (const auto& m : w.members) {
        auto done = sql_->upsertMember.bind(1, m.id)
                        .bind(2, m.displayName)
                        .bind(3, m.status)
                        .bind(4, m.birthdayMonth)
                        .bind(5, std::int64_t{m.consentMarketing ? 1 : 0})
                        .bind(6, m.homeStore)
                        .bind(7, m.enrolledDay)
                        .bind(8, m.balance)
                        .bind(9, RecordJson::segmentsText(m.segments))
                        .run();
        if (!done) {
            return done;
        }
    }
    for (const auto& e : w.earned) {
        auto done = sql_->addEarned.bind(1, e.memberId).bind(2, e.day).bind(3, e.points).run();
        if (!done) {
            return done;
        }
    }
    for (const auto& c : w.cards) {
        auto done = sql_->upsertCard.bind(1, c.token).bind(2, c.memberId).bind(3, c.kind).bind(4, c.status).run();
        if (!done) {
            return done;
        }
    }
    for (const auto& s : w.staff) {
        auto done = sql_->upsertStaff.bind(1, s.id)
                        .bind(2, s.displayName)
                        .bind(3, s.role)
                        .bind(4, s.pinHash)
                        .bind(5, s.cardToken)
                        .bind(6, std::int64_t{s.active ? 1 : 0})
                        .run();
        if (!done) {
            return done;
        }
    }
    for (const auto& item : w.catalogue) {
        auto done = sql_->upsertCatalogue.bind(1, item.kind).bind(2, item.id).bind(3, item.body).run();
        if (!done) {
            return done;
        }
    }
    for (const auto& t : w.rewardTotals) {
        auto done = sql_->upsertRewardTotal.bind(1, t.rewardId).bind(2, t.redeemed).run();
        if (!done) {
            return done;
        }
    }
    for (const auto& k : w.kiosks) {
        auto done = sql_->upsertKiosk.bind(1, k.id).bind(2, k.tokenSha256).run();
        if (!done) {
            return done;
        }
    }
    for (const auto& c : w.changes) {
        auto done = sql_->insertChange.bind(1, c.kind).bind(2, c.op).bind(3, c.id).bind(4, c.body).run();
        if (!done) {
            return done;
        }
    }
    return Done{};
}

Status SqliteStore::update(const SnapshotKeys& keys, const Decide& decide) {
    std::lock_guard<std::mutex> lock(mutex_);
    WriteTransaction transaction(db_);
    auto begun = transaction.begin();
    if (!begun) {
        return begun;
    }
    auto snapshot = read(keys);
    if (!snapshot) {
        return loyalty::unexpected(snapshot.error());
    }
    auto writes = decide(*snapshot);
    if (!writes) {
        return loyalty::unexpected(writes.error());
    }
    auto written = write(*writes);
    if (!written) {
        return written;
    }
    return transaction.commit();
}

Result<ChangePage> SqliteStore::changes(std::int64_t after, std::size_t limit) {
    std::lock_guard<std::mutex> lock(mutex_);
    ChangePage page;
    auto all = R::all<std::pair<std::int64_t, std::string>>(
        sql_->changesAfter,
        [&](SqliteStatement& s) { s.bind(1, after).bind(2, static_cast<std::int64_t>(limit) + 1); },
        [](const SqliteStatement& s) { return std::make_pair(s.integer(0), s.text(1)); });
    if (!all) {
        return loyalty::unexpected(all.error());
    }
    for (auto& [seq, body] : *all) {
        if (page.seqs.size() == limit) {
            page.more = true;
            break;
        }
        page.seqs.push_back(seq);
        page.bodies.push_back(std::move(body));
    }
    auto last = R::first<std::int64_t>(sql_->lastChange, [](SqliteStatement&) {},
                                       [](const SqliteStatement& s) { return s.integer(0); });
    if (!last) {
        return loyalty::unexpected(last.error());
    }
    page.last = last->value_or(0);
    return page;
}

Result<std::optional<Member>> SqliteStore::member(const std::string& id) {
    std::lock_guard<std::mutex> lock(mutex_);
    return R::first<Member>(sql_->memberById, [&](SqliteStatement& s) { s.bind(1, id); }, R::member);
}

Result<std::vector<EarnedDay>> SqliteStore::earned(const std::string& memberId, const EarnedWindow& window) {
    if (window.empty()) {
        return std::vector<EarnedDay>{};
    }
    std::lock_guard<std::mutex> lock(mutex_);
    return readEarned(memberId, window);
}

Result<std::optional<Card>> SqliteStore::card(const std::string& token) {
    std::lock_guard<std::mutex> lock(mutex_);
    return R::first<Card>(sql_->cardByToken, [&](SqliteStatement& s) { s.bind(1, token); }, R::card);
}

Result<std::optional<EventRecord>> SqliteStore::event(const std::string& id) {
    std::lock_guard<std::mutex> lock(mutex_);
    return R::first<EventRecord>(sql_->eventById, [&](SqliteStatement& s) { s.bind(1, id); }, R::event);
}

Result<std::optional<Staff>> SqliteStore::staff(const std::string& id) {
    std::lock_guard<std::mutex> lock(mutex_);
    return R::first<Staff>(sql_->staffById, [&](SqliteStatement& s) { s.bind(1, id); }, R::staff);
}

Result<std::optional<RewardTotal>> SqliteStore::rewardTotal(const std::string& rewardId) {
    std::lock_guard<std::mutex> lock(mutex_);
    return R::first<RewardTotal>(sql_->rewardTotalById, [&](SqliteStatement& s) { s.bind(1, rewardId); },
                                 [](const SqliteStatement& s) { return RewardTotal{s.text(0), s.integer(1)}; });
}

Result<std::optional<std::string>> SqliteStore::kioskForTokenHash(const std::string& tokenSha256) {
    std::lock_guard<std::mutex> lock(mutex_);
    return R::first<std::string>(sql_->kioskByHash, [&](SqliteStatement& s) { s.bind(1, tokenSha256); },
                                 [](const SqliteStatement& s) { return s.text(0); });
}

Status SqliteStore::recordHeartbeat(const Heartbeat& h) {
    std::lock_guard<std::mutex> lock(mutex_);
    return sql_->upsertHeartbeat.bind(1, h.kioskId)
        .bind(2, h.receivedAt)
        .bind(3, h.kioskTime)
        .bind(4, h.clockOffsetMs)
        .bind(5, h.version)
        .bind(6, h.outboxDepth)
        .bind(7, h.oldestUnsentAgeMs)
        .bind(8, h.readerState)
        .bind(9, h.lastError)
        .run();
}

Result<std::optional<Heartbeat>> SqliteStore::lastHeartbeat(const std::string& kioskId) {
    std::lock_guard<std::mutex> lock(mutex_);
    return R::first<Heartbeat>(sql_->heartbeatByKiosk, [&](SqliteStatement& s) { s.bind(1, kioskId); },
                               R::heartbeat);
}

Result<std::int64_t> SqliteStore::bulkInsertEvents(const std::vector<EventRecord>& events) {
    std::lock_guard<std::mutex> lock(mutex_);
    WriteTransaction transaction(db_);
    auto begun = transaction.begin();
    if (!begun) {
        return loyalty::unexpected(begun.error());
    }
    std::int64_t inserted = 0;
    for (const auto& e : events) {
        auto done = insertEvent(sql_->insertEventIfNew, e);
        if (!done) {
            return loyalty::unexpected(done.error());
        }
        inserted += db_.changes();
    }
    auto committed = transaction.commit();
    if (!committed) {
        return loyalty::unexpected(committed.error());
    }
    return inserted;
}

Result<StoreCounts> SqliteStore::counts() {
    std::lock_guard<std::mutex> lock(mutex_);
    StoreCounts c;
    const std::pair<const char*, std::int64_t*> queries[] = {
        {"SELECT count(*) FROM events", &c.events},
        {"SELECT count(*) FROM events WHERE status = 'accepted'", &c.acceptedEvents},
        {"SELECT count(*) FROM members", &c.members},
        {"SELECT count(*) FROM cards", &c.cards},
        {"SELECT count(*) FROM staff", &c.staff},
        {"SELECT count(*) FROM catalogue", &c.catalogue},
        {"SELECT count(*) FROM reward_totals", &c.rewardTotals},
        {"SELECT count(*) FROM kiosks", &c.kiosks},
        {"SELECT count(*) FROM changes", &c.changes},
        {"SELECT coalesce(max(seq), 0) FROM changes", &c.lastChange},
    };
    for (const auto& [sql, out] : queries) {
        auto text = db_.queryText(sql);
        if (!text) {
            return loyalty::unexpected(text.error());
        }
        *out = std::stoll(*text);
    }
    return c;
}

}  // namespace headoffice
