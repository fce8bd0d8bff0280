#include "headoffice/ListenAddress.h"

namespace headoffice {

Result<ListenAddress> ListenAddress::parse(const std::string& text) {
    auto bad = [&text](const std::string& why) {
        return failure(ErrorCode::InvalidInput, "--listen " + text + ": " + why + " (write HOST:PORT, e.g. "
                                                "127.0.0.1:8480 or [::1]:8480; port 0 picks a free one)");
    };
    std::string host;
    std::string port;
    if (!text.empty() && text.front() == '[') {
        const auto close = text.find(']');
        if (close == std::string::npos || close + 1 >= text.size() || text[close + 1] != ':') {
            return bad("an IPv6 address needs [ADDRESS]:PORT");
        }
        host = text.substr(1, close - 1);
        port = text.substr(close + 2);
    } else {
        const auto colon = text.rfind(':');
        if (colon == std::string::npos) {
            return bad("no port");
        }
        host = text.substr(0, colon);
        port = text.substr(colon + 1);
        if (host.find(':') != std::string::npos) {
            return bad("an IPv6 address needs brackets");
        }
    }
    if (host.empty()) {
        return bad("no host");
    }
    if (port.empty() || port.size() > 5 || port.find_first_not_of("0123456789") != std::string::npos) {
        return bad("the port must be a number from 0 to 65535");
    }
    const int number = std::stoi(port);
    if (number > 65535) {
        return bad("the port must be a number from 0 to 65535");
    }
    return ListenAddress{host, number};
}

std::string ListenAddress::text() const {
    const std::string shown = host.find(':') != std::string::npos ? "[" + host + "]" : host;
    return shown + ":" + std::to_string(port);
}

}  // namespace headoffice
