#include "headoffice/SqliteSchema.h"

#include <string>

namespace headoffice {

namespace {

constexpr const char* kSchema = R"sql(
CREATE TABLE kiosks (
    id           TEXT PRIMARY KEY,
    token_sha256 TEXT NOT NULL UNIQUE
) WITHOUT ROWID;

CREATE TABLE members (
    id                TEXT PRIMARY KEY,
    display_name      TEXT NOT NULL,
    status            TEXT NOT NULL CHECK (status IN ('active', 'blocked')),
    birthday_month    INTEGER CHECK (birthday_month BETWEEN 1 AND 12),
    consent_marketing INTEGER NOT NULL CHECK (consent_marketing IN (0, 1)),
    home_store        TEXT,
    enrolled_day      TEXT NOT NULL,
    balance           INTEGER NOT NULL,
    segments          TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE cards (
    token     TEXT PRIMARY KEY,
    member_id TEXT NOT NULL REFERENCES members(id),
    kind      TEXT NOT NULL CHECK (kind IN ('uid', 'ntag21x', 'ntag424')),
    status    TEXT NOT NULL CHECK (status IN ('active', 'lost', 'blocked'))
) WITHOUT ROWID;

CREATE TABLE staff (
    id           TEXT PRIMARY KEY,
    display_name TEXT NOT NULL,
    role         TEXT NOT NULL CHECK (role IN ('cashier', 'manager', 'technician')),
    pin_hash     TEXT,
    card_token   TEXT UNIQUE,
    active       INTEGER NOT NULL CHECK (active IN (0, 1))
) WITHOUT ROWID;

CREATE TABLE catalogue (
    kind TEXT NOT NULL CHECK (kind IN ('tier', 'reward', 'offer', 'promotion', 'stamp_card')),
    id   TEXT NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (kind, id)
) WITHOUT ROWID;

CREATE TABLE reward_totals (
    reward_id TEXT PRIMARY KEY,
    redeemed  INTEGER NOT NULL CHECK (redeemed >= 0)
) WITHOUT ROWID;

-- Every event ever uploaded, accepted or rejected, under its unique id.
CREATE TABLE events (
    id             TEXT NOT NULL PRIMARY KEY,
    kiosk_id       TEXT NOT NULL,
    seq            INTEGER NOT NULL,
    type           TEXT NOT NULL,
    member_id      TEXT,
    card           TEXT,
    points_delta   INTEGER NOT NULL,
    reward_id      TEXT,
    voids_event_id TEXT,
    status         TEXT NOT NULL CHECK (status IN ('accepted', 'rejected')),
    code           TEXT NOT NULL,
    reason         TEXT NOT NULL,
    received_at    INTEGER NOT NULL,
    payload        TEXT NOT NULL
);
CREATE INDEX events_voiding ON events(voids_event_id) WHERE voids_event_id IS NOT NULL AND status = 'accepted';

-- The change log behind GET /v1/changes: numbered, append-only.
CREATE TABLE changes (
    seq       INTEGER PRIMARY KEY AUTOINCREMENT,
    kind      TEXT NOT NULL,
    op        TEXT NOT NULL CHECK (op IN ('upsert', 'delete')),
    entity_id TEXT NOT NULL,
    body      TEXT NOT NULL
);

CREATE TABLE heartbeats (
    kiosk_id             TEXT PRIMARY KEY REFERENCES kiosks(id),
    received_at          INTEGER NOT NULL,
    kiosk_time           INTEGER NOT NULL,
    clock_offset_ms      INTEGER NOT NULL,
    version              TEXT NOT NULL,
    outbox_depth         INTEGER NOT NULL,
    oldest_unsent_age_ms INTEGER,
    reader_state         TEXT NOT NULL,
    last_error           TEXT NOT NULL
) WITHOUT ROWID;
)sql";

// Schema 2: points earned per member and shop-local day (YYYY-MM-DD), the
// member record's "earned". Kept up to date by every unit of work; an older
// store gets it filled from the events it accepted (earns, less the voids
// of earns on the earn's day).
constexpr const char* kEarnedPoints = R"sql(
CREATE TABLE earned_points (
    member_id TEXT NOT NULL REFERENCES members(id),
    day       TEXT NOT NULL,
    points    INTEGER NOT NULL,
    PRIMARY KEY (member_id, day)
) WITHOUT ROWID;
)sql";

constexpr const char* kFillEarnedPoints = R"sql(
INSERT INTO earned_points (member_id, day, points)
SELECT member_id, day, sum(points) FROM (
    SELECT e.member_id AS member_id,
           date((json_extract(e.payload, '$.wall_time') + coalesce(json_extract(e.payload, '$.utc_offset'), 0) * 1000)
                / 1000, 'unixepoch') AS day,
           e.points_delta AS points
    FROM events e WHERE e.type = 'earn' AND e.status = 'accepted'
    UNION ALL
    SELECT t.member_id,
           date((json_extract(t.payload, '$.wall_time') + coalesce(json_extract(t.payload, '$.utc_offset'), 0) * 1000)
                / 1000, 'unixepoch'),
           v.points_delta
    FROM events v JOIN events t ON t.id = v.voids_event_id
    WHERE v.type = 'void' AND v.status = 'accepted' AND t.type = 'earn' AND t.status = 'accepted'
)
WHERE day IS NOT NULL AND member_id IN (SELECT id FROM members)
GROUP BY member_id, day HAVING sum(points) <> 0;
)sql";

Result<std::int64_t> integer(SqliteConnection& db, const char* sql) {
    auto text = db.queryText(sql);
    if (!text) {
        return loyalty::unexpected(text.error());
    }
    return text->empty() ? 0 : std::stoll(*text);
}

}  // namespace

Status SqliteSchema::prepare(SqliteConnection& db) {
    auto done = db.exec("BEGIN IMMEDIATE");
    if (!done) {
        return done;
    }
    auto rollback = [&db](Error error) {
        (void)db.exec("ROLLBACK");
        return loyalty::unexpected(Error{error.code, db.path() + ": " + error.message});
    };
    auto applicationId = integer(db, "PRAGMA application_id");
    auto version = integer(db, "PRAGMA user_version");
    auto tables = integer(db, "SELECT count(*) FROM sqlite_master");
    if (!applicationId || !version || !tables) {
        return rollback(!applicationId ? applicationId.error() : !version ? version.error() : tables.error());
    }
    if (*applicationId == 0 && *tables == 0) {
        for (const std::string& sql : {std::string(kSchema), std::string(kEarnedPoints),
                                      "PRAGMA application_id=" + std::to_string(kApplicationId),
                                      "PRAGMA user_version=" + std::to_string(kVersion)}) {
            done = db.exec(sql);
            if (!done) {
                return rollback(done.error());
            }
        }
    } else if (*applicationId != kApplicationId) {
        return rollback(Error{ErrorCode::InvalidInput,
                              "not a head-office store (another program's SQLite database); refusing to change it"});
    } else if (*version > kVersion) {
        return rollback(Error{ErrorCode::InvalidInput, "written by a newer headoffice (schema " +
                                                           std::to_string(*version) + "; this one knows " +
                                                           std::to_string(kVersion) + ")"});
    } else if (*version == 1) {
        for (const std::string& sql : {std::string(kEarnedPoints), std::string(kFillEarnedPoints),
                                      "PRAGMA user_version=" + std::to_string(kVersion)}) {
            done = db.exec(sql);
            if (!done) {
                return rollback(done.error());
            }
        }
    }
    done = db.exec("COMMIT");
    if (!done) {
        return rollback(done.error());
    }
    return Done{};
}

}  // namespace headoffice
