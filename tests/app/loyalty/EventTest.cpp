#include <set>
#include <string>

#include "loyalty/Event.h"

#include <CppUTest/TestHarness.h>

using namespace loyalty;

TEST_GROUP(Event){};

TEST(Event, typeNamesUsedInStorageAndSync) {
    const struct {
        EventType type;
        const char* name;
    } expected[] = {
        {EventType::Earn, "earn"},           {EventType::Redeem, "redeem"},
        {EventType::Adjust, "adjust"},       {EventType::Void, "void"},
        {EventType::Enrol, "enrol"},         {EventType::CardLink, "card-link"},
        {EventType::CardBlock, "card-block"}, {EventType::OfferActivate, "offer-activate"},
        {EventType::Stamp, "stamp"},         {EventType::Rating, "rating"},
        {EventType::Expire, "expire"},
    };
    std::set<std::string> names;
    for (const auto& row : expected) {
        STRCMP_EQUAL(row.name, std::string(eventTypeName(row.type)).c_str());
        names.insert(row.name);
    }
    LONGS_EQUAL(static_cast<int>(EventType::Expire) + 1, static_cast<long>(names.size()));
}
