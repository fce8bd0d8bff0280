#include "support/HttpWire.h"

#include <poll.h>
#include <sys/socket.h>

#include <algorithm>
#include <array>
#include <cerrno>

namespace testsupport {

namespace {

constexpr std::size_t maxHead = 64 * 1024;
constexpr std::size_t maxBody = 64 * 1024 * 1024;

bool namesEqual(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; };
               return lower(x) == lower(y);
           });
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) text.remove_suffix(1);
    return text;
}

int remainingMs(std::chrono::steady_clock::time_point deadline) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    return static_cast<int>(std::max<long long>(0, left.count()));
}

bool containsToken(std::string_view list, std::string_view token) {
    while (!list.empty()) {
        const auto comma = list.find(',');
        if (namesEqual(trim(list.substr(0, comma)), token)) return true;
        if (comma == std::string_view::npos) break;
        list.remove_prefix(comma + 1);
    }
    return false;
}

}  // namespace

std::optional<std::string> HttpWireMessage::header(std::string_view name) const {
    for (const auto& [key, value] : headers) {
        if (namesEqual(key, name)) return value;
    }
    return std::nullopt;
}

void HttpWireMessage::removeHeader(std::string_view name) {
    std::erase_if(headers, [&](const auto& field) { return namesEqual(field.first, name); });
}

void HttpWireMessage::setHeader(std::string_view name, std::string value) {
    removeHeader(name);
    headers.emplace_back(std::string(name), std::move(value));
}

std::string HttpWireMessage::method() const { return startLine.substr(0, startLine.find(' ')); }

int HttpWireMessage::status() const {
    if (!startLine.starts_with("HTTP/")) return 0;
    const auto space = startLine.find(' ');
    if (space == std::string::npos || startLine.size() < space + 4) return 0;
    int code = 0;
    for (std::size_t i = space + 1; i < space + 4; ++i) {
        if (startLine[i] < '0' || startLine[i] > '9') return 0;
        code = code * 10 + (startLine[i] - '0');
    }
    return code;
}

std::string HttpWireMessage::serializeHead() const {
    std::string text = startLine + "\r\n";
    for (const auto& [name, value] : headers) text += name + ": " + value + "\r\n";
    return text + "\r\n";
}

std::string HttpWireMessage::serialize() const {
    HttpWireMessage copy = *this;
    copy.removeHeader("Transfer-Encoding");
    copy.setHeader("Content-Length", std::to_string(body.size()));
    return copy.serializeHead() + body;
}

HttpWire::Status HttpWire::fill(Deadline deadline) {
    pollfd entry{fd_, POLLIN, 0};
    const int ready = poll(&entry, 1, remainingMs(deadline));
    if (ready == 0) return Status::Timeout;
    if (ready < 0) return errno == EINTR ? Status::Ok : Status::Error;
    std::array<char, 16384> chunk{};
    const ssize_t got = recv(fd_, chunk.data(), chunk.size(), 0);
    if (got == 0) return Status::Closed;
    if (got < 0) return (errno == EINTR || errno == EAGAIN) ? Status::Ok : Status::Error;
    buffer_.append(chunk.data(), static_cast<std::size_t>(got));
    return Status::Ok;
}

HttpWire::Status HttpWire::readLine(std::string& line, Deadline deadline) {
    while (true) {
        const auto end = buffer_.find("\r\n");
        if (end != std::string::npos) {
            line = buffer_.substr(0, end);
            buffer_.erase(0, end + 2);
            return Status::Ok;
        }
        if (buffer_.size() > maxHead) return Status::TooLarge;
        if (const Status status = fill(deadline); status != Status::Ok) return status;
    }
}

HttpWire::Status HttpWire::readExact(std::size_t count, std::string& out, Deadline deadline) {
    if (out.size() + count > maxBody) return Status::TooLarge;
    while (buffer_.size() < count) {
        if (const Status status = fill(deadline); status != Status::Ok) return status;
    }
    out.append(buffer_, 0, count);
    buffer_.erase(0, count);
    return Status::Ok;
}

