// The FaultProxy on its own, driven by cpp-httplib's client (not the
// kiosk's), so the double is tested independently of the code it tests.

#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <string>
#include <thread>

#include "drivers/net/LoopbackServer.h"
#include "support/FaultProxy.h"

#include <CppUTest/TestHarness.h>

using namespace std::chrono_literals;
using testsupport::Fault;
using testsupport::FaultProxy;
using testsupport::FaultSpec;

TEST_GROUP(FaultProxy) {
    nettest::LoopbackServer server;
    std::unique_ptr<FaultProxy> proxy;

    void setup() override {
        server.routes().Get("/plain", [](const httplib::Request&, httplib::Response& response) {
            response.set_content("plain body", "text/plain");
        });
        server.routes().Post("/echo", [](const httplib::Request& request, httplib::Response& response) {
            response.set_content(request.body, "application/octet-stream");
        });
        server.routes().Get("/chunked", [](const httplib::Request&, httplib::Response& response) {
            response.set_chunked_content_provider("text/plain", [](size_t offset, httplib::DataSink& sink) {
                if (offset < 50000) {
                    const std::string piece(10000, static_cast<char>('a' + offset / 10000));
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
    }

    void teardown() override { proxy.reset(); }

    std::unique_ptr<httplib::Client> client() {
        auto made = std::make_unique<httplib::Client>("127.0.0.1", proxy->port());
        made->set_keep_alive(true);
        made->set_read_timeout(2, 0);
        made->set_decompress(false);
        return made;
    }
};

TEST(FaultProxy, ForwardsAndKeepsTheClientConnectionAlive) {
    auto http = client();
    for (int i = 0; i < 3; ++i) {
        auto answer = http->Get("/plain");
        CHECK(answer);
        LONGS_EQUAL(200, answer->status);
        STRCMP_EQUAL("plain body", answer->body.c_str());
    }
    const std::string payload(100000, 'p');
    auto echoed = http->Post("/echo", payload, "application/octet-stream");
    CHECK(echoed);
    CHECK(echoed->body == payload);
    LONGS_EQUAL(1, proxy->connectionsAccepted());
    LONGS_EQUAL(4, proxy->requestsSeen());
    LONGS_EQUAL(4, proxy->forwarded());
}

TEST(FaultProxy, AChunkedUpstreamAnswerArrivesWhole) {
    auto answer = client()->Get("/chunked");
    CHECK(answer);
    LONGS_EQUAL(50000, answer->body.size());
    CHECK(answer->body.substr(0, 10000) == std::string(10000, 'a'));
    CHECK(answer->body.substr(40000) == std::string(10000, 'e'));
    STRCMP_EQUAL("50000", answer->get_header_value("Content-Length").c_str());
}

TEST(FaultProxy, RefusingCannotBeCountedAndStopsListening) {
    CHECK_FALSE(proxy->injectNext(FaultSpec{Fault::RefuseConnections}));
    proxy->injectAlways(FaultSpec{Fault::RefuseConnections});
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(proxy->port()));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    CHECK(connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0);
    LONGS_EQUAL(ECONNREFUSED, errno);
    close(fd);
    proxy->clear();
    CHECK(client()->Get("/plain"));
}

TEST(FaultProxy, AnUpstreamThatIsGoneIsA502) {
    FaultProxy orphan(nettest::LoopbackServer::unusedPort());
    httplib::Client http("127.0.0.1", orphan.port());
    auto answer = http.Get("/plain");
    CHECK(answer);
    LONGS_EQUAL(502, answer->status);
    LONGS_EQUAL(0, orphan.forwarded());
}

TEST(FaultProxy, MalformedJsonKeepsTheStatus) {
    proxy->injectNext(FaultSpec{Fault::MalformedJson});
    auto answer = client()->Get("/plain");
    CHECK(answer);
    LONGS_EQUAL(200, answer->status);
    STRCMP_EQUAL(FaultProxy::malformedJson, answer->body.c_str());
}

TEST(FaultProxy, ATruncatedAnswerIsAnErrorForAnyClient) {
    proxy->injectNext(FaultSpec{Fault::TruncateBody});
    auto answer = client()->Get("/chunked");
    CHECK_FALSE(answer);
    LONGS_EQUAL(1, proxy->faultsInjected());
}

TEST(FaultProxy, StopsWithinASecondWhileHoldingAnUnansweredRequest) {
    proxy->injectAlways(FaultSpec{Fault::Timeout});
    std::atomic<bool> answered{true};
    std::thread caller([port = proxy->port(), &answered] {
        httplib::Client http("127.0.0.1", port);
        http.set_read_timeout(5, 0);
        answered = static_cast<bool>(http.Get("/plain"));
    });
    const auto deadline = std::chrono::steady_clock::now() + 2s;
    while (proxy->requestsSeen() == 0 && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(5ms);
    }
    LONGS_EQUAL(1, proxy->requestsSeen());
    const auto start = std::chrono::steady_clock::now();
    proxy.reset();
    const auto took = std::chrono::steady_clock::now() - start;
    caller.join();
    CHECK(took < 1s);
    CHECK_FALSE(answered.load());
}

TEST(FaultProxy, StopsWithinASecondInTheMiddleOfASlowDrip) {
    proxy->injectAlways(FaultSpec{Fault::SlowDrip, 1, 100ms});
    std::atomic<bool> answered{true};
    std::thread caller([port = proxy->port(), &answered] {
        httplib::Client http("127.0.0.1", port);
        http.set_read_timeout(5, 0);
        answered = static_cast<bool>(http.Get("/plain"));
    });
    std::this_thread::sleep_for(300ms);
    const auto start = std::chrono::steady_clock::now();
    proxy.reset();
    const auto took = std::chrono::steady_clock::now() - start;
    caller.join();
    CHECK(took < 1s);
    CHECK_FALSE(answered.load());
}
