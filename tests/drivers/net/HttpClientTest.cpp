#include <atomic>
#include <mutex>
#include <string>

#include "drivers/net/LoopbackServer.h"
#include "net/HttpClient.h"
#include "net/RetryAfter.h"

#include <CppUTest/TestHarness.h>

using net::HttpClient;
using net::HttpErrorKind;
using net::HttpRequest;

namespace {

constexpr const char* token = "tok-4f1c0e-secret";

// What the server saw of the last request.
struct Seen {
    std::mutex mutex;
    std::string method;
    std::string authorization;
    std::string contentEncoding;
    std::string contentLength;
    std::string body;
    std::atomic<int> requests{0};

    void record(const httplib::Request& request) {
        std::lock_guard lock(mutex);
        method = request.method;
        authorization = request.get_header_value("Authorization");
        contentEncoding = request.get_header_value("Content-Encoding");
        contentLength = request.get_header_value("Content-Length");
        body = request.body;
        requests += 1;
    }
};

std::string jsonOfSize(std::size_t size) {
    std::string text = "[";
    for (int i = 0; text.size() + 20 < size; ++i) text += "{\"seq\":" + std::to_string(i) + "},";
    text += "{}";
    text.resize(size - 1, ' ');
    return text + "]";
}

net::HttpClientOptions optionsFor(const std::string& url) {
    net::HttpClientOptions options;
    options.baseUrl = url;
    options.bearerToken = token;
    return options;
}

}  // namespace

TEST_GROUP(HttpClient) {
    nettest::LoopbackServer server;
    Seen seen;

    void setup() override {
        auto& routes = server.routes();
        routes.Get("/v1/hello", [this](const httplib::Request& request, httplib::Response& response) {
            seen.record(request);
            response.set_header("X-Kiosk-Test", "yes");
            response.set_content("{\"hello\":\"world\"}", "application/json");
        });
        routes.Post("/v1/echo", [this](const httplib::Request& request, httplib::Response& response) {
            seen.record(request);
            response.set_content("{\"received\":" + std::to_string(request.body.size()) + "}", "application/json");
        });
        routes.Put("/v1/echo", [this](const httplib::Request& request, httplib::Response& response) {
            seen.record(request);
            response.status = 204;
        });
        routes.Get("/v1/missing", [](const httplib::Request&, httplib::Response& response) {
            response.status = 404;
            response.set_content("{\"error\":{\"code\":\"unknown_card\",\"message\":\"no such card\"}}",
                                 "application/json");
        });
        routes.Get("/v1/busy", [](const httplib::Request&, httplib::Response& response) {
            response.status = 503;
            response.set_header("Retry-After", "2");
            response.set_content("{\"error\":{\"code\":\"busy\",\"message\":\"later\"}}", "application/json");
        });
        routes.Get("/v1/json", [](const httplib::Request& request, httplib::Response& response) {
            response.set_content(jsonOfSize(std::stoul(request.get_param_value("size"))), "application/json");
        });
        routes.Get("/v1/bytes", [](const httplib::Request& request, httplib::Response& response) {
            response.set_content(std::string(std::stoul(request.get_param_value("size")), 'b'),
                                 "application/octet-stream");
        });
        routes.Get("/v1/chunked", [](const httplib::Request&, httplib::Response& response) {
            response.set_chunked_content_provider("application/json", [](size_t offset, httplib::DataSink& sink) {
                if (offset < 3000) {
                    const std::string piece(1000, 'c');
                    sink.write(piece.data(), piece.size());
                } else {
                    sink.done();
                }
                return true;
            });
        });
        CHECK(server.start());
    }
};

