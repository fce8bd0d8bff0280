// HttpClient through the FaultProxy to a real server: every fault the proxy
// injects arrives as the error kind (or status) the sync thread acts on.

#include <nlohmann/json.hpp>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>

#include "drivers/net/LoopbackServer.h"
#include "net/HttpClient.h"
#include "net/RetryAfter.h"
#include "support/FaultProxy.h"

#include <CppUTest/TestHarness.h>

using namespace std::chrono_literals;
using net::HttpClient;
using net::HttpErrorKind;
using net::HttpRequest;
using testsupport::Fault;
using testsupport::FaultProxy;
using testsupport::FaultSpec;

namespace {

constexpr const char* token = "tok-9b77d2-secret";

long long millisecondsSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

TEST_GROUP(HttpClientFaults) {
    nettest::LoopbackServer server;
    std::atomic<int> committed{0};
    std::unique_ptr<FaultProxy> proxy;
    std::unique_ptr<HttpClient> client;

    void setup() override {
        server.routes().Post("/v1/events", [this](const httplib::Request& request, httplib::Response& response) {
            committed += 1;
            response.set_content("{\"results\":[],\"received\":" + std::to_string(request.body.size()) + "}",
                                 "application/json");
        });
        server.routes().Get("/v1/changes", [](const httplib::Request&, httplib::Response& response) {
            response.set_content("{\"changes\":[],\"next_cursor\":\"7\",\"more\":false}", "application/json");
        });
        server.routes().Get("/v1/chunked", [](const httplib::Request&, httplib::Response& response) {
            response.set_chunked_content_provider("application/json", [](size_t offset, httplib::DataSink& sink) {
                if (offset == 0) {
                    const std::string piece = "{\"changes\":[],\"more\":false}";
                    sink.write(piece.data(), piece.size());
                } else {
                    sink.done();
                }
                return true;
            });
        });
        CHECK(server.start());
        proxy = std::make_unique<FaultProxy>(server.port());
        CHECK(proxy->port() > 0);
        client = makeClient();
    }

    void teardown() override {
        client.reset();
        proxy.reset();
    }

    std::unique_ptr<HttpClient> makeClient(long lowSpeedBytesPerSecond = 64) {
        net::HttpClientOptions options;
        options.baseUrl = proxy->url();
        options.bearerToken = token;
        options.lowSpeedBytesPerSecond = lowSpeedBytesPerSecond;
        options.lowSpeedTime = 1s;
        return std::make_unique<HttpClient>(options);
    }

    static HttpRequest upload() {
        auto request = HttpRequest::postJson("/v1/events", "{\"kiosk_id\":\"k1\",\"events\":[]}");
        request.timeout = 2000ms;
        return request;
    }

    void checkTokenAbsent(const net::HttpError& error) {
        CHECK_TEXT(error.describe().find(token) == std::string::npos, error.describe().c_str());
        CHECK(error.describe().find("tok-") == std::string::npos);
    }
};

TEST(HttpClientFaults, NoFaultForwardsOverOneKeptAliveConnection) {
    for (int i = 0; i < 3; ++i) {
        auto result = client->send(upload());
        CHECK(result.hasValue());
        LONGS_EQUAL(200, result->status);
    }
    auto chunked = client->send(HttpRequest::get("/v1/chunked"));  // chunked upstream, Content-Length to us
    CHECK(chunked.hasValue());
    STRCMP_EQUAL("{\"changes\":[],\"more\":false}", chunked->body.c_str());
    LONGS_EQUAL(3, committed.load());
    LONGS_EQUAL(4, proxy->requestsSeen());
    LONGS_EQUAL(4, proxy->forwarded());
    LONGS_EQUAL(0, proxy->faultsInjected());
    LONGS_EQUAL(1, proxy->connectionsAccepted());
    LONGS_EQUAL(1, client->connectionsOpened());
}

TEST(HttpClientFaults, RefusedConnectionsAreConnectFailedUntilCleared) {
    CHECK(client->send(upload()).hasValue());  // a kept-alive connection exists
    proxy->injectAlways(FaultSpec{Fault::RefuseConnections});
    auto refused = client->send(upload());
    CHECK_FALSE(refused.hasValue());
    CHECK_TEXT(refused.error().kind == HttpErrorKind::ConnectFailed, refused.error().describe().c_str());
    checkTokenAbsent(refused.error());
    proxy->clear();
    CHECK(client->send(upload()).hasValue());
    LONGS_EQUAL(2, committed.load());
}

TEST(HttpClientFaults, NoAnswerIsATimeoutAtTheRequestsLimit) {
    proxy->injectNext(FaultSpec{Fault::Timeout});
    auto request = upload();
    request.timeout = 300ms;
    const auto start = std::chrono::steady_clock::now();
    auto result = client->send(request);
    const auto elapsed = millisecondsSince(start);
    CHECK_FALSE(result.hasValue());
    CHECK_TEXT(result.error().kind == HttpErrorKind::Timeout, result.error().describe().c_str());
    CHECK(elapsed >= 290 && elapsed < 1500);
    checkTokenAbsent(result.error());
    LONGS_EQUAL(0, committed.load());
    CHECK(client->send(upload()).hasValue());  // the next request is forwarded again
}

TEST(HttpClientFaults, Status500IsAnAnswerAndNothingReachedUpstream) {
    proxy->injectNext(FaultSpec{Fault::Status500});
    auto result = client->send(upload());
    CHECK(result.hasValue());
    LONGS_EQUAL(500, result->status);
    CHECK(result->body.find("internal") != std::string::npos);
    LONGS_EQUAL(0, committed.load());
    LONGS_EQUAL(1, proxy->faultsInjected());
}

TEST(HttpClientFaults, Status429CarriesRetryAfter) {
    proxy->injectNext(FaultSpec{Fault::Status429, 3});
    auto result = client->send(upload());
    CHECK(result.hasValue());
    LONGS_EQUAL(429, result->status);
    LONGS_EQUAL(3000, net::RetryAfter::of(*result)->count());
    LONGS_EQUAL(0, committed.load());
}

TEST(HttpClientFaults, AResetAfterUpstreamCommittedIsConnectionResetAndTheEventWasStored) {
    proxy->injectNext(FaultSpec{Fault::ResetAfterUpstream});
    auto lost = client->send(upload());
    CHECK_FALSE(lost.hasValue());
    CHECK_TEXT(lost.error().kind == HttpErrorKind::ConnectionReset, lost.error().describe().c_str());
    checkTokenAbsent(lost.error());
    LONGS_EQUAL(1, committed.load());  // head office has it; the kiosk must send it again
    LONGS_EQUAL(1, proxy->forwarded());
    auto again = client->send(upload());
    CHECK(again.hasValue());
    LONGS_EQUAL(2, committed.load());
}

TEST(HttpClientFaults, ATruncatedBodyIsConnectionReset) {
    proxy->injectNext(FaultSpec{Fault::TruncateBody});
    auto result = client->send(HttpRequest::get("/v1/changes"));
    CHECK_FALSE(result.hasValue());
    CHECK_TEXT(result.error().kind == HttpErrorKind::ConnectionReset, result.error().describe().c_str());
    checkTokenAbsent(result.error());
}

TEST(HttpClientFaults, MalformedJsonIsA200ThatDoesNotParse) {
    proxy->injectNext(FaultSpec{Fault::MalformedJson});
    auto result = client->send(upload());
    CHECK(result.hasValue());
    LONGS_EQUAL(200, result->status);
    CHECK_FALSE(nlohmann::json::accept(result->body));
    LONGS_EQUAL(1, committed.load());
}

TEST(HttpClientFaults, ASlowDripIsCutByTheLowSpeedLimit) {
    client = makeClient(1000);  // under 1000 B/s for 1 s
    proxy->injectNext(FaultSpec{Fault::SlowDrip, 1, 20ms});
    auto request = HttpRequest::get("/v1/changes");
    request.timeout = 10000ms;
    const auto start = std::chrono::steady_clock::now();
    auto result = client->send(request);
    const auto elapsed = millisecondsSince(start);
    CHECK_FALSE(result.hasValue());
    CHECK_TEXT(result.error().kind == HttpErrorKind::Timeout, result.error().describe().c_str());
    CHECK_TEXT(elapsed < 3000, std::to_string(elapsed).c_str());
    checkTokenAbsent(result.error());
}

TEST(HttpClientFaults, ASlowDripWithinTheLimitsCompletes) {
    client = makeClient(1);
    proxy->injectNext(FaultSpec{Fault::SlowDrip, 1, 1ms});
    auto result = client->send(HttpRequest::get("/v1/changes"));
    CHECK(result.hasValue());
    STRCMP_EQUAL("{\"changes\":[],\"next_cursor\":\"7\",\"more\":false}", result->body.c_str());
}

TEST(HttpClientFaults, CancelFromAnotherThreadEndsASlowDripWithin200ms) {
    proxy->injectAlways(FaultSpec{Fault::SlowDrip, 1, 50ms});
    std::atomic<long long> cancelledAt{0};
    const auto start = std::chrono::steady_clock::now();
    std::thread canceller([&] {
        std::this_thread::sleep_for(300ms);
        cancelledAt = millisecondsSince(start);
        client->cancel();
    });
    auto result = client->send(HttpRequest::get("/v1/changes"));
    const auto returnedAt = millisecondsSince(start);
    canceller.join();
    CHECK_FALSE(result.hasValue());
    CHECK(result.error().kind == HttpErrorKind::Cancelled);
    CHECK_TEXT(returnedAt - cancelledAt.load() < 200, std::to_string(returnedAt - cancelledAt.load()).c_str());
    checkTokenAbsent(result.error());
    // The abandoned connection is gone; after resetCancel a new one serves.
    proxy->clear();
    client->resetCancel();
    auto after = client->send(HttpRequest::get("/v1/changes"));
    CHECK(after.hasValue());
    LONGS_EQUAL(200, after->status);
    LONGS_EQUAL(2, client->connectionsOpened());
}

TEST(HttpClientFaults, CancelEndsAWaitWithNoBytesAtAllAtOnce) {
    proxy->injectAlways(FaultSpec{Fault::Timeout});
    std::atomic<long long> cancelledAt{0};
    const auto start = std::chrono::steady_clock::now();
    std::thread canceller([&] {
        std::this_thread::sleep_for(200ms);
        cancelledAt = millisecondsSince(start);
        client->cancel();
    });
    auto request = upload();
    request.timeout = 10000ms;
    auto result = client->send(request);
    const auto returnedAt = millisecondsSince(start);
    canceller.join();
    CHECK(!result.hasValue() && result.error().kind == HttpErrorKind::Cancelled);
    CHECK_TEXT(returnedAt - cancelledAt.load() < 200, std::to_string(returnedAt - cancelledAt.load()).c_str());
}

TEST(HttpClientFaults, CountedFaultsComeFirstThenThePersistentOne) {
    proxy->injectAlways(FaultSpec{Fault::Status429, 1});
    proxy->injectNext(FaultSpec{Fault::Status500}, 2);
    LONGS_EQUAL(500, client->send(upload())->status);
    LONGS_EQUAL(500, client->send(upload())->status);
    LONGS_EQUAL(429, client->send(upload())->status);
    proxy->clear();
    LONGS_EQUAL(200, client->send(upload())->status);
    LONGS_EQUAL(4, proxy->requestsSeen());
    LONGS_EQUAL(3, proxy->faultsInjected());
    LONGS_EQUAL(1, proxy->forwarded());
}

TEST(HttpClientFaults, GzippedBodiesPassThroughBothWays) {
    std::string events = "{\"kiosk_id\":\"k1\",\"events\":[";
    for (int i = 0; i < 400; ++i) events += "{\"seq\":" + std::to_string(i) + ",\"type\":\"earn\"},";
    events += "{}]}";
    auto result = client->send(HttpRequest::postJson("/v1/events", events));
    CHECK(result.hasValue());
    STRCMP_EQUAL(("{\"results\":[],\"received\":" + std::to_string(events.size()) + "}").c_str(), result->body.c_str());
}
