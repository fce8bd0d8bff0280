#include <string>

#include "net/BaseUrl.h"

#include <CppUTest/TestHarness.h>

using net::BaseUrl;

TEST_GROUP(BaseUrl){};

TEST(BaseUrl, JoinsPathsToThePrefix) {
    auto base = BaseUrl::parse("https://ho.example:8443/api/", false);
    CHECK(base.hasValue());
    STRCMP_EQUAL("https://ho.example:8443/api/v1/events", base->join("/v1/events").c_str());
    STRCMP_EQUAL("https", base->scheme().c_str());
    STRCMP_EQUAL("ho.example", base->host().c_str());
    CHECK_FALSE(base->loopback());
}

TEST(BaseUrl, PlainHttpOnlyToLoopbackUnlessAllowed) {
    CHECK(BaseUrl::parse("http://127.0.0.1:8480", false).hasValue());
    CHECK(BaseUrl::parse("http://127.8.9.1", false).hasValue());
    CHECK(BaseUrl::parse("http://localhost:1", false).hasValue());
    CHECK(BaseUrl::parse("http://[::1]:8480", false).hasValue());
    auto remote = BaseUrl::parse("http://ho.example", false);
    CHECK_FALSE(remote.hasValue());
    CHECK(remote.error().find("use https") != std::string::npos);
    CHECK(BaseUrl::parse("http://ho.example", true).hasValue());
    CHECK_FALSE(BaseUrl::parse("http://128.0.0.1", false).hasValue());
}

TEST(BaseUrl, RefusesCredentialsWithoutRepeatingThem) {
    auto withPassword = BaseUrl::parse("https://kiosk:hunter2@ho.example", false);
    CHECK_FALSE(withPassword.hasValue());
    CHECK(withPassword.error().find("hunter2") == std::string::npos);
}

TEST(BaseUrl, RefusesOtherSchemesQueriesAndNonsense) {
    CHECK_FALSE(BaseUrl::parse("ftp://ho.example", true).hasValue());
    CHECK_FALSE(BaseUrl::parse("https://ho.example/?token=x", false).hasValue());
    CHECK_FALSE(BaseUrl::parse("https://ho.example/#x", false).hasValue());
    CHECK_FALSE(BaseUrl::parse("", false).hasValue());
    CHECK_FALSE(BaseUrl::parse("not a url", false).hasValue());
}
