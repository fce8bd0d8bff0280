#include "net/HttpError.h"

namespace net {

std::string_view toString(HttpErrorKind kind) {
    switch (kind) {
        case HttpErrorKind::ConnectFailed: return "connect failed";
        case HttpErrorKind::Timeout: return "timeout";
        case HttpErrorKind::TlsError: return "TLS error";
        case HttpErrorKind::ConnectionReset: return "connection reset";
        case HttpErrorKind::TooLarge: return "answer too large";
        case HttpErrorKind::Cancelled: return "cancelled";
        case HttpErrorKind::Other: return "error";
    }
    return "error";
}

std::string HttpError::describe() const {
    std::string text(toString(kind));
    if (!message.empty()) text += ": " + message;
    return text;
}

std::string redact(std::string text, std::string_view secret) {
    if (secret.empty()) return text;
    static constexpr std::string_view marker = "<redacted>";
    for (std::size_t at = text.find(secret); at != std::string::npos; at = text.find(secret, at + marker.size())) {
        text.replace(at, secret.size(), marker);
    }
    return text;
}

}  // namespace net
