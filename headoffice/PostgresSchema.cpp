#include "headoffice/PostgresSchema.h"

#include <string>

namespace headoffice {

namespace {

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS headoffice_schema (
    singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
    version   INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS kiosks (
    id           TEXT PRIMARY KEY,
    token_sha256 TEXT NOT NULL UNIQUE
);
CREATE TABLE IF NOT EXISTS members (
    id                TEXT PRIMARY KEY,
    display_name      TEXT NOT NULL,
    status            TEXT NOT NULL CHECK (status IN ('active', 'blocked')),
    birthday_month    BIGINT CHECK (birthday_month BETWEEN 1 AND 12),
    consent_marketing BOOLEAN NOT NULL,
    home_store        TEXT,
    enrolled_day      TEXT NOT NULL,
    balance           BIGINT NOT NULL,
    segments          TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS cards (
    token     TEXT PRIMARY KEY,
    member_id TEXT NOT NULL REFERENCES members(id),
    kind      TEXT NOT NULL CHECK (kind IN ('uid', 'ntag21x', 'ntag424')),
    status    TEXT NOT NULL CHECK (status IN ('active', 'lost', 'blocked'))
);
CREATE TABLE IF NOT EXISTS staff (
    id           TEXT PRIMARY KEY,
    display_name TEXT NOT NULL,
    role         TEXT NOT NULL CHECK (role IN ('cashier', 'manager', 'technician')),
    pin_hash     TEXT,
    card_token   TEXT UNIQUE,
    active       BOOLEAN NOT NULL
);
CREATE TABLE IF NOT EXISTS catalogue (
    kind TEXT NOT NULL CHECK (kind IN ('tier', 'reward', 'offer', 'promotion', 'stamp_card')),
    id   TEXT NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (kind, id)
);
CREATE TABLE IF NOT EXISTS reward_totals (
    reward_id TEXT PRIMARY KEY,
    redeemed  BIGINT NOT NULL CHECK (redeemed >= 0)
);
CREATE TABLE IF NOT EXISTS events (
    id             TEXT PRIMARY KEY,
    kiosk_id       TEXT NOT NULL,
    seq            BIGINT NOT NULL,
    type           TEXT NOT NULL,
    member_id      TEXT,
    card           TEXT,
    points_delta   BIGINT NOT NULL,
    reward_id      TEXT,
    voids_event_id TEXT,
    status         TEXT NOT NULL CHECK (status IN ('accepted', 'rejected')),
    code           TEXT NOT NULL,
    reason         TEXT NOT NULL,
    received_at    BIGINT NOT NULL,
    payload        TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS events_voiding ON events(voids_event_id)
    WHERE voids_event_id IS NOT NULL AND status = 'accepted';
CREATE TABLE IF NOT EXISTS changes (
    seq       BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind      TEXT NOT NULL,
    op        TEXT NOT NULL CHECK (op IN ('upsert', 'delete')),
    entity_id TEXT NOT NULL,
    body      TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS heartbeats (
    kiosk_id             TEXT PRIMARY KEY REFERENCES kiosks(id),
    received_at          BIGINT NOT NULL,
    kiosk_time           BIGINT NOT NULL,
    clock_offset_ms      BIGINT NOT NULL,
    version              TEXT NOT NULL,
    outbox_depth         BIGINT NOT NULL,
    oldest_unsent_age_ms BIGINT,
    reader_state         TEXT NOT NULL,
    last_error           TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS earned_points (
    member_id TEXT NOT NULL REFERENCES members(id),
    day       TEXT NOT NULL,
    points    BIGINT NOT NULL,
    PRIMARY KEY (member_id, day)
);
INSERT INTO headoffice_schema (singleton, version) VALUES (1, 1) ON CONFLICT (singleton) DO NOTHING;
)sql";

// Schema 1 to 2: earned_points (created above, empty) filled from the
// events head office accepted: earns, less the voids of earns on the earn's
// shop-local day (wall_time + utc_offset of its payload).
constexpr const char* kFillEarnedPoints = R"sql(
INSERT INTO earned_points (member_id, day, points)
SELECT member_id, day, sum(points) FROM (
    SELECT e.member_id AS member_id, e.payload::jsonb AS payload, e.points_delta AS points
    FROM events e WHERE e.type = 'earn' AND e.status = 'accepted'
    UNION ALL
    SELECT t.member_id, t.payload::jsonb, v.points_delta
    FROM events v JOIN events t ON t.id = v.voids_event_id
    WHERE v.type = 'void' AND v.status = 'accepted' AND t.type = 'earn' AND t.status = 'accepted'
) AS accepted,
LATERAL (SELECT to_char(date '1970-01-01' + floor(((payload->>'wall_time')::bigint
                        + coalesce((payload->>'utc_offset')::bigint, 0) * 1000) / 86400000.0)::integer,
                        'YYYY-MM-DD') AS day) AS shop
WHERE member_id IN (SELECT id FROM members) AND payload ? 'wall_time'
GROUP BY member_id, day HAVING sum(points) <> 0;
UPDATE headoffice_schema SET version = 2 WHERE singleton = 1;
)sql";

}  // namespace

Status PostgresSchema::prepare(PgConnection& db) {
    auto created = db.exec(kSchema);
    if (!created) {
        return loyalty::unexpected(created.error());
    }
    auto version = db.exec("SELECT version FROM headoffice_schema");
    if (!version) {
        return loyalty::unexpected(version.error());
    }
    if (version->rows() == 1 && version->integer(0, 0) == 1) {
        auto filled = db.exec(kFillEarnedPoints);
        if (!filled) {
            return loyalty::unexpected(filled.error());
        }
        return Done{};
    }
    if (version->rows() != 1 || version->integer(0, 0) > kVersion) {
        return failure(ErrorCode::InvalidInput, "the PostgreSQL database was written by a newer headoffice (schema " +
                                                    (version->rows() == 1 ? version->text(0, 0) : std::string("?")) +
                                                    "; this one knows " + std::to_string(kVersion) + ")");
    }
    return Done{};
}

}  // namespace headoffice
