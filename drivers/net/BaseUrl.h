#pragma once
// The head-office address every request path is appended to. http or https
// only; no user name, password, query or fragment (a secret in a URL ends
// up in logs); plain http only to a loopback host unless allowed.

#include <string>
#include <string_view>

#include "loyalty/Expected.h"

namespace net {

class BaseUrl {
public:
    // The error says what is wrong without repeating the URL.
    static loyalty::Expected<BaseUrl, std::string> parse(std::string_view url, bool allowPlainHttp);

    // "https://ho.example/api" + "/v1/events" -> "https://ho.example/api/v1/events".
    std::string join(std::string_view path) const;

    const std::string& scheme() const { return scheme_; }
    const std::string& host() const { return host_; }
    bool https() const { return scheme_ == "https"; }
    bool loopback() const { return loopback_; }

    static bool isLoopbackHost(std::string_view host);

private:
    std::string prefix_;  // no trailing '/'
    std::string scheme_;
    std::string host_;
    bool loopback_ = false;
};

}  // namespace net
