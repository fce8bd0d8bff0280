#pragma once
// --listen HOST:PORT ("127.0.0.1:8480", "[::1]:8480", "0.0.0.0:0"; port 0
// picks a free port).

#include <string>

#include "headoffice/HeadOfficeError.h"

namespace headoffice {

struct ListenAddress {
    std::string host;
    int port = 0;

    static Result<ListenAddress> parse(const std::string& text);
    std::string text() const;  // brackets around an IPv6 host
};

}  // namespace headoffice
