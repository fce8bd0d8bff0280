#include "net/CurlSession.h"

#include <string_view>

#include "net/CurlGlobal.h"

namespace net {

namespace {

// curl_multi_poll's longest sleep; a wakeup or socket activity ends it sooner.
constexpr int pollCapMs = 1000;

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r' || text.back() == '\n')) {
        text.remove_suffix(1);
    }
    return text;
}

}  // namespace

CurlSession::CurlSession() {
    if (!CurlGlobal::ensureInitialized()) return;
    multi_ = curl_multi_init();
    easy_ = curl_easy_init();
    if (multi_ != nullptr) {
        // One connection to head office; more would only hide a problem.
        curl_multi_setopt(multi_, CURLMOPT_MAX_TOTAL_CONNECTIONS, 1L);
        curl_multi_setopt(multi_, CURLMOPT_MAXCONNECTS, 1L);
    }
}

CurlSession::~CurlSession() {
    if (easy_ != nullptr) curl_easy_cleanup(easy_);
    if (multi_ != nullptr) curl_multi_cleanup(multi_);
}

CURL* CurlSession::prepare(std::size_t maxBody, const std::atomic<bool>& cancel) {
    transfer_ = CurlTransfer{};
    maxBody_ = maxBody;
    cancel_ = &cancel;
    errorBuffer_.fill('\0');
    curl_easy_reset(easy_);
    curl_easy_setopt(easy_, CURLOPT_ERRORBUFFER, errorBuffer_.data());
    curl_easy_setopt(easy_, CURLOPT_WRITEFUNCTION, &CurlSession::onBody);
    curl_easy_setopt(easy_, CURLOPT_WRITEDATA, this);
    curl_easy_setopt(easy_, CURLOPT_HEADERFUNCTION, &CurlSession::onHeader);
    curl_easy_setopt(easy_, CURLOPT_HEADERDATA, this);
    curl_easy_setopt(easy_, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(easy_, CURLOPT_XFERINFOFUNCTION, &CurlSession::onProgress);
    curl_easy_setopt(easy_, CURLOPT_XFERINFODATA, this);
    curl_easy_setopt(easy_, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(easy_, CURLOPT_VERBOSE, 0L);
    return easy_;
}

CurlTransfer CurlSession::perform() {
    if (curl_multi_add_handle(multi_, easy_) != CURLM_OK) {
        transfer_.code = CURLE_FAILED_INIT;
        transfer_.errorText = "curl_multi_add_handle failed";
        return std::move(transfer_);
    }
    int running = 1;
    CURLMcode multiCode = CURLM_OK;
    while (running > 0 && !cancel_->load()) {
        multiCode = curl_multi_perform(multi_, &running);
        if (multiCode != CURLM_OK || running == 0) break;
        multiCode = curl_multi_poll(multi_, nullptr, 0, pollCapMs, nullptr);
        if (multiCode != CURLM_OK) break;
    }
    bool finished = false;
    int queued = 0;
    while (CURLMsg* message = curl_multi_info_read(multi_, &queued)) {
        if (message->msg == CURLMSG_DONE && message->easy_handle == easy_) {
            transfer_.code = message->data.result;
            finished = true;
        }
    }
    if (!finished) {
        // Stopped before libcurl was done: removing the handle abandons the
        // transfer and closes its connection.
        transfer_.cancelled = cancel_->load();
        transfer_.code = transfer_.cancelled ? CURLE_ABORTED_BY_CALLBACK : CURLE_FAILED_INIT;
        if (!transfer_.cancelled) transfer_.errorText = curl_multi_strerror(multiCode);
    } else if (transfer_.code == CURLE_ABORTED_BY_CALLBACK) {
        transfer_.cancelled = cancel_->load();
    }
    long status = 0;
    curl_easy_getinfo(easy_, CURLINFO_RESPONSE_CODE, &status);
    transfer_.status = status;
    long connects = 0;
    curl_easy_getinfo(easy_, CURLINFO_NUM_CONNECTS, &connects);
    transfer_.connectsMade = connects;
    curl_multi_remove_handle(multi_, easy_);
    if (transfer_.code != CURLE_OK && transfer_.errorText.empty()) {
        transfer_.errorText = errorBuffer_[0] != '\0' ? std::string(errorBuffer_.data())
                                                      : std::string(curl_easy_strerror(transfer_.code));
    }
    return std::move(transfer_);
}

void CurlSession::wakeup() {
    if (multi_ != nullptr) curl_multi_wakeup(multi_);
}

std::size_t CurlSession::onBody(char* data, std::size_t size, std::size_t count, void* self) {
    auto& session = *static_cast<CurlSession*>(self);
    const std::size_t bytes = size * count;
    if (session.transfer_.body.size() + bytes > session.maxBody_) {
        session.transfer_.tooLarge = true;
        return 0;  // anything but `bytes` makes libcurl stop with CURLE_WRITE_ERROR
    }
    session.transfer_.body.append(data, bytes);
    return bytes;
}

std::size_t CurlSession::onHeader(char* data, std::size_t size, std::size_t count, void* self) {
    auto& session = *static_cast<CurlSession*>(self);
    const std::size_t bytes = size * count;
    const std::string_view line(data, bytes);
    if (line.starts_with("HTTP/")) {
        session.transfer_.headers.clear();  // a new response block (after 100 Continue)
    } else if (const auto colon = line.find(':'); colon != std::string_view::npos && colon > 0) {
        session.transfer_.headers.add(std::string(trim(line.substr(0, colon))),
                                      std::string(trim(line.substr(colon + 1))));
    }
    return bytes;
}

int CurlSession::onProgress(void* self, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
    const auto& session = *static_cast<CurlSession*>(self);
    return session.cancel_->load() ? 1 : 0;  // non-zero: CURLE_ABORTED_BY_CALLBACK
}

HttpErrorKind CurlSession::errorKind(CURLcode code) {
    switch (code) {
        case CURLE_COULDNT_CONNECT:
        case CURLE_COULDNT_RESOLVE_HOST:
        case CURLE_COULDNT_RESOLVE_PROXY:
            return HttpErrorKind::ConnectFailed;
        case CURLE_OPERATION_TIMEDOUT:
            return HttpErrorKind::Timeout;
        case CURLE_SSL_CONNECT_ERROR:
        case CURLE_PEER_FAILED_VERIFICATION:
        case CURLE_SSL_CERTPROBLEM:
        case CURLE_SSL_CIPHER:
        case CURLE_SSL_CACERT_BADFILE:
        case CURLE_SSL_CRL_BADFILE:
        case CURLE_SSL_ISSUER_ERROR:
        case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
        case CURLE_SSL_INVALIDCERTSTATUS:
        case CURLE_SSL_ENGINE_NOTFOUND:
        case CURLE_SSL_ENGINE_SETFAILED:
        case CURLE_SSL_ENGINE_INITFAILED:
        case CURLE_SSL_SHUTDOWN_FAILED:
        case CURLE_USE_SSL_FAILED:
            return HttpErrorKind::TlsError;
        case CURLE_SEND_ERROR:
        case CURLE_RECV_ERROR:
        case CURLE_GOT_NOTHING:
        case CURLE_PARTIAL_FILE:
        case CURLE_HTTP2:
        case CURLE_HTTP2_STREAM:
        case CURLE_BAD_CONTENT_ENCODING:
        case CURLE_WEIRD_SERVER_REPLY:
            return HttpErrorKind::ConnectionReset;
        case CURLE_FILESIZE_EXCEEDED:
            return HttpErrorKind::TooLarge;
        case CURLE_ABORTED_BY_CALLBACK:
            return HttpErrorKind::Cancelled;
        default:
            return HttpErrorKind::Other;
    }
}

}  // namespace net
