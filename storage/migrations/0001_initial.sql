-- 0001: the kiosk's first schema. Applied with PRAGMA user_version = 1 in
-- one transaction (storage/Migrator.cpp). Times are Unix milliseconds (UTC)
-- unless named *_day, which are shop-local days since 1970-01-01.

-- CHECKs on the tables a tap writes list their values with OR, not IN: SQLite
-- builds a temporary b-tree for an IN list of three or more values each time
-- the CHECK runs (~9,000 instructions, twice per event recorded). Same rule,
-- one comparison per value.

-- This kiosk: its identity, and two marks that keep the hot write path to
-- as few pages as possible (every page is written to the WAL and synced on
-- each tap). The next event's sequence number is one past the ledger's
-- highest, or sequence_floor if that is higher: only pruning raises the
-- floor, so a pruned event's number is never used again and recording an
-- event writes nothing here. Every outbox row below outbox_low_water is
-- acknowledged, so the unsent queue is read from there on without an index
-- of its own (Outbox raises the mark when it records answers).
CREATE TABLE kiosk (
    singleton        INTEGER PRIMARY KEY CHECK (singleton = 1),
    kiosk_id         TEXT NOT NULL CHECK (length(kiosk_id) BETWEEN 1 AND 64),
    sequence_floor   INTEGER NOT NULL DEFAULT 1 CHECK (sequence_floor >= 1),
    outbox_low_water INTEGER NOT NULL DEFAULT 1 CHECK (outbox_low_water >= 1),
    created_at       INTEGER NOT NULL
);

-- Members as last known here (from head office or enrolled here).
CREATE TABLE members (
    id                TEXT PRIMARY KEY,
    display_name      TEXT NOT NULL,           -- first name only
    status            TEXT NOT NULL CHECK (status IN ('active', 'blocked')),
    birthday_month    INTEGER CHECK (birthday_month BETWEEN 1 AND 12),
    consent_marketing INTEGER NOT NULL DEFAULT 0 CHECK (consent_marketing IN (0, 1)),
    home_store        TEXT,
    enrolled_day      INTEGER NOT NULL,
    last_activity_day INTEGER,
    confirmed_balance INTEGER NOT NULL DEFAULT 0,  -- last balance head office confirmed
    pending_delta     INTEGER NOT NULL DEFAULT 0,  -- local deltas not yet acknowledged
    updated_at        INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE member_segments (
    member_id TEXT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    segment   TEXT NOT NULL,
    PRIMARY KEY (member_id, segment)
) WITHOUT ROWID;

-- Points still available, per day earned; spent and expired oldest first.
CREATE TABLE point_lots (
    member_id  TEXT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    earned_day INTEGER NOT NULL,
    remaining  INTEGER NOT NULL CHECK (remaining > 0),
    PRIMARY KEY (member_id, earned_day)
) WITHOUT ROWID;

-- Points earned per day (tier qualification over a rolling window).
CREATE TABLE earned_points (
    member_id  TEXT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    earned_day INTEGER NOT NULL,
    points     INTEGER NOT NULL,
    PRIMARY KEY (member_id, earned_day)
) WITHOUT ROWID;

-- Per-member counts: rewards redeemed, offers activated, offers active
-- (activated, not yet used), stamps held.
CREATE TABLE member_counters (
    member_id TEXT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    kind      TEXT NOT NULL CHECK (kind = 'reward_redeemed' OR kind = 'offer_activated' OR kind = 'offer_active'
                                   OR kind = 'stamps'),
    item_id   TEXT NOT NULL,
    count     INTEGER NOT NULL CHECK (count >= 0),
    PRIMARY KEY (member_id, kind, item_id)
) WITHOUT ROWID;

-- Cards. token is the card's identity as the reader reports it (UID hex for
-- UID-only cards, the signed card id for NTAG/424 cards).
CREATE TABLE cards (
    token                           TEXT PRIMARY KEY,
    member_id                       TEXT NOT NULL REFERENCES members(id),
    kind                            TEXT NOT NULL CHECK (kind = 'uid' OR kind = 'ntag21x' OR kind = 'ntag424'),
    status                          TEXT NOT NULL CHECK (status = 'active' OR status = 'lost' OR status = 'blocked'),
    last_sun_counter                INTEGER,           -- NTAG 424: last accepted SUN read counter
    consecutive_offline_redemptions INTEGER NOT NULL DEFAULT 0,
    transactions_day                INTEGER,           -- the day transactions_count counts
    transactions_count              INTEGER NOT NULL DEFAULT 0,
    updated_at                      INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX cards_by_member ON cards(member_id);

-- The programme catalogue as head office pushed it (tiers, rewards, offers,
-- promotions, stamp cards): one JSON document per item.
CREATE TABLE catalogue (
    kind       TEXT NOT NULL CHECK (kind IN ('tier', 'reward', 'offer', 'promotion', 'stamp_card')),
    id         TEXT NOT NULL,
    body       TEXT NOT NULL CHECK (json_valid(body)),
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (kind, id)
) WITHOUT ROWID;

-- Redeemed programme-wide per reward, as last synced (total limits).
CREATE TABLE reward_totals (
    reward_id TEXT PRIMARY KEY,
    redeemed  INTEGER NOT NULL CHECK (redeemed >= 0)
) WITHOUT ROWID;

CREATE TABLE staff (
    id              TEXT PRIMARY KEY,
    display_name    TEXT NOT NULL,
    role            TEXT NOT NULL CHECK (role IN ('cashier', 'manager', 'technician')),
    pin_hash        TEXT,                  -- Argon2id encoded string (libsodium)
    card_token      TEXT UNIQUE,
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    locked_until    INTEGER,               -- no login before this time
    active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    updated_at      INTEGER NOT NULL
) WITHOUT ROWID;

-- The ledger: append-only. seq is this kiosk's sequence number (1, 2, 3 ...
-- without gaps); id is the event's UUID, unique everywhere.
CREATE TABLE ledger (
    seq             INTEGER PRIMARY KEY CHECK (seq >= 1),
    id              TEXT NOT NULL UNIQUE,
    kiosk_id        TEXT NOT NULL,
    type            TEXT NOT NULL CHECK (type = 'earn' OR type = 'redeem' OR type = 'adjust' OR type = 'void'
                                     OR type = 'enrol' OR type = 'card-link' OR type = 'card-block'
                                     OR type = 'offer-activate' OR type = 'stamp' OR type = 'rating'
                                     OR type = 'expire'),
    member_id       TEXT,
    card_token      TEXT,
    points_delta    INTEGER NOT NULL DEFAULT 0,
    purchase_amount INTEGER NOT NULL DEFAULT 0,
    reward_id       TEXT,
    offer_id        TEXT,
    stamp_card_id   TEXT,
    stamps          INTEGER NOT NULL DEFAULT 0,
    rating          INTEGER NOT NULL DEFAULT 0,
    staff_id        TEXT,
    reason          TEXT NOT NULL,
    voids_event_id  TEXT,
    wall_time       INTEGER NOT NULL,      -- Unix ms, UTC
    utc_offset      INTEGER NOT NULL,      -- seconds, the shop's offset at wall_time
    monotonic_ns    INTEGER NOT NULL       -- CLOCK_MONOTONIC at recording
);
CREATE INDEX ledger_by_member ON ledger(member_id, seq);
CREATE INDEX ledger_by_voided ON ledger(voids_event_id) WHERE voids_event_id IS NOT NULL;

