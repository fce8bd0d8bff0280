#include <string>

#include "storage/SyncStateRepository.h"
#include "tests/storage/StorageTestDatabase.h"

// CppUTest last: its memory-leak macros redefine new.
#include <CppUTest/TestHarness.h>

TEST_GROUP(SyncStateRepository) {
    storagetest::StorageTestDatabase t{"kiosk-sync-state"};
    storage::SyncStateRepository state{t.db};
};

TEST(SyncStateRepository, KeepsStringValuesByKey) {
    CHECK_FALSE(state.get("x")->has_value());
    CHECK_TRUE(state.set("x", "1").hasValue());
    CHECK_TRUE(state.set("x", "2").hasValue());
    STRCMP_EQUAL("2", state.get("x")->value().c_str());
    CHECK_TRUE(state.erase("x").hasValue());
    CHECK_FALSE(state.get("x")->has_value());
}

TEST(SyncStateRepository, CursorAndLastSyncTime) {
    CHECK_FALSE(state.cursor()->has_value());
    CHECK_FALSE(state.lastSyncAtMs()->has_value());
    CHECK_TRUE(state.setCursor("c-0042").hasValue());
    CHECK_TRUE(state.setLastSyncAtMs(storagetest::kDay0Ms).hasValue());
    STRCMP_EQUAL("c-0042", state.cursor()->value().c_str());
    LONGS_EQUAL(storagetest::kDay0Ms, state.lastSyncAtMs()->value());
}

TEST(SyncStateRepository, AGarbledLastSyncTimeIsAnErrorNotZero) {
    CHECK_TRUE(state.set(storage::SyncStateRepository::kLastSyncKey, "12x").hasValue());
    auto read = state.lastSyncAtMs();
    CHECK_FALSE(read.hasValue());
    CHECK(read.error().code == storage::ErrorCode::Internal);
}
