#pragma once
// Why an exchange brought no complete answer. The message is for a log: it
// never holds the bearer token (HttpClient redacts it) nor a request body.

#include <string>
#include <string_view>

namespace net {

enum class HttpErrorKind {
    ConnectFailed,    // refused, unreachable, name not resolved
    Timeout,          // total or connect time limit, or the low-speed limit (slow drip)
    TlsError,         // handshake failed, certificate or host name not verified, bad CA file
    ConnectionReset,  // reset, closed early, truncated body, empty reply, send or receive error
    TooLarge,         // the answer is over the client's maximum response size
    Cancelled,        // cancel() was called
    Other,            // a bad option or URL, out of memory, anything else
};

std::string_view toString(HttpErrorKind kind);

struct HttpError {
    HttpErrorKind kind = HttpErrorKind::Other;
    std::string message;
    int curlCode = 0;  // CURLcode, 0 when the error did not come from libcurl

    // "timeout: Operation timed out after 300 milliseconds ..."
    std::string describe() const;
};

// text with every occurrence of secret replaced by "<redacted>" (an empty
// secret changes nothing).
std::string redact(std::string text, std::string_view secret);

}  // namespace net
