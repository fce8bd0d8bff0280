// The store contract (StoreContract.cpp) on PostgreSQL: a throwaway server
// (PostgresServer) and a fresh schema per test. Skipped, with a message,
// only when the PostgreSQL binaries are not installed.

#include <cstdio>
#include <memory>
#include <string>

#include "headoffice/EarnedWindow.h"
#include "headoffice/PgConnection.h"
#include "headoffice/PostgresStore.h"
#include "headoffice/StoreFactory.h"
#include "tests/headoffice/EventJson.h"
#include "tests/headoffice/PostgresServer.h"
#include "tests/headoffice/StoreContract.h"
#include "tests/headoffice/TestHeadOffice.h"

// CppUTest last: its memory-leak macros redefine new.
#include <CppUTest/TestHarness.h>

TEST_GROUP(PostgresStore) {
    std::unique_ptr<headoffice::Store> store;
    std::string url;
    bool skipped = false;
    void setup() override {
        auto& server = hotest::PostgresServer::shared();
        if (!server.installed()) {
            skipped = true;
            static bool told = false;
            if (!told) {
                told = true;
                std::fprintf(stderr, "PostgresStore: SKIPPED (every test of this group): no PostgreSQL binaries "
                                     "(initdb, postgres) in %s; install postgresql or set HEADOFFICE_PG_BIN\n",
                             server.binDir());
            }
            return;
        }
        CHECK_TRUE_TEXT(server.start(), server.why());
        url = server.freshStoreUrl();
        auto opened = headoffice::StoreFactory::open(url);
        CHECK_TRUE_TEXT(opened.hasValue(), opened ? "" : opened.error().message.c_str());
        store = std::move(*opened);
    }
    void teardown() override { store.reset(); }
};

#define HEADOFFICE_POSTGRES_CASE(name) \
    TEST(PostgresStore, name) {        \
        if (!skipped) {                \
            hotest::StoreContract(*store).name(); \
        }                              \
    }
HEADOFFICE_STORE_CASES(HEADOFFICE_POSTGRES_CASE)
#undef HEADOFFICE_POSTGRES_CASE

TEST(PostgresStore, ServesTheProtocolAndNamesNoPassword) {
    if (skipped) {
        return;
    }
    STRCMP_CONTAINS("postgresql://headoffice@127.0.0.1:", store->describe().c_str());
    // A second store on the same schema (another head-office process) sees the same data.
    auto second = headoffice::StoreFactory::open(url);
    CHECK_TRUE(second.hasValue());
    hotest::TestHeadOffice office(std::move(*second));
    office.loadDemo();
    auto answer = office.post("/v1/events", hotest::EventJson::batch({hotest::EventJson::earn(
                                                hotest::EventJson::id(1), "m-gold", 12)}));
    CHECK_EQUAL_TEXT(200, answer.status, answer.body.c_str());
    STRCMP_EQUAL("accepted", answer.json["results"][0]["status"].get<std::string>().c_str());
    LONGS_EQUAL(4212, (*store->member("m-gold"))->balance);
    auto page = office.get("/v1/changes?limit=2");
    STRCMP_EQUAL("2", page.json["next_cursor"].get<std::string>().c_str());
    auto card = office.get("/v1/cards/u:04A1B2C3");
    LONGS_EQUAL(4212, card.json["member"]["balance"].get<std::int64_t>());
}

TEST(PostgresStore, AnUnreachableServerIsAClearError) {
    if (skipped) {
        return;
    }
    auto opened = headoffice::StoreFactory::open("postgresql://headoffice@127.0.0.1:1/postgres?connect_timeout=2");
    CHECK_FALSE(opened.hasValue());
    STRCMP_CONTAINS("cannot connect to PostgreSQL", opened.error().message.c_str());
}

TEST(PostgresStore, ASchemaOneDatabaseGetsItsEarningHistoryFromTheEventsItAccepted) {
    if (skipped) {
        return;
    }
    hotest::StoreContract(*store).KeepsEarningHistoryFromEvents();
    store.reset();
    {
        // What a headoffice before earned_points left behind.
        auto old = headoffice::PgConnection::connect(url);
        CHECK_TRUE(old.hasValue());
        auto dropped = old->exec("DROP TABLE earned_points; UPDATE headoffice_schema SET version = 1");
        CHECK_TRUE_TEXT(dropped.hasValue(), dropped ? "" : dropped.error().message.c_str());
    }
    auto reopened = headoffice::StoreFactory::open(url);
    CHECK_TRUE_TEXT(reopened.hasValue(), reopened ? "" : reopened.error().message.c_str());
    store = std::move(*reopened);
    const auto window = headoffice::EarnedWindow::endingAt(hotest::kNow);
    // From the events alone (the load file's opening history was never an event): m-1's earn of 50 today;
    // its earns of 30 and 9 were voided. m-2: 7 and 4, both on 2026-11-18 in the shop.
    auto m1 = store->earned("m-1", window);
    CHECK_TRUE(m1.hasValue());
    LONGS_EQUAL(1, m1->size());
    STRCMP_EQUAL("2026-11-18", (*m1)[0].day.c_str());
    LONGS_EQUAL(50, (*m1)[0].points);
    auto m2 = store->earned("m-2", window);
    LONGS_EQUAL(1, m2->size());
    LONGS_EQUAL(11, (*m2)[0].points);
    auto version = headoffice::PgConnection::connect(url)->exec("SELECT version FROM headoffice_schema");
    LONGS_EQUAL(2, version->integer(0, 0));
}
