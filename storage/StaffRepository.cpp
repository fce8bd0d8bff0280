#include "storage/StaffRepository.h"

#include "storage/Rows.h"
#include "storage/WriteScope.h"

namespace storage {

namespace {

constexpr std::string_view kColumns =
    "id, display_name, role, pin_hash, card_token, failed_attempts, locked_until, active";

StorageError noSuchStaff() { return StorageError{ErrorCode::NotFound, "no such staff member", 0}; }

}  // namespace

Status StaffRepository::upsert(const StaffRecord& staff, std::int64_t nowMs) {
    if (staff.id.empty() || staff.displayName.empty()) {
        return loyalty::unexpected(StorageError{ErrorCode::InvalidArgument, "staff need an id and a name", 0});
    }
    auto scope = WriteScope::begin(db_);
    if (!scope) {
        return failure(scope);
    }
    if (staff.cardToken) {
        auto holder = findByCardToken(*staff.cardToken);
        if (!holder) {
            return failure(holder);
        }
        if (holder.value() && holder.value()->id != staff.id) {
            return loyalty::unexpected(
                StorageError{ErrorCode::Constraint, "this staff card belongs to someone else", 0});
        }
    }
    auto upsert = db_.prepare(
        "INSERT INTO staff (id, display_name, role, pin_hash, card_token, active, updated_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) "
        "ON CONFLICT (id) DO UPDATE SET display_name = excluded.display_name, role = excluded.role, "
        "pin_hash = excluded.pin_hash, card_token = excluded.card_token, active = excluded.active, "
        "updated_at = excluded.updated_at");
    if (!upsert) {
        return failure(upsert);
    }
    upsert->bind(1, staff.id)
        .bind(2, staff.displayName)
        .bind(3, staffRoleName(staff.role))
        .bind(4, staff.pinHash)
        .bind(5, staff.cardToken)
        .bind(6, std::int64_t{staff.active ? 1 : 0})
        .bind(7, nowMs);
    if (auto done = upsert->run(); !done) {
        return done;
    }
    return scope->commit();
}

Result<std::optional<StaffRecord>> StaffRepository::findById(std::string_view id) { return findWhere("id", id); }

Result<std::optional<StaffRecord>> StaffRepository::findByCardToken(std::string_view cardToken) {
    return findWhere("card_token", cardToken);
}

Result<std::optional<StaffRecord>> StaffRepository::findWhere(std::string_view column, std::string_view value) {
    auto select = db_.prepare("SELECT " + std::string(kColumns) + " FROM staff WHERE " + std::string(column) + " = ?1");
    if (!select) {
        return failure(select);
    }
    auto row = select->bind(1, value).step();
    if (!row) {
        return failure(row);
    }
    if (!row.value()) {
        return std::optional<StaffRecord>();
    }
    StaffRecord staff;
    staff.id = select->columnText(0);
    staff.displayName = select->columnText(1);
    const auto role = parseStaffRole(select->columnText(2));
    if (!role) {
        return loyalty::unexpected(badStoredValue(db_.path(), "staff role"));
    }
    staff.role = *role;
    staff.pinHash = select->columnOptionalText(3);
    staff.cardToken = select->columnOptionalText(4);
    staff.failedAttempts = static_cast<std::int32_t>(select->columnInt64(5));
    staff.lockedUntilMs = select->columnOptionalInt64(6);
    staff.active = select->columnInt64(7) != 0;
    return std::optional<StaffRecord>(std::move(staff));
}

Result<StaffRecord> StaffRepository::recordFailedAttempt(std::string_view id, const LockoutPolicy& policy,
                                                         std::int64_t nowMs) {
    auto scope = WriteScope::begin(db_);
    if (!scope) {
        return failure(scope);
    }
    // One statement: the count and the lockout cannot disagree.
    auto update = db_.prepare(
        "UPDATE staff SET "
        "locked_until = CASE WHEN failed_attempts + 1 >= ?2 THEN ?3 + ?4 * 60000 ELSE locked_until END, "
        "failed_attempts = CASE WHEN failed_attempts + 1 >= ?2 THEN 0 ELSE failed_attempts + 1 END "
        "WHERE id = ?1");
    if (!update) {
        return failure(update);
    }
    const std::int64_t maxFailures = policy.maxFailures < 1 ? 1 : policy.maxFailures;
    update->bind(1, id).bind(2, maxFailures).bind(3, nowMs).bind(4, std::int64_t{policy.lockMinutes});
    if (auto done = update->run(); !done) {
        return failure(done);
    }
    if (db_.changes() == 0) {
        return loyalty::unexpected(noSuchStaff());
    }
    auto after = findById(id);
    if (!after) {
        return failure(after);
    }
    if (auto done = scope->commit(); !done) {
        return failure(done);
    }
    return std::move(*after.value());
}

Status StaffRepository::recordSuccess(std::string_view id, std::int64_t nowMs) {
    auto update = db_.prepare(
        "UPDATE staff SET failed_attempts = 0, locked_until = NULL, updated_at = ?2 WHERE id = ?1");
    if (!update) {
        return failure(update);
    }
    if (auto done = update->bind(1, id).bind(2, nowMs).run(); !done) {
        return done;
    }
    if (db_.changes() == 0) {
        return loyalty::unexpected(noSuchStaff());
    }
    return Done{};
}

}  // namespace storage
