#include <string>

#include "storage/CatalogueRepository.h"
#include "tests/storage/StorageTestDatabase.h"

// CppUTest last: its memory-leak macros redefine new.
#include <CppUTest/TestHarness.h>

TEST_GROUP(CatalogueRepository) {
    storagetest::StorageTestDatabase t{"kiosk-catalogue"};
    storage::CatalogueRepository catalogue{t.db};
};

TEST(CatalogueRepository, ListsTheDocumentsOfOneKindById) {
    CHECK_TRUE(catalogue.upsert(storage::CatalogueKind::Reward, "tea", R"({"cost": 80})", 1).hasValue());
    CHECK_TRUE(catalogue.upsert(storage::CatalogueKind::Reward, "coffee", R"({"cost": 100})", 2).hasValue());
    CHECK_TRUE(catalogue.upsert(storage::CatalogueKind::Offer, "o-1", R"({"bonus": 50})", 3).hasValue());
    const auto rewards = catalogue.list(storage::CatalogueKind::Reward).value();
    LONGS_EQUAL(2, rewards.size());
    STRCMP_EQUAL("coffee", rewards[0].id.c_str());
    STRCMP_EQUAL(R"({"cost": 100})", rewards[0].body.c_str());
    LONGS_EQUAL(2, rewards[0].updatedAt);
    STRCMP_EQUAL("tea", rewards[1].id.c_str());
    LONGS_EQUAL(1, catalogue.list(storage::CatalogueKind::Offer)->size());
    LONGS_EQUAL(0, catalogue.list(storage::CatalogueKind::Tier)->size());
}

TEST(CatalogueRepository, AnUpsertReplacesAndRemoveWithdraws) {
    CHECK_TRUE(catalogue.upsert(storage::CatalogueKind::Tier, "gold", R"({"threshold": 1000})", 1).hasValue());
    CHECK_TRUE(catalogue.upsert(storage::CatalogueKind::Tier, "gold", R"({"threshold": 1500})", 2).hasValue());
    STRCMP_EQUAL(R"({"threshold": 1500})",
                 catalogue.get(storage::CatalogueKind::Tier, "gold")->value().body.c_str());
    CHECK_TRUE(catalogue.remove(storage::CatalogueKind::Tier, "gold").hasValue());
    CHECK_TRUE(catalogue.remove(storage::CatalogueKind::Tier, "gold").hasValue());
    CHECK_FALSE(catalogue.get(storage::CatalogueKind::Tier, "gold")->has_value());
}

TEST(CatalogueRepository, RefusesBodiesThatAreNotJson) {
    auto bad = catalogue.upsert(storage::CatalogueKind::Promotion, "p-1", "{cost: 100", 1);
    CHECK_FALSE(bad.hasValue());
    CHECK(bad.error().code == storage::ErrorCode::InvalidArgument);
    STRCMP_CONTAINS("p-1", bad.error().message.c_str());
    CHECK(catalogue.upsert(storage::CatalogueKind::Promotion, "", "{}", 1).error().code ==
          storage::ErrorCode::InvalidArgument);
    LONGS_EQUAL(0, t.count("catalogue"));
}
