#include "net/HttpClient.h"

#include <curl/curl.h>

#include <memory>

#include "net/CurlSession.h"
#include "net/Gzip.h"

namespace net {

namespace {

struct SlistDeleter {
    void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};
using HeaderList = std::unique_ptr<curl_slist, SlistDeleter>;

bool append(HeaderList& list, const std::string& line) {
    curl_slist* grown = curl_slist_append(list.get(), line.c_str());
    if (grown == nullptr) return false;
    list.release();
    list.reset(grown);
    return true;
}

bool isTokenChar(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
           std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

bool isToken(std::string_view text) {
    if (text.empty()) return false;
    for (char c : text) {
        if (!isTokenChar(c)) return false;
    }
    return true;
}

// No control characters (CR and LF would let a value start a new field).
bool isFieldValue(std::string_view text) {
    for (char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if ((byte < 0x20 && c != '\t') || byte == 0x7f) return false;
    }
    return true;
}

bool isPath(std::string_view path) {
    if (path.empty() || path.front() != '/') return false;
    for (char c : path) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte <= 0x20 || byte >= 0x7f) return false;
    }
    return true;
}

bool isOneOf(std::string_view name, std::initializer_list<std::string_view> names) {
    for (auto candidate : names) {
        if (HttpHeaders::namesEqual(name, candidate)) return true;
    }
    return false;
}

}  // namespace

HttpClient::HttpClient(HttpClientOptions options) : options_(std::move(options)) {
    auto base = BaseUrl::parse(options_.baseUrl, options_.allowPlainHttp);
    if (!base) {
        configurationError_ = HttpError{HttpErrorKind::Other, redact(base.error(), options_.bearerToken), 0};
        return;
    }
    base_ = std::move(base.value());
    session_ = std::make_unique<CurlSession>();
    if (!session_->valid()) configurationError_ = HttpError{HttpErrorKind::Other, "libcurl did not initialise", 0};
}

HttpClient::~HttpClient() = default;

void HttpClient::cancel() {
    cancelled_.store(true);
    if (session_) session_->wakeup();
}

HttpError HttpClient::errorFrom(HttpErrorKind kind, const std::string& text, int curlCode) const {
    return HttpError{kind, redact(text, options_.bearerToken), curlCode};
}

std::optional<HttpError> HttpClient::checkRequest(const HttpRequest& request) const {
    if (!isToken(request.method)) return errorFrom(HttpErrorKind::Other, "invalid request method", 0);
    if (!isPath(request.path)) {
        return errorFrom(HttpErrorKind::Other, "request path must start with '/' and hold no blanks or controls", 0);
    }
    for (const auto& [name, value] : request.headers.fields()) {
        if (!isToken(name) || !isFieldValue(value)) {
            return errorFrom(HttpErrorKind::Other, "invalid header field (name or value)", 0);
        }
    }
    if (request.timeout.count() <= 0 || request.connectTimeout.count() <= 0) {
        return errorFrom(HttpErrorKind::Other, "request time limits must be positive", 0);
    }
    return std::nullopt;
}