TEST(HttpClient, GetsStatusFieldsAndBodyAndSendsTheToken) {
    HttpClient client(optionsFor(server.url()));
    auto result = client.send(HttpRequest::get("/v1/hello"));
    CHECK_TEXT(result.hasValue(), result.hasValue() ? "" : result.error().describe().c_str());
    LONGS_EQUAL(200, result->status);
    CHECK(result->ok());
    STRCMP_EQUAL("{\"hello\":\"world\"}", result->body.c_str());
    STRCMP_EQUAL("yes", result->headers.find("x-kiosk-test")->c_str());
    STRCMP_EQUAL("application/json", result->headers.find("CONTENT-TYPE")->c_str());
    STRCMP_EQUAL((std::string("Bearer ") + token).c_str(), seen.authorization.c_str());
}

TEST(HttpClient, NoTokenNoAuthorizationAndACallersAuthorizationIsIgnored) {
    auto options = optionsFor(server.url());
    options.bearerToken.clear();
    HttpClient client(options);
    auto request = HttpRequest::get("/v1/hello");
    request.headers.add("Authorization", "Basic Zm9vOmJhcg==");
    CHECK(client.send(request).hasValue());
    STRCMP_EQUAL("", seen.authorization.c_str());
}

TEST(HttpClient, ErrorStatusesAreAnswers) {
    HttpClient client(optionsFor(server.url()));
    auto missing = client.send(HttpRequest::get("/v1/missing"));
    CHECK(missing.hasValue());
    LONGS_EQUAL(404, missing->status);
    CHECK(missing->body.find("unknown_card") != std::string::npos);
    auto busy = client.send(HttpRequest::get("/v1/busy"));
    CHECK(busy.hasValue());
    LONGS_EQUAL(503, busy->status);
    LONGS_EQUAL(2000, net::RetryAfter::of(*busy)->count());
}

TEST(HttpClient, ASmallBodyGoesAsIs) {
    HttpClient client(optionsFor(server.url()));
    auto result = client.send(HttpRequest::postJson("/v1/echo", "{\"events\":[]}"));
    CHECK(result.hasValue());
    STRCMP_EQUAL("POST", seen.method.c_str());
    STRCMP_EQUAL("", seen.contentEncoding.c_str());
    STRCMP_EQUAL("{\"events\":[]}", seen.body.c_str());
}

TEST(HttpClient, ABodyOver8KiBGoesGzippedAndTheServerDecodesIt) {
    HttpClient client(optionsFor(server.url()));
    const std::string body = jsonOfSize(8 * 1024 + 1);
    auto result = client.send(HttpRequest::postJson("/v1/echo", body));
    CHECK(result.hasValue());
    LONGS_EQUAL(200, result->status);
    STRCMP_EQUAL("gzip", seen.contentEncoding.c_str());
    CHECK(std::stoul(seen.contentLength) < body.size() / 2);  // what went over the wire
    CHECK(seen.body == body);                                 // what httplib decoded
    STRCMP_EQUAL(("{\"received\":" + std::to_string(body.size()) + "}").c_str(), result->body.c_str());
}

TEST(HttpClient, ExactlyTheThresholdIsNotGzipped) {
    HttpClient client(optionsFor(server.url()));
    CHECK(client.send(HttpRequest::postJson("/v1/echo", jsonOfSize(8 * 1024))).hasValue());
    STRCMP_EQUAL("", seen.contentEncoding.c_str());
}

TEST(HttpClient, OtherMethodsCarryTheirBody) {
    HttpClient client(optionsFor(server.url()));
    HttpRequest request;
    request.method = "PUT";
    request.path = "/v1/echo";
    request.body = "abc";
    auto result = client.send(request);
    CHECK(result.hasValue());
    LONGS_EQUAL(204, result->status);
    STRCMP_EQUAL("PUT", seen.method.c_str());
    STRCMP_EQUAL("abc", seen.body.c_str());
}

TEST(HttpClient, GzippedAnswersAreDecoded) {
    HttpClient client(optionsFor(server.url()));
    auto result = client.send(HttpRequest::get("/v1/json?size=100000"));
    CHECK(result.hasValue());
    STRCMP_EQUAL("gzip", result->headers.find("Content-Encoding")->c_str());
    CHECK(result->body == jsonOfSize(100000));
}

