#include <string>

#include "sync/ChangePage.h"

#include <CppUTest/TestHarness.h>

using kiosksync::ChangeKind;
using kiosksync::ChangePage;

namespace {

std::string page(const std::string& changes, const std::string& tail = ",\"next_cursor\":\"9\",\"more\":true") {
    return "{\"changes\":[" + changes + "]" + tail + "}";
}

const char* const kMember =
    "{\"kind\":\"member\",\"op\":\"upsert\",\"id\":\"m-gold\",\"data\":{\"id\":\"m-gold\",\"display_name\":\"Ana\","
    "\"status\":\"active\",\"birthday_month\":5,\"consent_marketing\":true,\"home_store\":null,"
    "\"enrolled_day\":\"2024-03-01\",\"balance\":4200,\"segments\":[\"coffee\"]}}";
const char* const kCard =
    "{\"kind\":\"card\",\"op\":\"upsert\",\"id\":\"u:04A1B2C3\",\"data\":{\"token\":\"u:04A1B2C3\","
    "\"member_id\":\"m-gold\",\"kind\":\"uid\",\"status\":\"lost\"}}";
const char* const kCatalogue =
    "{\"kind\":\"catalogue\",\"op\":\"upsert\",\"id\":\"reward:coffee\",\"data\":{\"kind\":\"reward\","
    "\"id\":\"coffee\",\"body\":{\"id\":\"coffee\",\"cost\":50}}}";

}  // namespace

TEST_GROUP(ChangePage) {};

TEST(ChangePage, ReadsEveryKindOfTheProtocol) {
    auto parsed = ChangePage::parse(page(
        std::string(kMember) + "," + kCard + "," + kCatalogue +
        ",{\"kind\":\"staff\",\"op\":\"upsert\",\"id\":\"s-1\",\"data\":{\"id\":\"s-1\",\"display_name\":\"Anna\","
        "\"role\":\"manager\",\"pin_hash\":null,\"card_token\":\"u:99\",\"active\":true}}"
        ",{\"kind\":\"reward_total\",\"op\":\"upsert\",\"id\":\"coffee\",\"data\":{\"reward_id\":\"coffee\","
        "\"redeemed\":12}}"
        ",{\"kind\":\"catalogue\",\"op\":\"delete\",\"id\":\"offer:old\"}"));
    CHECK_TRUE(parsed.hasValue());
    STRCMP_EQUAL("9", parsed->nextCursor.c_str());
    CHECK_TRUE(parsed->more);
    LONGS_EQUAL(6, parsed->changes.size());
    const auto& member = parsed->changes[0].member;
    STRCMP_EQUAL("Ana", member.displayName.c_str());
    LONGS_EQUAL(4200, member.confirmedBalance);
    LONGS_EQUAL(5, *member.birthdayMonth);
    CHECK(member.enrolledOn == (loyalty::Date{2024, 3, 1}));
    CHECK(parsed->changes[1].card.status == loyalty::CardStatus::Lost);
    CHECK(parsed->changes[2].catalogueKind == storage::CatalogueKind::Reward);
    STRCMP_EQUAL("coffee", parsed->changes[2].catalogueId.c_str());
    STRCMP_EQUAL("{\"cost\":50,\"id\":\"coffee\"}", parsed->changes[2].catalogueBody.c_str());
    CHECK(parsed->changes[3].staff.role == storage::StaffRole::Manager);
    LONGS_EQUAL(12, parsed->changes[4].redeemed);
    CHECK_TRUE(parsed->changes[5].remove);
    CHECK(parsed->changes[5].catalogueKind == storage::CatalogueKind::Offer);
    STRCMP_EQUAL("old", parsed->changes[5].catalogueId.c_str());
}

TEST(ChangePage, AnUnknownKindIsCountedAndLeftOut) {
    auto parsed = ChangePage::parse(page(std::string(kMember) + ",{\"kind\":\"voucher\",\"op\":\"upsert\",\"id\":\"v\","
                                                                "\"data\":{}}"));
    CHECK_TRUE(parsed.hasValue());
    LONGS_EQUAL(1, parsed->changes.size());
    LONGS_EQUAL(1, parsed->unknownKinds);
}

TEST(ChangePage, AMalformedPageIsRefusedWhole) {
    const std::string broken[] = {
        "",
        page(kMember).substr(0, 80),
        "{\"changes\":[],\"more\":false}",
        "{\"changes\":[],\"next_cursor\":7,\"more\":false}",
        "{\"changes\":[],\"next_cursor\":\"7\"}",
        "{\"changes\":{},\"next_cursor\":\"7\",\"more\":false}",
        page(std::string(kMember) + ",{\"kind\":\"member\",\"op\":\"upsert\",\"id\":\"m-2\",\"data\":{\"id\":\"m-2\"}}"),
        page("{\"kind\":\"member\",\"op\":\"upsert\",\"id\":\"m-2\",\"data\":{\"id\":\"m-2\",\"display_name\":\"A\","
             "\"enrolled_day\":\"2024-02-30\",\"balance\":1}}"),
        page("{\"kind\":\"member\",\"op\":\"upsert\",\"id\":\"m-2\",\"data\":{\"id\":\"m-2\",\"display_name\":\"A\","
             "\"enrolled_day\":\"2024-02-03\",\"balance\":\"1\"}}"),
        page("{\"kind\":\"card\",\"op\":\"upsert\",\"id\":\"c\",\"data\":{\"token\":\"c\",\"member_id\":\"m\","
             "\"kind\":\"magstripe\"}}"),
        page("{\"kind\":\"card\",\"op\":\"replace\",\"id\":\"c\",\"data\":{}}"),
        page("{\"kind\":\"catalogue\",\"op\":\"delete\",\"id\":\"coffee\"}"),
    };
    for (const auto& body : broken) {
        if (ChangePage::parse(body).hasValue()) {
            FAIL(("accepted: " + body).c_str());
        }
    }
}
