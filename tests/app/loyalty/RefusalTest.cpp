#include <set>
#include <string>

#include "loyalty/Refusal.h"

#include <CppUTest/TestHarness.h>

using namespace loyalty;

TEST_GROUP(Refusal){};

TEST(Refusal, namesAreStableSnakeCase) {
    STRCMP_EQUAL("insufficient_points", std::string(refusalCodeName(RefusalCode::InsufficientPoints)).c_str());
    STRCMP_EQUAL("invalid_amount", std::string(refusalCodeName(RefusalCode::InvalidAmount)).c_str());
    STRCMP_EQUAL("offline_consecutive_limit",
                 std::string(refusalCodeName(RefusalCode::OfflineConsecutiveLimit)).c_str());
    STRCMP_EQUAL("reason_required", std::string(refusalCodeName(RefusalCode::ReasonRequired)).c_str());
}

TEST(Refusal, everyCodeHasItsOwnName) {
    std::set<std::string> names;
    const int last = static_cast<int>(RefusalCode::ReasonRequired);
    for (int i = 0; i <= last; ++i) {
        const std::string name(refusalCodeName(static_cast<RefusalCode>(i)));
        CHECK_FALSE(name.empty());
        CHECK(name != "unknown");
        for (char c : name) {
            CHECK_TEXT((c >= 'a' && c <= 'z') || c == '_', name.c_str());
        }
        names.insert(name);
    }
    LONGS_EQUAL(last + 1, static_cast<long>(names.size()));
}
