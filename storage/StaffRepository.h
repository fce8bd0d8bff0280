#pragma once
// Staff (table staff): who may log in at this kiosk, with what role, and the
// lockout after repeated failed PIN attempts. The PIN hash is stored as given
// (an Argon2id encoded string made by the caller); hashing and verifying are
// not storage's business.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "storage/Database.h"
#include "storage/StoredValues.h"

namespace storage {

struct StaffRecord {
    std::string id;
    std::string displayName;
    StaffRole role = StaffRole::Cashier;
    std::optional<std::string> pinHash;
    std::optional<std::string> cardToken;
    std::int32_t failedAttempts = 0;
    std::optional<std::int64_t> lockedUntilMs;  // no login before this time
    bool active = true;

    bool lockedAt(std::int64_t nowMs) const { return lockedUntilMs && nowMs < *lockedUntilMs; }
};

struct LockoutPolicy {
    std::int32_t maxFailures = 5;  // the failure that reaches this locks the account
    std::int32_t lockMinutes = 15;
};

class StaffRepository {
public:
    explicit StaffRepository(Database& db) : db_(db) {}

    // A staff record from head office (or a technician's provisioning):
    // inserts it, or updates name, role, PIN hash, card token and active flag.
    // The failed-attempt count and lockout are kept. Constraint when the card
    // token belongs to someone else; InvalidArgument for an empty id or name.
    Status upsert(const StaffRecord& staff, std::int64_t nowMs);

    Result<std::optional<StaffRecord>> findById(std::string_view id);
    Result<std::optional<StaffRecord>> findByCardToken(std::string_view cardToken);

    // One more failed attempt. When the count reaches policy.maxFailures the
    // account is locked until now + lockMinutes and the count starts again
    // from 0 (so the next lockout takes maxFailures more failures). Returns
    // the record after the change. NotFound for an unknown id.
    Result<StaffRecord> recordFailedAttempt(std::string_view id, const LockoutPolicy& policy,
                                            std::int64_t nowMs);
    // A successful login: failed attempts to 0, lockout lifted.
    Status recordSuccess(std::string_view id, std::int64_t nowMs);

private:
    Result<std::optional<StaffRecord>> findWhere(std::string_view column, std::string_view value);
    Database& db_;
};

}  // namespace storage
