// The sync client's scheduling and what it shows: a new local write goes up
// at once, heartbeats, 413 halves the batch, a rejection is kept for staff,
// the status while offline, a refused token, and stop() during a request
// that never ends. Real head office in this process, real kiosk database.

#include <chrono>
#include <memory>
#include <mutex>
#include <thread>
#include <string>
#include <vector>

#include "storage/MemberRepository.h"
#include "storage/Outbox.h"
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

constexpr int kMembers = 6;

}  // namespace

TEST_GROUP(SyncClient) {
    std::unique_ptr<synctest::SyncHeadOffice> ho;
    std::unique_ptr<synctest::SyncKiosk> kiosk;
    std::unique_ptr<FaultProxy> proxy;
    synctest::LogLines log;

    void setup() override {
        ho = std::make_unique<synctest::SyncHeadOffice>(kMembers);
        kiosk = std::make_unique<synctest::SyncKiosk>();
        proxy = std::make_unique<FaultProxy>(ho->port());
    }
    void teardown() override {
        proxy.reset();
        kiosk.reset();
        ho.reset();
    }

    kiosksync::SyncOptions options(const std::string& url) {
        auto o = kiosk->options(url);
        o.log = log.sink();
        return o;
    }

    void seed() {
        kiosksync::SyncClient client(options(ho->url()));
        client.start();
        CHECK_TRUE(synctest::eventually([&] { return kiosk->caughtUp(*ho); }, 10s));
    }
};

TEST(SyncClient, ANewLocalWriteGoesUpAtOnce) {
    seed();
    auto o = options(ho->url());
    o.idlePoll = 30s;  // only the notification can bring it
    kiosksync::SyncClient client(o);
    client.start();
    CHECK_TRUE(synctest::eventually([&] { return client.status().running && client.status().online; }, 5s));
    std::this_thread::sleep_for(100ms);  // idle now
    const auto tap = kiosk->earn(2, 15);
    const auto start = std::chrono::steady_clock::now();
    client.notifyNewEvents();
    CHECK_TRUE(synctest::eventually([&] { return ho->accepted(tap.front().id); }, 2s));
    const auto took = std::chrono::steady_clock::now() - start;
    CHECK(took < 500ms);
    CHECK_TRUE(synctest::eventually([&] { return kiosk->depth() == 0; }, 2s));
}

TEST(SyncClient, TheIdlePollFindsEventsNobodyAnnounced) {
    seed();
    kiosksync::SyncClient client(options(ho->url()));  // idlePoll 200 ms
    client.start();
    const auto tap = kiosk->earn(3, 5);
    CHECK_TRUE(synctest::eventually([&] { return ho->accepted(tap.front().id); }, 3s));
}

TEST(SyncClient, HeartbeatsCarryTheKiosksHealthAndBringTheClockOffset) {
    seed();
    kiosk->earn(1, 4);
    auto o = options(proxy->url());
    o.heartbeatInterval = 100ms;
    proxy->injectAlways(FaultSpec{Fault::Status500});  // uploads fail: the queue has an age
    kiosksync::SyncClient client(o);
    client.setReaderState("no reader", "PN532 not answering");
    client.start();
    CHECK_TRUE(synctest::eventually([&] { return client.status().consecutiveFailures >= 2; }, 5s));
    proxy->clear();
    CHECK_TRUE(synctest::eventually(
        [&] {
            auto beat = ho->store().lastHeartbeat(synctest::kKioskA);
            return beat && beat->has_value() && (*beat)->readerState == "no reader" && (*beat)->outboxDepth == 0;
        },
        5s));
    auto beat = ho->store().lastHeartbeat(synctest::kKioskA);
    STRCMP_EQUAL(KIOSK_VERSION, (*beat)->version.c_str());
    STRCMP_EQUAL("PN532 not answering", (*beat)->lastError.c_str());
    CHECK((*beat)->clockOffsetMs > -5000 && (*beat)->clockOffsetMs < 5000);
    CHECK_TRUE(synctest::eventually([&] { return client.status().clockOffsetMs.has_value(); }, 2s));
    // While uploads failed, a heartbeat reported the queue and its age.
    client.setReaderState("ready", "");
    CHECK_TRUE(synctest::eventually(
        [&] {
            auto last = ho->store().lastHeartbeat(synctest::kKioskA);
            return last && last->has_value() && (*last)->readerState == "ready" && (*last)->lastError.empty();
        },
        5s));
}

TEST(SyncClient, TooLargeABatchIsHalved) {
    seed();
    for (int i = 0; i < 60; ++i) {
        kiosk->earnMany(1 + i % kMembers, 10, 2);
    }
    auto o = options(ho->url());
    o.maxBatch = 600;  // head office takes at most 500: the first upload is answered 413
    kiosksync::SyncClient client(o);
    client.start();
    CHECK_TRUE(synctest::eventually([&] { return kiosk->caughtUp(*ho); }, 15s));
    CHECK_TRUE(log.contains("events too many; sending 300 at a time"));
    const auto delivery = kiosk->delivery(*ho, 0);
    LONGS_EQUAL(600, delivery.sent);
    LONGS_EQUAL(600, delivery.stored);
    LONGS_EQUAL(0, delivery.duplicates);
    STRCMP_EQUAL("", kiosk->checkBalances(*ho, kMembers).c_str());
}

