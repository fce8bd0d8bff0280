#include <string>

#include "services/StaffAuthenticator.h"
#include "storage/StaffRepository.h"
#include "tests/storage/StorageTestDatabase.h"

// CppUTest last: its memory-leak macros redefine new.
#include <CppUTest/TestHarness.h>

namespace {

constexpr std::int64_t kNow = 1710237600000;
constexpr std::int64_t kMinute = 60000;

// Hashing is deliberately slow (Argon2id): hash the test PIN once, kept
// off the heap so CppUTest's leak check does not count it against a test.
std::string hashOf2468() {
    static char hash[256] = {};
    if (hash[0] == 0) {
        const std::string made = services::StaffAuthenticator::hashPin("2468").value();
        made.copy(hash, sizeof hash - 1);
    }
    return hash;
}

}  // namespace

TEST_GROUP(StaffAuthenticator) {
    storagetest::StorageTestDatabase t{"kiosk-staff-auth"};
    services::StaffAuthenticator auth{t.db, storage::LockoutPolicy{3, 15}};

    void addStaff(const std::string& id, storage::StaffRole role, bool active = true) {
        storage::StaffRecord s;
        s.id = id;
        s.displayName = "Marco";
        s.role = role;
        s.pinHash = hashOf2468();
        s.active = active;
        CHECK_TRUE(storage::StaffRepository(t.db).upsert(s, kNow).hasValue());
    }
};

TEST(StaffAuthenticator, TheRightPinLogsInWithTheRole) {
    addStaff("s-marco", storage::StaffRole::Manager);
    auto login = auth.verify("s-marco", "2468", kNow);
    CHECK_TRUE(login.hasValue());
    STRCMP_EQUAL("s-marco", login->staffId.c_str());
    STRCMP_EQUAL("Marco", login->displayName.c_str());
    CHECK_TRUE(login->role == storage::StaffRole::Manager);
}

TEST(StaffAuthenticator, HashesAreArgon2idAndSaltedAndNeverThePin) {
    const std::string first = hashOf2468();
    STRCMP_CONTAINS("$argon2id$", first.c_str());
    CHECK_TRUE(first.find("2468") == std::string::npos);
    CHECK_TRUE(services::StaffAuthenticator::pinMatches("2468", first));
    CHECK_FALSE(services::StaffAuthenticator::pinMatches("2469", first));
    CHECK_FALSE(services::StaffAuthenticator::pinMatches("2468", "$argon2i$v=19$m=4096,t=3,p=1$c2FsdA$aGFzaA"));
    CHECK_FALSE(services::StaffAuthenticator::pinMatches("2468", "plain text"));
}

TEST(StaffAuthenticator, AWrongPinSaysHowManyTriesAreLeftThenLocks) {
    addStaff("s-marco", storage::StaffRole::Manager);
    auto first = auth.verify("s-marco", "1111", kNow);
    CHECK_FALSE(first.hasValue());
    CHECK_TRUE(first.error().why == services::StaffLoginRefusal::Why::WrongPin);
    LONGS_EQUAL(2, first.error().attemptsLeft);
    LONGS_EQUAL(1, auth.verify("s-marco", "1111", kNow).error().attemptsLeft);
    auto third = auth.verify("s-marco", "1111", kNow);
    CHECK_TRUE(third.error().why == services::StaffLoginRefusal::Why::Locked);
    LONGS_EQUAL(kNow + 15 * kMinute, *third.error().lockedUntilUnixMs);
    // Locked: even the right PIN is refused until the lock lifts, without being checked.
    auto during = auth.verify("s-marco", "2468", kNow + 14 * kMinute);
    CHECK_TRUE(during.error().why == services::StaffLoginRefusal::Why::Locked);
    CHECK_TRUE(auth.verify("s-marco", "2468", kNow + 15 * kMinute).hasValue());
}

TEST(StaffAuthenticator, ASuccessStartsTheCountAgain) {
    addStaff("s-marco", storage::StaffRole::Manager);
    CHECK_FALSE(auth.verify("s-marco", "0000", kNow).hasValue());
    CHECK_FALSE(auth.verify("s-marco", "0000", kNow).hasValue());
    CHECK_TRUE(auth.verify("s-marco", "2468", kNow).hasValue());
    LONGS_EQUAL(2, auth.verify("s-marco", "0000", kNow).error().attemptsLeft);
}

TEST(StaffAuthenticator, AnUnknownCodeLooksLikeAWrongPin) {
    auto unknown = auth.verify("s-nobody", "2468", kNow);
    CHECK_TRUE(unknown.error().why == services::StaffLoginRefusal::Why::WrongPin);
    LONGS_EQUAL(3, unknown.error().attemptsLeft);
}

TEST(StaffAuthenticator, ADeactivatedAccountCannotLogIn) {
    addStaff("s-old", storage::StaffRole::Cashier, false);
    auto refused = auth.verify("s-old", "2468", kNow);
    CHECK_TRUE(refused.error().why == services::StaffLoginRefusal::Why::Inactive);
}
