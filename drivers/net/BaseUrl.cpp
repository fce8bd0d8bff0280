#include "net/BaseUrl.h"

#include <arpa/inet.h>
#include <curl/curl.h>

#include <memory>

#include "net/CurlGlobal.h"

namespace net {

namespace {

struct UrlDeleter {
    void operator()(CURLU* url) const { curl_url_cleanup(url); }
};
struct CurlStringDeleter {
    void operator()(char* text) const { curl_free(text); }
};
using CurlString = std::unique_ptr<char, CurlStringDeleter>;

// The part, or nullptr when the URL has none.
CurlString part(CURLU* url, CURLUPart which) {
    char* text = nullptr;
    if (curl_url_get(url, which, &text, 0) != CURLUE_OK) return CurlString();
    return CurlString(text);
}

}  // namespace

bool BaseUrl::isLoopbackHost(std::string_view host) {
    if (host == "localhost" || host == "[::1]" || host == "::1") return true;
    const std::string text(host);
    in_addr address{};
    if (inet_pton(AF_INET, text.c_str(), &address) != 1) return false;
    return (ntohl(address.s_addr) >> 24) == 127;
}

loyalty::Expected<BaseUrl, std::string> BaseUrl::parse(std::string_view url, bool allowPlainHttp) {
    using loyalty::unexpected;
    if (!CurlGlobal::ensureInitialized()) return unexpected(std::string("libcurl did not initialise"));
    std::unique_ptr<CURLU, UrlDeleter> handle(curl_url());
    if (!handle) return unexpected(std::string("out of memory"));
    const std::string text(url);
    if (text.empty()) return unexpected(std::string("base URL is empty"));
    if (curl_url_set(handle.get(), CURLUPART_URL, text.c_str(), 0) != CURLUE_OK) {
        return unexpected(std::string("base URL is not a valid URL"));
    }
    const CurlString scheme = part(handle.get(), CURLUPART_SCHEME);
    const CurlString host = part(handle.get(), CURLUPART_HOST);
    if (!scheme || !host) return unexpected(std::string("base URL has no scheme or host"));
    if (part(handle.get(), CURLUPART_USER) || part(handle.get(), CURLUPART_PASSWORD)) {
        return unexpected(std::string("base URL must not carry a user name or password (use the bearer token)"));
    }
    if (part(handle.get(), CURLUPART_QUERY) || part(handle.get(), CURLUPART_FRAGMENT)) {
        return unexpected(std::string("base URL must not have a query or fragment"));
    }
    BaseUrl base;
    base.scheme_ = scheme.get();
    base.host_ = host.get();
    base.loopback_ = isLoopbackHost(base.host_);
    if (base.scheme_ != "https" && base.scheme_ != "http") {
        return unexpected("base URL scheme must be https or http, not " + base.scheme_);
    }
    if (base.scheme_ == "http" && !base.loopback_ && !allowPlainHttp) {
        return unexpected("plain http to " + base.host_ + " would send the token in clear; use https");
    }
    base.prefix_ = text;
    while (!base.prefix_.empty() && base.prefix_.back() == '/') base.prefix_.pop_back();
    return base;
}

std::string BaseUrl::join(std::string_view path) const {
    std::string url = prefix_;
    if (path.empty() || path.front() != '/') url += '/';
    url += path;
    return url;
}

}  // namespace net