TEST(SyncClient, ARejectedRedemptionIsKeptForStaff) {
    seed();
    // The kiosk's copy: member 1 has 100 confirmed points in one lot.
    storage::MemberRepository(kiosk->db()).replaceLots(synctest::memberId(1), {{loyalty::Date{2024, 3, 1}, 100}});
    // Another store spends them at head office first; this kiosk, offline, redeems them too.
    CHECK_TRUE(ho->redeemFromKioskB(synctest::memberId(1), 100));
    kiosk->redeem(1, 100);
    kiosksync::SyncClient client(options(ho->url()));
    client.start();
    CHECK_TRUE(synctest::eventually([&] { return kiosk->caughtUp(*ho) && client.status().rejectedEvents == 1; },
                                    10s));
    auto rejected = storage::Outbox(kiosk->db()).rejected();
    LONGS_EQUAL(1, rejected->size());
    CHECK((*rejected)[0].rejectionReason.rfind("overdraw", 0) == 0);
    LONGS_EQUAL(-100, kiosk->pending(synctest::memberId(1)));  // stays pending until staff reconcile
    LONGS_EQUAL(0, kiosk->confirmed(synctest::memberId(1)));   // head office's figure
    CHECK_TRUE(log.contains("head office rejected 1 of 1 events"));
}

TEST(SyncClient, OfflineTheStatusShowsTheQueueItsAgeAndTheError) {
    seed();
    kiosk->earn(1, 3);
    kiosk->earn(2, 3);
    proxy->injectAlways(FaultSpec{Fault::RefuseConnections});
    std::mutex mutex;
    std::vector<kiosksync::SyncStatus> posted;
    kiosksync::SyncClient client(options(proxy->url()), [&](const kiosksync::SyncStatus& status) {
        std::lock_guard lock(mutex);
        posted.push_back(status);
    });
    client.start();
    CHECK_TRUE(synctest::eventually([&] { return client.status().consecutiveFailures >= 3; }, 5s));
    const auto offline = client.status();
    CHECK_FALSE(offline.online);
    CHECK_TRUE(offline.running);
    LONGS_EQUAL(2, offline.queueDepth);
    CHECK_TRUE(offline.oldestUnsentAgeMs.has_value());
    CHECK_TRUE(offline.nextAttemptInMs.has_value());
    CHECK_TRUE(offline.lastSuccessAtMs.has_value());  // the seed's download
    CHECK(offline.lastError.find("no answer from head office") != std::string::npos);
    proxy->clear();
    CHECK_TRUE(synctest::eventually([&] { return client.status().online && client.status().queueDepth == 0; }, 5s));
    STRCMP_EQUAL("", client.status().lastError.c_str());
    CHECK(client.status().lastSuccessAtMs >= offline.lastSuccessAtMs);
    std::lock_guard lock(mutex);
    CHECK(posted.size() >= 4);
    for (const auto& line : log.lines()) {
        CHECK(line.find(synctest::kTokenA) == std::string::npos);
    }
}

TEST(SyncClient, AnUnknownTokenIsRefusedAndNeverLogged) {
    seed();
    kiosk->earn(1, 1);
    const std::string wrong = "not-this-kiosks-token-5150";
    auto o = options(ho->url());
    o.http.bearerToken = wrong;
    kiosksync::SyncClient client(o);
    client.start();
    CHECK_TRUE(synctest::eventually([&] { return client.status().consecutiveFailures >= 2; }, 5s));
    const auto status = client.status();
    CHECK(status.lastError.find("401 unauthorized: head office refused this kiosk") != std::string::npos);
    CHECK(status.lastError.find(wrong) == std::string::npos);
    LONGS_EQUAL(1, status.queueDepth);
    CHECK_FALSE(log.lines().empty());
    for (const auto& line : log.lines()) {
        CHECK(line.find(wrong) == std::string::npos);
    }
}

TEST(SyncClient, StopReturnsWithinASecondDuringARequestThatNeverEnds) {
    seed();
    kiosk->earn(1, 3);
    proxy->injectAlways(FaultSpec{Fault::Timeout});
    auto o = options(proxy->url());
    o.requestTimeout = 60s;
    kiosksync::SyncClient client(o);
    client.start();
    CHECK_TRUE(synctest::eventually([&] { return proxy->requestsSeen() >= 1; }, 5s));
    std::this_thread::sleep_for(50ms);
    const auto start = std::chrono::steady_clock::now();
    client.stop();
    const auto took = std::chrono::steady_clock::now() - start;
    CHECK(took < 1000ms);
    LONGS_EQUAL(1, kiosk->depth());
}
