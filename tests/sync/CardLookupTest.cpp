// Card lookup on tap against the real head office: online data within the
// deadline, an unknown card, and "use the local copy" no later than the
// deadline when head office is slow, silent or away.

#include <chrono>
#include <memory>
#include <string>

#include "support/FaultProxy.h"
#include "sync/SyncClient.h"
#include "sync/SyncHeadOffice.h"
#include "sync/SyncKiosk.h"

#include <CppUTest/TestHarness.h>

using namespace std::chrono_literals;
using kiosksync::CardLookupResult;
using testsupport::Fault;
using testsupport::FaultProxy;
using testsupport::FaultSpec;

namespace {

// What a UI frame may lose to a lookup beyond its deadline (waking a thread).
constexpr auto kSlack = 30ms;

}  // namespace

TEST_GROUP(CardLookup) {
    std::unique_ptr<synctest::SyncHeadOffice> ho;
    std::unique_ptr<synctest::SyncKiosk> kiosk;
    std::unique_ptr<FaultProxy> proxy;
    std::unique_ptr<kiosksync::SyncClient> client;

    void setup() override {
        ho = std::make_unique<synctest::SyncHeadOffice>(5);
        kiosk = std::make_unique<synctest::SyncKiosk>();
        proxy = std::make_unique<FaultProxy>(ho->port());
        client = std::make_unique<kiosksync::SyncClient>(kiosk->options(proxy->url()));
    }
    void teardown() override {
        client.reset();
        proxy.reset();
        kiosk.reset();
        ho.reset();
    }

    CardLookupResult timed(const std::string& token, std::chrono::milliseconds deadline) {
        const auto start = std::chrono::steady_clock::now();
        auto result = client->lookupCard(token, deadline);
        const auto took = std::chrono::steady_clock::now() - start;
        CHECK(took <= deadline + kSlack);
        return result;
    }
};

TEST(CardLookup, AnswersOnlineWithHeadOfficesBalance) {
    ho->earnFromKioskB({"m-3"}, 25);
    const auto result = timed(synctest::cardToken(3), 300ms);
    CHECK(result.source == CardLookupResult::Source::Online);
    STRCMP_EQUAL("m-3", result.member.id.c_str());
    LONGS_EQUAL(325, result.member.confirmedBalance);
    STRCMP_EQUAL(synctest::cardToken(3).c_str(), result.card.token.c_str());
    CHECK(result.card.status == loyalty::CardStatus::Active);
    // The kept-alive connection makes the next one quicker still.
    const auto again = timed(synctest::cardToken(4), 300ms);
    CHECK(again.online());
    CHECK(again.took < 100ms);
}

TEST(CardLookup, AnUnknownCardIsSaidSo) {
    const auto result = timed("u:DEADBEEF", 300ms);
    CHECK(result.source == CardLookupResult::Source::UnknownCard);
}

TEST(CardLookup, ASilentHeadOfficeMeansTheLocalCopyByTheDeadline) {
    proxy->injectNext(FaultSpec{Fault::Timeout}, 1);
    const auto result = timed(synctest::cardToken(2), 300ms);
    CHECK(result.source == CardLookupResult::Source::UseLocal);
    CHECK(result.took >= 290ms);
    CHECK(result.why.find(synctest::cardToken(2)) == std::string::npos);
    // The abandoned request does not spoil the next one.
    const auto next = timed(synctest::cardToken(2), 300ms);
    CHECK(next.online());
}

TEST(CardLookup, ASlowDripMeansTheLocalCopyByTheDeadline) {
    FaultSpec drip{Fault::SlowDrip};
    drip.dripInterval = 20ms;
    proxy->injectNext(drip, 1);
    const auto result = timed(synctest::cardToken(1), 200ms);
    CHECK(result.source == CardLookupResult::Source::UseLocal);
    CHECK(timed(synctest::cardToken(1), 300ms).online());
}

TEST(CardLookup, NoHeadOfficeMeansTheLocalCopyAtOnce) {
    proxy->injectAlways(FaultSpec{Fault::RefuseConnections});
    const auto result = timed(synctest::cardToken(1), 300ms);
    CHECK(result.source == CardLookupResult::Source::UseLocal);
    CHECK(result.took < 200ms);
}

TEST(CardLookup, AStoppedClientAnswersFromTheLocalCopy) {
    client->stop();
    const auto result = timed(synctest::cardToken(1), 300ms);
    CHECK(result.source == CardLookupResult::Source::UseLocal);
    CHECK(result.took < 10ms);
}