HttpWire::Status HttpWire::readHead(HttpWireMessage& message, std::chrono::milliseconds timeout) {
    const Deadline deadline = std::chrono::steady_clock::now() + timeout;
    message = HttpWireMessage{};
    std::string line;
    do {  // tolerate blank lines before a request (RFC 9112 §2.2)
        if (const Status status = readLine(line, deadline); status != Status::Ok) return status;
    } while (line.empty());
    message.startLine = line;
    std::size_t headSize = line.size();
    while (true) {
        if (const Status status = readLine(line, deadline); status != Status::Ok) return status;
        if (line.empty()) return Status::Ok;
        headSize += line.size();
        if (headSize > maxHead) return Status::TooLarge;
        const auto colon = line.find(':');
        if (colon == std::string::npos || colon == 0) return Status::Error;
        message.headers.emplace_back(std::string(trim(std::string_view(line).substr(0, colon))),
                                     std::string(trim(std::string_view(line).substr(colon + 1))));
    }
}

HttpWire::Status HttpWire::readChunked(std::string& out, Deadline deadline) {
    std::string line;
    while (true) {
        if (const Status status = readLine(line, deadline); status != Status::Ok) return status;
        std::size_t size = 0;
        std::size_t digits = 0;
        for (char c : line) {
            int value = -1;
            if (c >= '0' && c <= '9') value = c - '0';
            else if (c >= 'a' && c <= 'f') value = c - 'a' + 10;
            else if (c >= 'A' && c <= 'F') value = c - 'A' + 10;
            if (value < 0) break;
            if (++digits > 8) return Status::TooLarge;
            size = size * 16 + static_cast<std::size_t>(value);
        }
        if (digits == 0) return Status::Error;
        if (size == 0) break;
        if (const Status status = readExact(size, out, deadline); status != Status::Ok) return status;
        if (const Status status = readLine(line, deadline); status != Status::Ok) return status;
        if (!line.empty()) return Status::Error;
    }
    do {  // trailer fields, up to the blank line
        if (const Status status = readLine(line, deadline); status != Status::Ok) return status;
    } while (!line.empty());
    return Status::Ok;
}

HttpWire::Status HttpWire::readToEnd(std::string& out, Deadline deadline) {
    while (true) {
        out += buffer_;
        buffer_.clear();
        if (out.size() > maxBody) return Status::TooLarge;
        const Status status = fill(deadline);
        if (status == Status::Closed) return Status::Ok;
        if (status != Status::Ok) return status;
    }
}

HttpWire::Status HttpWire::readBody(HttpWireMessage& message, bool isResponse, bool noBody,
                                    std::chrono::milliseconds timeout) {
    const Deadline deadline = std::chrono::steady_clock::now() + timeout;
    message.body.clear();
    if (noBody) return Status::Ok;
    if (const auto coding = message.header("Transfer-Encoding"); coding && containsToken(*coding, "chunked")) {
        return readChunked(message.body, deadline);
    }
    if (const auto length = message.header("Content-Length")) {
        std::size_t size = 0;
        if (length->empty() || length->size() > 10) return Status::Error;
        for (char c : *length) {
            if (c < '0' || c > '9') return Status::Error;
            size = size * 10 + static_cast<std::size_t>(c - '0');
        }
        if (size > maxBody) return Status::TooLarge;
        return readExact(size, message.body, deadline);
    }
    return isResponse ? readToEnd(message.body, deadline) : Status::Ok;
}

bool HttpWire::writeAll(int fd, std::string_view data, std::chrono::milliseconds timeout) {
    const Deadline deadline = std::chrono::steady_clock::now() + timeout;
    while (!data.empty()) {
        const ssize_t sent = send(fd, data.data(), data.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
        if (sent > 0) {
            data.remove_prefix(static_cast<std::size_t>(sent));
            continue;
        }
        if (sent < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) return false;
        pollfd entry{fd, POLLOUT, 0};
        const int ready = poll(&entry, 1, remainingMs(deadline));
        if (ready == 0) return false;
        if (ready > 0 && (entry.revents & (POLLERR | POLLHUP | POLLNVAL)) != 0) return false;
    }
    return true;
}

}  // namespace testsupport
