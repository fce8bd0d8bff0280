#include "storage/StoredValues.h"

// CppUTest last: its memory-leak macros redefine new.
#include <CppUTest/TestHarness.h>

TEST_GROUP(StoredValues) {};

TEST(StoredValues, EveryNameParsesBack) {
    for (auto kind : {storage::CardKind::Uid, storage::CardKind::Ntag21x, storage::CardKind::Ntag424}) {
        CHECK(storage::parseCardKind(storage::cardKindName(kind)) == kind);
    }
    for (auto role : {storage::StaffRole::Cashier, storage::StaffRole::Manager, storage::StaffRole::Technician}) {
        CHECK(storage::parseStaffRole(storage::staffRoleName(role)) == role);
    }
    for (auto status : {loyalty::CardStatus::Active, loyalty::CardStatus::Lost, loyalty::CardStatus::Blocked}) {
        CHECK(storage::parseCardStatus(storage::cardStatusName(status)) == status);
    }
    for (int t = 0; t <= static_cast<int>(loyalty::EventType::Expire); ++t) {
        const auto type = static_cast<loyalty::EventType>(t);
        CHECK(storage::parseEventType(loyalty::eventTypeName(type)) == type);
    }
    STRCMP_EQUAL("stamp_card", std::string(storage::catalogueKindName(storage::CatalogueKind::StampCard)).c_str());
    CHECK(storage::parseMemberStatus("blocked") == loyalty::MemberStatus::Blocked);
}

TEST(StoredValues, UnknownTextIsNotGuessed) {
    CHECK_FALSE(storage::parseCardKind("NTAG424").has_value());
    CHECK_FALSE(storage::parseEventType("unknown").has_value());
    CHECK_FALSE(storage::parseStaffRole("").has_value());
}

TEST(StoredValues, CardKindDecidesAssurance) {
    CHECK(storage::assuranceOf(storage::CardKind::Uid) == loyalty::Assurance::Low);
    CHECK(storage::assuranceOf(storage::CardKind::Ntag21x) == loyalty::Assurance::Signed);
    CHECK(storage::assuranceOf(storage::CardKind::Ntag424) == loyalty::Assurance::SecureMessaging);
}
