-- 0002: the serial of the last card this kiosk issued (docs/cards.md,
-- "Card ids"). A signed card's id is the kiosk key's id and this serial;
-- KioskIdentity::takeCardSerial raises it past both the last serial and the
-- seconds since 2026-01-01, so a database restored from an old backup never
-- issues a serial twice.
ALTER TABLE kiosk ADD COLUMN card_serial INTEGER NOT NULL DEFAULT 0
    CHECK (card_serial >= 0 AND card_serial <= 4294967295);