HttpResult HttpClient::send(const HttpRequest& request) {
    using loyalty::unexpected;
    if (configurationError_) return unexpected(*configurationError_);
    if (cancelled_.load()) return unexpected(errorFrom(HttpErrorKind::Cancelled, "cancelled", 0));
    if (auto problem = checkRequest(request)) return unexpected(*problem);

    // The body as sent: gzipped when large, unless the caller encoded it.
    std::string gzipped;
    const bool compress = request.body.size() > options_.gzipRequestsOver &&
                          !request.headers.contains("Content-Encoding");
    if (compress) {
        // A large body (an upload of hundreds of events) at zlib's fastest
        // level: a quarter of the default's time for a few per cent more bytes.
        auto packed = Gzip::compress(request.body, request.body.size() > options_.gzipFastOver ? Gzip::kFastLevel
                                                                                                 : Gzip::kDefaultLevel);
        if (!packed) return unexpected(errorFrom(HttpErrorKind::Other, packed.error(), 0));
        gzipped = std::move(packed.value());
    }
    const std::string& body = compress ? gzipped : request.body;

    HeaderList headers;
    bool listOk = true;
    for (const auto& [name, value] : request.headers.fields()) {
        // The token is the client's; Expect is ours (never wait for 100 Continue).
        if (isOneOf(name, {"Authorization", "Expect"})) continue;
        listOk = listOk && append(headers, name + ": " + value);
    }
    if (!options_.bearerToken.empty()) listOk = listOk && append(headers, "Authorization: Bearer " + options_.bearerToken);
    if (compress) listOk = listOk && append(headers, "Content-Encoding: gzip");
    listOk = listOk && append(headers, "Expect:");
    if (!listOk) return unexpected(errorFrom(HttpErrorKind::Other, "out of memory", 0));

    const std::string url = base_->join(request.path);
    CURL* easy = session_->prepare(options_.maxResponseBytes, cancelled_);
    curl_easy_setopt(easy, CURLOPT_URL, url.c_str());
    curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, base_->https() ? "https" : "http");
    curl_easy_setopt(easy, CURLOPT_PROXY, "");  // never an http_proxy from the environment
    curl_easy_setopt(easy, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(easy, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(easy, CURLOPT_SSL_VERIFYHOST, 2L);
    curl_easy_setopt(easy, CURLOPT_SSLVERSION, static_cast<long>(CURL_SSLVERSION_TLSv1_2));
    if (!options_.caFile.empty()) curl_easy_setopt(easy, CURLOPT_CAINFO, options_.caFile.c_str());
    curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, static_cast<long>(request.timeout.count()));
    curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(request.connectTimeout.count()));
    if (options_.lowSpeedBytesPerSecond > 0 && options_.lowSpeedTime.count() > 0) {
        curl_easy_setopt(easy, CURLOPT_LOW_SPEED_LIMIT, options_.lowSpeedBytesPerSecond);
        curl_easy_setopt(easy, CURLOPT_LOW_SPEED_TIME, static_cast<long>(options_.lowSpeedTime.count()));
    }
    curl_easy_setopt(easy, CURLOPT_TCP_KEEPALIVE, 1L);
    curl_easy_setopt(easy, CURLOPT_ACCEPT_ENCODING, "gzip");  // decoded by libcurl before the size check
    curl_easy_setopt(easy, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(options_.maxResponseBytes));
    curl_easy_setopt(easy, CURLOPT_USERAGENT, options_.userAgent.c_str());
    curl_easy_setopt(easy, CURLOPT_HTTPHEADER, headers.get());

    if (request.method == "HEAD") {
        curl_easy_setopt(easy, CURLOPT_NOBODY, 1L);
    } else if (request.method == "GET" && body.empty()) {
        curl_easy_setopt(easy, CURLOPT_HTTPGET, 1L);
    } else if (request.method == "POST" || !body.empty()) {
        curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
        curl_easy_setopt(easy, CURLOPT_POSTFIELDS, body.data());
        if (request.method != "POST") curl_easy_setopt(easy, CURLOPT_CUSTOMREQUEST, request.method.c_str());
    } else {
        curl_easy_setopt(easy, CURLOPT_CUSTOMREQUEST, request.method.c_str());
    }

    CurlTransfer transfer = session_->perform();
    connectionsOpened_ += transfer.connectsMade;
    if (transfer.cancelled) return unexpected(errorFrom(HttpErrorKind::Cancelled, "cancelled", transfer.code));
    if (transfer.tooLarge) {
        return unexpected(errorFrom(HttpErrorKind::TooLarge,
                                    "answer over " + std::to_string(options_.maxResponseBytes) + " bytes",
                                    transfer.code));
    }
    if (transfer.code != CURLE_OK) {
        return unexpected(errorFrom(CurlSession::errorKind(transfer.code), transfer.errorText, transfer.code));
    }
    HttpResponse response;
    response.status = static_cast<int>(transfer.status);
    response.headers = std::move(transfer.headers);
    response.body = std::move(transfer.body);
    return response;
}

}  // namespace net
