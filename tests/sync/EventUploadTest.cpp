#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "storage/MemberRepository.h"
#include "sync/EventUpload.h"

#include <CppUTest/TestHarness.h>

using kiosksync::EventUpload;

namespace {

const std::vector<std::string> kIds = {"e-1", "e-2", "e-3"};

std::string answer(const std::string& results) { return "{\"results\":[" + results + "],\"server_time\":1}"; }

}  // namespace

TEST_GROUP(EventUpload) {};

TEST(EventUpload, TheBodySplicesThePayloadsAsStored) {
    const std::string body = EventUpload::requestBody("kiosk-a", {"{\"id\":\"e-1\"}", "{\"id\":\"e-2\"}"});
    STRCMP_EQUAL("{\"kiosk_id\":\"kiosk-a\",\"events\":[{\"id\":\"e-1\"},{\"id\":\"e-2\"}]}", body.c_str());
}

TEST(EventUpload, AnEnrolPayloadGetsTheMembersProfile) {
    const std::string payload =
        "{\"id\":\"e-1\",\"type\":\"enrol\",\"member_id\":\"m-9\",\"points_delta\":0,\"reason\":\"Welcome\"}";
    STRCMP_EQUAL("m-9", EventUpload::enrolMemberId(payload).c_str());
    STRCMP_EQUAL("", EventUpload::enrolMemberId("{\"type\":\"earn\",\"member_id\":\"m-9\"}").c_str());
    STRCMP_EQUAL("", EventUpload::enrolMemberId("{\"type\":\"earn\",\"reason\":\"\\\"enrol\\\"\"}").c_str());

    storage::MemberRecord member;
    member.id = "m-9";
    member.displayName = "Noor";
    member.birthdayMonth = 4;
    member.enrolledOn = loyalty::Date{2026, 1, 5};
    member.segments = {"new"};
    auto enriched = EventUpload::withMember(payload, member);
    CHECK_TRUE(enriched.hasValue());
    const auto json = nlohmann::json::parse(*enriched);
    STRCMP_EQUAL("e-1", json["id"].get<std::string>().c_str());
    STRCMP_EQUAL("Noor", json["member"]["display_name"].get<std::string>().c_str());
    STRCMP_EQUAL("2026-01-05", json["member"]["enrolled_day"].get<std::string>().c_str());
    LONGS_EQUAL(4, json["member"]["birthday_month"].get<int>());
    CHECK_TRUE(json["member"]["home_store"].is_null());
    STRCMP_EQUAL("active", json["member"]["status"].get<std::string>().c_str());
    CHECK_FALSE(json["member"].contains("balance"));
}

TEST(EventUpload, ACompleteAnswerGivesOneOutcomePerEvent) {
    auto outcomes = EventUpload::parseAnswer(
        answer("{\"id\":\"e-1\",\"status\":\"accepted\"},{\"id\":\"e-2\",\"status\":\"duplicate\"},"
               "{\"id\":\"e-3\",\"status\":\"rejected\",\"code\":\"overdraw\",\"reason\":\"Only 10 pts\"}"),
        kIds);
    CHECK_TRUE(outcomes.hasValue());
    LONGS_EQUAL(3, outcomes->size());
    CHECK((*outcomes)[0].result == storage::DeliveryResult::Accepted);
    CHECK((*outcomes)[1].result == storage::DeliveryResult::Duplicate);
    CHECK((*outcomes)[2].result == storage::DeliveryResult::Rejected);
    STRCMP_EQUAL("overdraw: Only 10 pts", (*outcomes)[2].reason.c_str());
}

TEST(EventUpload, AnIncompleteAnswerIsNoAnswer) {
    const char* const broken[] = {
        "",
        "{\"results\":[{\"id\":\"e-1\",\"status\":\"accepted\"}",  // truncated
        "[]",
        "{\"server_time\":1}",
        "{\"results\":{}}",
    };
    for (const char* body : broken) {
        CHECK_FALSE(EventUpload::parseAnswer(body, kIds).hasValue());
    }
    // Missing, extra, reordered, unknown ids or status.
    CHECK_FALSE(EventUpload::parseAnswer(answer("{\"id\":\"e-1\",\"status\":\"accepted\"},"
                                                "{\"id\":\"e-2\",\"status\":\"accepted\"}"),
                                         kIds)
                    .hasValue());
    CHECK_FALSE(EventUpload::parseAnswer(answer("{\"id\":\"e-1\",\"status\":\"accepted\"},"
                                                "{\"id\":\"e-3\",\"status\":\"accepted\"},"
                                                "{\"id\":\"e-2\",\"status\":\"accepted\"}"),
                                         kIds)
                    .hasValue());
    CHECK_FALSE(EventUpload::parseAnswer(answer("{\"id\":\"e-1\",\"status\":\"accepted\"},"
                                                "{\"id\":\"e-2\",\"status\":\"accepted\"},"
                                                "{\"id\":\"e-3\",\"status\":\"maybe\"}"),
                                         kIds)
                    .hasValue());
    CHECK_FALSE(EventUpload::parseAnswer(answer("{\"id\":\"e-1\",\"status\":\"accepted\"},"
                                                "{\"id\":\"e-2\",\"status\":\"accepted\"},"
                                                "{\"id\":null,\"status\":\"accepted\"}"),
                                         kIds)
                    .hasValue());
    CHECK_FALSE(EventUpload::parseAnswer(answer("{\"id\":\"e-1\",\"status\":\"accepted\"},"
                                                "{\"id\":\"e-2\",\"status\":\"accepted\"},"
                                                "{\"id\":\"e-3\",\"status\":\"accepted\"},"
                                                "{\"id\":\"e-4\",\"status\":\"accepted\"}"),
                                         kIds)
                    .hasValue());
}
