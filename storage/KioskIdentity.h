#pragma once
// This kiosk's identity and its per-kiosk sequence (table `kiosk`). The id is
// provisioned once (kioskctl provision); every ledger event carries it with a
// sequence number 1, 2, 3 ... without gaps.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "storage/Database.h"

namespace storage {

class KioskIdentity {
public:
    static constexpr std::size_t kMaxIdLength = 64;

    explicit KioskIdentity(Database& db) : db_(db) {}

    // Sets the kiosk id. Provisioning again with the same id changes nothing;
    // with another id it is refused (Constraint): events already carry the
    // old one. InvalidArgument unless the id is 1..64 characters of
    // [A-Za-z0-9._-] (it travels in URLs, logs and file names).
    Status provision(std::string_view id, std::int64_t nowMs);

    // The provisioned id; nullopt before provisioning.
    Result<std::optional<std::string>> kioskId();

    // The sequence number the next ledger event takes: one past the
    // ledger's highest, or the floor pruning left (kiosk.sequence_floor) if
    // that is higher. Reading it writes nothing; it must run inside the
    // caller's write transaction (Internal otherwise), which then inserts
    // the event, so no other writer can take the same number and a rollback
    // leaves no gap. NotFound before provisioning.
    Result<std::int64_t> nextSequence();

    // Raises the floor past every event in the ledger: pruning calls it
    // before it deletes events, so their numbers are never used again.
    Status raiseSequenceFloor();

    // The serial of a card this kiosk is about to issue, committed in a
    // transaction of its own (docs/cards.md, "Card ids"): above every serial
    // taken before and at least the seconds since 2026-01-01 (kCardSerialEpoch),
    // so a database restored from an old backup does not hand one out twice.
    // A serial whose card was then not written is simply never used.
    // NotFound before provisioning; Constraint once 32 bits are used up.
    Result<std::uint32_t> takeCardSerial(std::int64_t nowUnixSeconds);
    static constexpr std::int64_t kCardSerialEpoch = 1767225600;  // 2026-01-01T00:00:00Z

    static bool isValidId(std::string_view kioskId);

    // Columns: kiosk_id, the next sequence number (no row before provisioning).
    static const char* const kNextSequenceSql;

private:
    Database& db_;
};

}  // namespace storage
