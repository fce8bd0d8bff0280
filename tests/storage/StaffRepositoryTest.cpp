#include <string>

#include "storage/StaffRepository.h"
#include "tests/storage/StorageTestDatabase.h"

// CppUTest last: its memory-leak macros redefine new.
#include <CppUTest/TestHarness.h>

namespace {
constexpr std::int64_t kMinute = 60000;
}

TEST_GROUP(StaffRepository) {
    storagetest::StorageTestDatabase t{"kiosk-staff"};
    storage::StaffRepository staff{t.db};
    const storage::LockoutPolicy policy{3, 15};

    storage::StaffRecord bea() {
        storage::StaffRecord s;
        s.id = "s-1";
        s.displayName = "Bea";
        s.role = storage::StaffRole::Manager;
        s.pinHash = "$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA";
        s.cardToken = "staff-card-1";
        return s;
    }
};

TEST(StaffRepository, FoundByIdAndByCardWithThePinHashAsGiven) {
    CHECK_TRUE(staff.upsert(bea(), 1).hasValue());
    auto byId = staff.findById("s-1");
    CHECK_TRUE(byId.hasValue() && byId->has_value());
    STRCMP_EQUAL("Bea", (*byId)->displayName.c_str());
    CHECK((*byId)->role == storage::StaffRole::Manager);
    STRCMP_EQUAL(bea().pinHash->c_str(), (*byId)->pinHash->c_str());
    CHECK_TRUE((*byId)->active);
    auto byCard = staff.findByCardToken("staff-card-1");
    STRCMP_EQUAL("s-1", (*byCard)->id.c_str());
    CHECK_FALSE(staff.findById("s-2")->has_value());
    CHECK_FALSE(staff.findByCardToken("other")->has_value());
}

TEST(StaffRepository, AStaffCardBelongsToOnePerson) {
    CHECK_TRUE(staff.upsert(bea(), 1).hasValue());
    auto other = bea();
    other.id = "s-2";
    CHECK(staff.upsert(other, 2).error().code == storage::ErrorCode::Constraint);
}

TEST(StaffRepository, LocksAfterTheNthFailureForTheGivenMinutes) {
    CHECK_TRUE(staff.upsert(bea(), 1).hasValue());
    const std::int64_t now = storagetest::kDay0Ms;
    LONGS_EQUAL(1, staff.recordFailedAttempt("s-1", policy, now)->failedAttempts);
    auto second = staff.recordFailedAttempt("s-1", policy, now);
    LONGS_EQUAL(2, second->failedAttempts);
    CHECK_FALSE(second->lockedAt(now));
    auto third = staff.recordFailedAttempt("s-1", policy, now);
    CHECK_TRUE(third->lockedAt(now));
    CHECK_TRUE(third->lockedAt(now + 15 * kMinute - 1));
    CHECK_FALSE(third->lockedAt(now + 15 * kMinute));
    LONGS_EQUAL(0, third->failedAttempts);
    CHECK_TRUE(staff.findById("s-1")->value().lockedAt(now + kMinute));
}

TEST(StaffRepository, ASuccessResetsTheCountAndLiftsTheLock) {
    CHECK_TRUE(staff.upsert(bea(), 1).hasValue());
    for (int i = 0; i < 3; ++i) {
        CHECK_TRUE(staff.recordFailedAttempt("s-1", policy, 100).hasValue());
    }
    CHECK_TRUE(staff.recordFailedAttempt("s-1", policy, 100).hasValue());
    CHECK_TRUE(staff.recordSuccess("s-1", 200).hasValue());
    const auto after = staff.findById("s-1")->value();
    LONGS_EQUAL(0, after.failedAttempts);
    CHECK_FALSE(after.lockedUntilMs.has_value());
    CHECK(staff.recordSuccess("nobody", 1).error().code == storage::ErrorCode::NotFound);
    CHECK(staff.recordFailedAttempt("nobody", policy, 1).error().code == storage::ErrorCode::NotFound);
}

TEST(StaffRepository, AHeadOfficeUpdateKeepsTheLockout) {
    CHECK_TRUE(staff.upsert(bea(), 1).hasValue());
    for (int i = 0; i < 3; ++i) {
        CHECK_TRUE(staff.recordFailedAttempt("s-1", policy, 100).hasValue());
    }
    auto renamed = bea();
    renamed.displayName = "Beatriz";
    renamed.active = false;
    renamed.pinHash.reset();
    CHECK_TRUE(staff.upsert(renamed, 2).hasValue());
    const auto after = staff.findById("s-1")->value();
    STRCMP_EQUAL("Beatriz", after.displayName.c_str());
    CHECK_FALSE(after.active);
    CHECK_FALSE(after.pinHash.has_value());
    CHECK_TRUE(after.lockedAt(100));
}