-- What head office has not acknowledged yet, and what it answered. One row
-- per ledger row, keyed by the same seq: rows are appended in order and the
-- unsent ones sit together at the end (from kiosk.outbox_low_water on), so
-- the queue is read from a few pages however long the kept history is. The
-- event id is the ledger's.
CREATE TABLE outbox (
    seq              INTEGER PRIMARY KEY REFERENCES ledger(seq) ON DELETE CASCADE,
    -- The event as uploaded. Dropped (NULL) once head office accepted it: the
    -- ledger row says the same, and 1,000,000 kept events are ~420 MB
    -- smaller. A rejected event keeps it for staff.
    payload          TEXT CHECK (payload IS NULL OR json_valid(payload)),
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  INTEGER NOT NULL DEFAULT 0,
    acknowledged_at  INTEGER,
    result           TEXT CHECK (result = 'accepted' OR result = 'duplicate' OR result = 'rejected'),
    rejection_reason TEXT,
    resolved_at      INTEGER,              -- a rejection reconciled by staff (Outbox::resolveRejected)
    last_error       TEXT,
    CHECK (payload IS NOT NULL OR (acknowledged_at IS NOT NULL AND (result = 'accepted' OR result = 'duplicate')))
);
CREATE INDEX outbox_rejected ON outbox(seq) WHERE result = 'rejected' AND resolved_at IS NULL;

-- Set inside a prune transaction only: ledger rows acknowledged before
-- 'before' may be deleted while it holds a row.
CREATE TABLE prune_gate (
    singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
    before    INTEGER NOT NULL
);

CREATE TRIGGER ledger_is_append_only BEFORE UPDATE ON ledger
BEGIN
    SELECT RAISE(ABORT, 'ledger rows are append-only');
END;

CREATE TRIGGER ledger_deletes_only_pruned BEFORE DELETE ON ledger
WHEN NOT EXISTS (
    SELECT 1 FROM outbox o, prune_gate g
    WHERE o.seq = OLD.seq AND o.acknowledged_at IS NOT NULL AND o.acknowledged_at < g.before
)
BEGIN
    SELECT RAISE(ABORT, 'only acknowledged ledger rows past the retention period may be deleted');
END;

-- A rejected event stays until staff reconcile it (design brief §5: kept,
-- shown to staff, never silently dropped): pruning skips it, row by row,
-- without failing the rest of the prune.
CREATE TRIGGER ledger_keeps_open_rejections BEFORE DELETE ON ledger
WHEN EXISTS (
    SELECT 1 FROM outbox o
    WHERE o.seq = OLD.seq AND o.result = 'rejected' AND o.resolved_at IS NULL
)
BEGIN
    SELECT RAISE(IGNORE);
END;

CREATE TRIGGER outbox_keeps_open_rejections BEFORE DELETE ON outbox
WHEN OLD.result = 'rejected' AND OLD.resolved_at IS NULL
BEGIN
    SELECT RAISE(IGNORE);
END;

-- Sync state: the change cursor, last successful exchange, and the like.
CREATE TABLE sync_state (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
