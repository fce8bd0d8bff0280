#pragma once
// A complete HTTP answer: any status (4xx and 5xx are answers, not
// errors), its header fields and its body, already decoded when the server
// sent it gzipped.

#include <string>

#include "net/HttpHeaders.h"

namespace net {

struct HttpResponse {
    int status = 0;
    HttpHeaders headers;
    std::string body;

    bool ok() const { return status >= 200 && status < 300; }
};

}  // namespace net