TEST(HttpClient, ChunkedAnswersAreWhole) {
    HttpClient client(optionsFor(server.url()));
    auto result = client.send(HttpRequest::get("/v1/chunked"));
    CHECK(result.hasValue());
    CHECK(result->body == std::string(3000, 'c'));
}

TEST(HttpClient, AnAnswerOverTheMaximumIsTooLarge) {
    auto options = optionsFor(server.url());
    options.maxResponseBytes = 10000;
    HttpClient client(options);
    auto declared = client.send(HttpRequest::get("/v1/bytes?size=50000"));  // Content-Length says so
    CHECK_FALSE(declared.hasValue());
    CHECK(declared.error().kind == HttpErrorKind::TooLarge);
    auto inflated = client.send(HttpRequest::get("/v1/json?size=50000"));  // small on the wire, big decoded
    CHECK_FALSE(inflated.hasValue());
    CHECK(inflated.error().kind == HttpErrorKind::TooLarge);
    auto fits = client.send(HttpRequest::get("/v1/bytes?size=10000"));
    CHECK(fits.hasValue());
    LONGS_EQUAL(10000, fits->body.size());
}

TEST(HttpClient, KeepsOneConnectionAlive) {
    HttpClient client(optionsFor(server.url()));
    for (int i = 0; i < 4; ++i) CHECK(client.send(HttpRequest::get("/v1/hello")).hasValue());
    LONGS_EQUAL(4, seen.requests.load());
    LONGS_EQUAL(1, client.connectionsOpened());
}

TEST(HttpClient, NobodyListeningIsConnectFailed) {
    HttpClient client(optionsFor("http://127.0.0.1:" + std::to_string(nettest::LoopbackServer::unusedPort())));
    auto result = client.send(HttpRequest::get("/v1/hello"));
    CHECK_FALSE(result.hasValue());
    CHECK(result.error().kind == HttpErrorKind::ConnectFailed);
    CHECK(result.error().message.find(token) == std::string::npos);
}

TEST(HttpClient, CancelIsStickyUntilReset) {
    HttpClient client(optionsFor(server.url()));
    client.cancel();
    CHECK(client.cancelled());
    auto result = client.send(HttpRequest::get("/v1/hello"));
    CHECK_FALSE(result.hasValue());
    CHECK(result.error().kind == HttpErrorKind::Cancelled);
    LONGS_EQUAL(0, seen.requests.load());
    client.resetCancel();
    CHECK(client.send(HttpRequest::get("/v1/hello")).hasValue());
}

TEST(HttpClient, MalformedRequestsAreRefusedBeforeSending) {
    HttpClient client(optionsFor(server.url()));
    auto noSlash = client.send(HttpRequest::get("v1/hello"));
    CHECK(!noSlash.hasValue() && noSlash.error().kind == HttpErrorKind::Other);
    auto blank = client.send(HttpRequest::get("/v1/hel lo"));
    CHECK(!blank.hasValue() && blank.error().kind == HttpErrorKind::Other);
    auto injected = HttpRequest::get("/v1/hello");
    injected.headers.add("X-Note", std::string("a\r\nAuthorization: Bearer ") + token);
    auto refused = client.send(injected);
    CHECK(!refused.hasValue() && refused.error().kind == HttpErrorKind::Other);
    CHECK(refused.error().describe().find(token) == std::string::npos);
    auto badMethod = HttpRequest::get("/v1/hello");
    badMethod.method = "GET /x";
    CHECK_FALSE(client.send(badMethod).hasValue());
    LONGS_EQUAL(0, seen.requests.load());
}

TEST(HttpClient, ABadBaseUrlIsAConfigurationError) {
    HttpClient client(optionsFor("http://headoffice.example"));
    CHECK(client.configurationError().has_value());
    auto result = client.send(HttpRequest::get("/v1/hello"));
    CHECK_FALSE(result.hasValue());
    CHECK(result.error().kind == HttpErrorKind::Other);
    CHECK(result.error().message.find("https") != std::string::npos);
}
