// The change feed on a real kiosk database from the real head office:
// paging through many pages, a stop between pages resuming at the stored
// cursor, and a malformed page changing nothing.

#include <atomic>
#include <chrono>
#include <memory>
#include <string>

#include "storage/CardRepository.h"
#include "storage/CatalogueRepository.h"
#include "storage/RewardTotals.h"
#include "storage/StaffRepository.h"
#include "support/FaultProxy.h"
#include "sync/SyncClient.h"
#include "sync/SyncHeadOffice.h"
#include "sync/SyncKiosk.h"

#include <CppUTest/TestHarness.h>

using namespace std::chrono_literals;
using testsupport::Fault;
using testsupport::FaultProxy;
using testsupport::FaultSpec;

namespace {

constexpr int kMembers = 25;

}  // namespace

TEST_GROUP(Download) {
    std::unique_ptr<synctest::SyncHeadOffice> ho;
    std::unique_ptr<synctest::SyncKiosk> kiosk;
    synctest::PageLog pages;

    void setup() override {
        ho = std::make_unique<synctest::SyncHeadOffice>(kMembers);
        // A lost card and a withdrawn one, to see statuses arrive.
        ho->load(R"({"cards":[{"token":"u:LOST0001","member_id":"m-1","kind":"uid","status":"lost"}]})");
        kiosk = std::make_unique<synctest::SyncKiosk>();
    }
    void teardown() override {
        kiosk.reset();
        ho.reset();
    }

    kiosksync::SyncOptions options(std::size_t pageLimit) {
        auto o = kiosk->options(ho->url());
        o.pageLimit = pageLimit;
        o.onPageApplied = pages.recorder();
        return o;
    }
};

TEST(Download, PagesThroughEveryChangeOnePageAndItsCursorAtATime) {
    const auto last = ho->lastChange();
    CHECK(last > 50);
    kiosksync::SyncClient client(options(7));
    client.start();
    CHECK_TRUE(synctest::eventually([&] { return kiosk->caughtUp(*ho); }, 10s));
    client.stop();
    const auto applied = pages.pages();
    CHECK(applied.size() >= static_cast<std::size_t>(last / 7));
    CHECK(applied.size() > 2);
    STRCMP_EQUAL("", pages.checkChain("", std::to_string(last)).c_str());
    CHECK_FALSE(applied.back().more);
    for (std::size_t i = 0; i + 1 < applied.size(); ++i) {
        CHECK_TRUE(applied[i].more);
        LONGS_EQUAL(0, applied[i].skipped);
    }
    // Everything arrived as head office has it.
    STRCMP_EQUAL("", kiosk->checkBalances(*ho, kMembers).c_str());
    auto card = storage::CardRepository(kiosk->db()).get("u:LOST0001");
    CHECK_TRUE(card->has_value());
    CHECK((*card)->status == loyalty::CardStatus::Lost);
    STRCMP_EQUAL("m-1", (*card)->memberId.c_str());
    auto staff = storage::StaffRepository(kiosk->db()).findByCardToken("u:STAFF0001");
    CHECK_TRUE(staff->has_value());
    CHECK((*staff)->role == storage::StaffRole::Manager);
    auto reward = storage::CatalogueRepository(kiosk->db()).get(storage::CatalogueKind::Reward, "coffee");
    CHECK_TRUE(reward->has_value());
    CHECK((*reward)->body.find("\"cost\":50") != std::string::npos);
    auto totals = storage::RewardTotals(kiosk->db()).all();
    LONGS_EQUAL(7, totals->at("coffee"));
    // Later changes come from where it stopped.
    ho->earnFromKioskB({"m-3", "m-4"}, 11);
    kiosksync::SyncClient again(options(7));
    again.start();
    again.requestDownload();
    CHECK_TRUE(synctest::eventually([&] { return kiosk->caughtUp(*ho); }, 10s));
    again.stop();
    STRCMP_EQUAL("", pages.checkChain("", std::to_string(ho->lastChange())).c_str());
    STRCMP_EQUAL("", kiosk->checkBalances(*ho, kMembers).c_str());
}

TEST(Download, AStopBetweenPagesResumesAtTheStoredCursor) {
    std::atomic<int> seen{0};
    auto o = options(3);
    auto record = pages.recorder();
    o.onPageApplied = [&](const kiosksync::PageApplied& page) {
        record(page);
        ++seen;
    };
    {
        kiosksync::SyncClient client(o);
        client.start();
        CHECK_TRUE(synctest::eventually([&] { return seen.load() >= 4; }, 10s));
        client.stop();
    }
    const auto before = pages.pages();
    const std::string stored = kiosk->cursor();
    STRCMP_EQUAL(before.back().nextCursor.c_str(), stored.c_str());  // the last page applied, and no other
    CHECK(std::stoll(stored) < ho->lastChange());

    synctest::PageLog resumed;
    auto r = options(3);
    r.onPageApplied = resumed.recorder();
    kiosksync::SyncClient client(r);
    client.start();
    CHECK_TRUE(synctest::eventually([&] { return kiosk->caughtUp(*ho); }, 10s));
    client.stop();
    STRCMP_EQUAL(stored.c_str(), resumed.pages().front().fromCursor.c_str());
    STRCMP_EQUAL("", resumed.checkChain(stored, std::to_string(ho->lastChange())).c_str());
    STRCMP_EQUAL("", kiosk->checkBalances(*ho, kMembers).c_str());
}

TEST(Download, AMalformedPageChangesNothingAndIsAskedForAgain) {
    FaultProxy proxy(ho->port());
    proxy.injectNext(FaultSpec{Fault::MalformedJson}, 2);
    auto o = options(10);
    o.http.baseUrl = proxy.url();
    o.backoffBase = 150ms;
    o.backoffCap = 150ms;
    kiosksync::SyncClient client(o);
    client.start();
    CHECK_TRUE(synctest::eventually([&] { return proxy.faultsInjected() >= 1; }, 5s));
    CHECK_TRUE(synctest::eventually(
        [&] { return client.status().lastError.find("malformed page of changes") != std::string::npos; }, 2s));
    STRCMP_EQUAL("", kiosk->cursor().c_str());
    CHECK_FALSE(kiosk->hasMember("m-1"));
    CHECK_TRUE(synctest::eventually([&] { return kiosk->caughtUp(*ho); }, 10s));
    client.stop();
    STRCMP_EQUAL("", pages.checkChain("", std::to_string(ho->lastChange())).c_str());
}
