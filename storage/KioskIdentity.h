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

    // Takes `count` (>= 1) consecutive sequence numbers and returns the
    // first. Must run inside the caller's transaction (Internal otherwise),
    // so a rollback gives the numbers back and no gap appears. NotFound
    // before provisioning.
    Result<std::int64_t> reserveSequences(std::int64_t count);
    Result<std::int64_t> nextSequence() { return reserveSequences(1); }

    static bool isValidId(std::string_view kioskId);

private:
    Database& db_;
};

}  // namespace storage
