#pragma once
// HTTP/1.1 messages on a socket, for FaultProxy: reads a head (start line
// and fields) and a body framed by Content-Length, chunked transfer coding
// or (answers only) the end of the connection, each against a deadline;
// writes with a deadline. Bodies come out de-chunked. Bounded: heads up to
// 64 KiB, bodies up to 64 MiB.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace testsupport {

struct HttpWireMessage {
    std::string startLine;  // "POST /v1/events HTTP/1.1" or "HTTP/1.1 200 OK"
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;

    std::optional<std::string> header(std::string_view name) const;
    void removeHeader(std::string_view name);
    void setHeader(std::string_view name, std::string value);
    // The request's method or the answer's status code (0 if not one).
    std::string method() const;
    int status() const;
    // Start line, fields and body, with Content-Length for the body as it is.
    std::string serialize() const;
    std::string serializeHead() const;
};

class HttpWire {
public:
    enum class Status { Ok, Closed, Timeout, Error, TooLarge };

    explicit HttpWire(int fd) : fd_(fd) {}

    Status readHead(HttpWireMessage& message, std::chrono::milliseconds timeout);
    // isResponse: with neither length nor chunking, the body runs to the end
    // of the connection. noBody: an answer to HEAD, or a 1xx/204/304.
    Status readBody(HttpWireMessage& message, bool isResponse, bool noBody, std::chrono::milliseconds timeout);

    static bool writeAll(int fd, std::string_view data, std::chrono::milliseconds timeout);

private:
    using Deadline = std::chrono::steady_clock::time_point;

    Status fill(Deadline deadline);
    Status readLine(std::string& line, Deadline deadline);
    Status readExact(std::size_t count, std::string& out, Deadline deadline);
    Status readChunked(std::string& out, Deadline deadline);
    Status readToEnd(std::string& out, Deadline deadline);

    int fd_;
    std::string buffer_;
};

}  // namespace testsupport
