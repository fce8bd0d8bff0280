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
INSERT INTO headoffice_schema (singleton, version) VALUES (1, 1) ON CONFLICT (singleton) DO NOTHING;
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
    if (version->rows() != 1 || version->integer(0, 0) > kVersion) {
        return failure(ErrorCode::InvalidInput, "the PostgreSQL database was written by a newer headoffice (schema " +
                                                    (version->rows() == 1 ? version->text(0, 0) : std::string("?")) +
                                                    "; this one knows " + std::to_string(kVersion) + ")");
    }
    return Done{};
}

}  // namespace headoffice
