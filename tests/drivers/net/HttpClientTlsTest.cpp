// Certificate verification is always on: a self-signed head office is
// refused until its certificate is given as the CA file, and then only
// under a name the certificate holds.

#include <optional>
#include <string>

#include "drivers/net/LoopbackServer.h"
#include "drivers/net/TestCertificate.h"
#include "net/HttpClient.h"
#include "support/TempDir.h"

#include <CppUTest/TestHarness.h>

using net::HttpClient;
using net::HttpErrorKind;
using net::HttpRequest;

namespace {

constexpr const char* token = "tok-tls-77aa-secret";

}  // namespace

TEST_GROUP(HttpClientTls) {
    testsupport::TempDir dir{"net-tls-test"};
    std::optional<nettest::TestCertificate> loopbackCert;
    std::unique_ptr<nettest::LoopbackServer> server;

    void setup() override {
        loopbackCert = nettest::TestCertificate::create(dir.path(), "loopback", "IP:127.0.0.1,DNS:localhost");
        CHECK(loopbackCert.has_value());
        server = std::make_unique<nettest::LoopbackServer>(loopbackCert->certFile, loopbackCert->keyFile);
        server->routes().Get("/v1/hello", [](const httplib::Request&, httplib::Response& response) {
            response.set_content("{\"hello\":\"tls\"}", "application/json");
        });
        CHECK(server->start());
    }

    void teardown() override { server.reset(); }
};

TEST(HttpClientTls, ASelfSignedServerFailsVerification) {
    net::HttpClientOptions options;
    options.baseUrl = server->url();
    options.bearerToken = token;
    HttpClient client(options);
    auto result = client.send(HttpRequest::get("/v1/hello"));
    CHECK_FALSE(result.hasValue());
    CHECK_TEXT(result.error().kind == HttpErrorKind::TlsError, result.error().describe().c_str());
    CHECK(result.error().describe().find(token) == std::string::npos);
}

TEST(HttpClientTls, ItsCertificateAsTheCaFileVerifies) {
    net::HttpClientOptions options;
    options.baseUrl = server->url();
    options.bearerToken = token;
    options.caFile = loopbackCert->certFile;
    HttpClient client(options);
    auto result = client.send(HttpRequest::get("/v1/hello"));
    CHECK_TEXT(result.hasValue(), result.hasValue() ? "" : result.error().describe().c_str());
    LONGS_EQUAL(200, result->status);
    STRCMP_EQUAL("{\"hello\":\"tls\"}", result->body.c_str());
    CHECK(client.send(HttpRequest::get("/v1/hello")).hasValue());
    LONGS_EQUAL(1, client.connectionsOpened());
}

TEST(HttpClientTls, ATrustedCertificateForAnotherNameFails) {
    auto other = nettest::TestCertificate::create(dir.path(), "other", "DNS:headoffice.invalid");
    CHECK(other.has_value());
    nettest::LoopbackServer wrongName(other->certFile, other->keyFile);
    wrongName.routes().Get("/v1/hello", [](const httplib::Request&, httplib::Response& response) {
        response.set_content("{}", "application/json");
    });
    CHECK(wrongName.start());
    net::HttpClientOptions options;
    options.baseUrl = wrongName.url();
    options.caFile = other->certFile;
    HttpClient client(options);
    auto result = client.send(HttpRequest::get("/v1/hello"));
    CHECK_FALSE(result.hasValue());
    CHECK_TEXT(result.error().kind == HttpErrorKind::TlsError, result.error().describe().c_str());
}

TEST(HttpClientTls, AMissingCaFileIsATlsError) {
    net::HttpClientOptions options;
    options.baseUrl = server->url();
    options.caFile = dir.file("absent.pem");
    HttpClient client(options);
    auto result = client.send(HttpRequest::get("/v1/hello"));
    CHECK_FALSE(result.hasValue());
    CHECK_TEXT(result.error().kind == HttpErrorKind::TlsError, result.error().describe().c_str());
}
