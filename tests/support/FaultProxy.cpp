#include "support/FaultProxy.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>

namespace testsupport {

namespace {

using std::chrono::milliseconds;

constexpr milliseconds idleLimit{10000};      // a kept-alive client connection with no request
constexpr milliseconds exchangeLimit{10000};  // reading a body, or upstream's whole answer
constexpr milliseconds writeLimit{5000};
constexpr milliseconds listenerWait{1000};    // injectAlways/clear wait this long for the listener
constexpr int acceptPollMs = 200;             // only a retry period: the wake pipe ends a poll at once

int openListener(int port) {
    const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return -1;
    const int one = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 || listen(fd, 64) != 0) {
        close(fd);
        return -1;
    }
    return fd;
}

int boundPort(int fd) {
    sockaddr_in address{};
    socklen_t length = sizeof address;
    if (getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) return 0;
    return ntohs(address.sin_port);
}

int connectUpstream(int port) {
    const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return -1;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
        close(fd);
        return -1;
    }
    const int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    return fd;
}

std::string canned(int status, const std::string& reason, const std::string& extraFields, const std::string& code,
                   bool keepAlive) {
    const std::string body = "{\"error\":{\"code\":\"" + code + "\",\"message\":\"injected by FaultProxy\"}}";
    return "HTTP/1.1 " + std::to_string(status) + " " + reason + "\r\nContent-Type: application/json\r\n" +
           extraFields + "Content-Length: " + std::to_string(body.size()) +
           (keepAlive ? "\r\nConnection: keep-alive" : "\r\nConnection: close") + "\r\n\r\n" + body;
}

bool wantsClose(const HttpWireMessage& request) {
    const auto connection = request.header("Connection");
    if (connection && connection->find("close") != std::string::npos) return true;
    return request.startLine.ends_with("HTTP/1.0") &&
           !(connection && connection->find("keep-alive") != std::string::npos);
}

}  // namespace

FaultProxy::FaultProxy(int upstreamPort) : upstreamPort_(upstreamPort) {
    int pipeFds[2] = {-1, -1};
    if (pipe2(pipeFds, O_CLOEXEC | O_NONBLOCK) != 0) return;
    wakeRead_ = pipeFds[0];
    wakeWrite_ = pipeFds[1];
    listenFd_ = openListener(0);
    if (listenFd_ < 0) return;
    port_ = boundPort(listenFd_);
    listening_ = true;
    acceptThread_ = std::thread([this] { acceptLoop(); });
}

FaultProxy::~FaultProxy() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
        shutdownTrackedLocked();
    }
    wake();
    if (acceptThread_.joinable()) acceptThread_.join();
    // The accept thread is gone: nobody adds to connections_ any more.
    for (auto& connection : connections_) connection.join();
    if (listenFd_ >= 0) close(listenFd_);
    if (wakeRead_ >= 0) close(wakeRead_);
    if (wakeWrite_ >= 0) close(wakeWrite_);
}

void FaultProxy::wake() {
    if (wakeWrite_ < 0) return;
    const char byte = 'w';
    [[maybe_unused]] const ssize_t ignored = write(wakeWrite_, &byte, 1);  // a full pipe is awake enough
}

bool FaultProxy::injectNext(FaultSpec fault, unsigned count) {
    if (fault.fault == Fault::RefuseConnections) return false;
    std::lock_guard lock(mutex_);
    for (unsigned i = 0; i < count; ++i) next_.push_back(fault);
    return true;
}

void FaultProxy::injectAlways(FaultSpec fault) {
    {
        std::lock_guard lock(mutex_);
        always_ = fault;
    }
    setRefusing(fault.fault == Fault::RefuseConnections);
}

void FaultProxy::clear() {
    {
        std::lock_guard lock(mutex_);
        next_.clear();
        always_ = FaultSpec{};
    }
    setRefusing(false);
}

void FaultProxy::setRefusing(bool refusing) {
    std::unique_lock lock(mutex_);
    if (refusing && !refusing_) shutdownTrackedLocked();  // a server that went down drops its connections too
    refusing_ = refusing;
    wake();
    listenerChanged_.wait_for(lock, listenerWait, [&] { return stopping_ || listening_ == !refusing_; });
}

FaultSpec FaultProxy::takeFault() {
    std::lock_guard lock(mutex_);
    if (refusing_) return FaultSpec{Fault::RefuseConnections};
    if (!next_.empty()) {
        const FaultSpec fault = next_.front();
        next_.pop_front();
        return fault;
    }
    return always_;
}

bool FaultProxy::track(int fd) {
    std::lock_guard lock(mutex_);
    if (stopping_) return false;
    tracked_.insert(fd);
    return true;
}

void FaultProxy::untrack(int fd) {
    std::lock_guard lock(mutex_);
    tracked_.erase(fd);
}

void FaultProxy::closeFd(int fd) {
    untrack(fd);
    close(fd);
}

void FaultProxy::resetFd(int fd) {
    untrack(fd);
    const linger abortive{1, 0};
    setsockopt(fd, SOL_SOCKET, SO_LINGER, &abortive, sizeof abortive);
    close(fd);
}

void FaultProxy::shutdownTrackedLocked() {
    for (const int fd : tracked_) shutdown(fd, SHUT_RDWR);
}

// Opens or closes the listening socket to match refusing_. Accept thread only.
void FaultProxy::syncListener() {
    std::lock_guard lock(mutex_);
    if (refusing_ && listenFd_ >= 0) {
        close(listenFd_);
        listenFd_ = -1;
    } else if (!refusing_ && listenFd_ < 0) {
        listenFd_ = openListener(port_);  // same port; SO_REUSEADDR
    }
    const bool nowListening = listenFd_ >= 0;
    if (nowListening != listening_) {
        listening_ = nowListening;
        listenerChanged_.notify_all();
    }
}

void FaultProxy::acceptLoop() {
    while (true) {
        syncListener();
        {
            std::lock_guard lock(mutex_);
            if (stopping_) break;
        }
        pollfd entries[2] = {{wakeRead_, POLLIN, 0}, {listenFd_, POLLIN, 0}};
        const nfds_t count = listenFd_ >= 0 ? 2 : 1;
        if (poll(entries, count, acceptPollMs) <= 0) continue;
        if ((entries[0].revents & POLLIN) != 0) {
            char drain[64];
            while (read(wakeRead_, drain, sizeof drain) > 0) {
            }
        }
        if (count < 2 || (entries[1].revents & POLLIN) == 0) continue;
        const int fd = accept4(listenFd_, nullptr, nullptr, SOCK_CLOEXEC);
        if (fd < 0) continue;
        const int one = 1;
        setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        std::lock_guard lock(mutex_);
        if (stopping_) {
            close(fd);
            break;
        }
        tracked_.insert(fd);
        accepted_ += 1;
        connections_.emplace_back([this, fd] { serve(fd); });
    }
}

void FaultProxy::serve(int fd) {
    HttpWire wire(fd);
    Next next = Next::KeepServing;
    while (next == Next::KeepServing) {
        HttpWireMessage request;
        if (wire.readHead(request, idleLimit) != HttpWire::Status::Ok) break;
        const auto expect = request.header("Expect");
        if (expect && expect->find("100-continue") != std::string::npos) {
            if (!HttpWire::writeAll(fd, "HTTP/1.1 100 Continue\r\n\r\n", writeLimit)) break;
        }
        if (wire.readBody(request, false, false, exchangeLimit) != HttpWire::Status::Ok) break;
        seen_ += 1;
        next = handle(fd, request);
    }
    if (next != Next::Closed) closeFd(fd);
}

FaultProxy::Next FaultProxy::handle(int fd, const HttpWireMessage& request) {
    const FaultSpec fault = takeFault();
    const bool keepAlive = !wantsClose(request);
    switch (fault.fault) {
        case Fault::RefuseConnections:
            faults_ += 1;
            resetFd(fd);
            return Next::Closed;
        case Fault::Timeout:
            faults_ += 1;
            waitForClientClose(fd);
            return Next::Close;
        case Fault::Status500:
            faults_ += 1;
            return reply(fd, canned(500, "Internal Server Error", "", "internal", keepAlive), keepAlive);
        case Fault::Status429:
            faults_ += 1;
            return reply(fd,
                         canned(429, "Too Many Requests",
                                "Retry-After: " + std::to_string(fault.retryAfterSeconds) + "\r\n", "busy", keepAlive),
                         keepAlive);
        default:
            break;
    }

    std::optional<HttpWireMessage> answer = forward(request);
    if (!answer) return reply(fd, canned(502, "Bad Gateway", "", "bad_gateway", keepAlive), keepAlive);
    forwarded_ += 1;
    for (const char* hopByHop : {"Connection", "Keep-Alive", "Transfer-Encoding"}) answer->removeHeader(hopByHop);
    answer->setHeader("Connection", keepAlive ? "keep-alive" : "close");
    const bool headRequest = request.method() == "HEAD";

    switch (fault.fault) {
        case Fault::ResetAfterUpstream:
            faults_ += 1;
            resetFd(fd);
            return Next::Closed;
        case Fault::TruncateBody: {
            faults_ += 1;
            answer->setHeader("Connection", "close");
            HttpWireMessage head = *answer;
            head.setHeader("Content-Length", std::to_string(answer->body.size()));
            const std::string half = answer->body.substr(0, answer->body.size() / 2);
            HttpWire::writeAll(fd, head.serializeHead() + half, writeLimit);
            shutdown(fd, SHUT_WR);
            return Next::Close;
        }
        case Fault::MalformedJson:
            faults_ += 1;
            answer->removeHeader("Content-Encoding");
            answer->body = malformedJson;
            break;
        case Fault::SlowDrip: {
            faults_ += 1;
            const std::string bytes = headRequest ? answer->serializeHead() : answer->serialize();
            return drip(fd, bytes, fault.dripInterval) && keepAlive ? Next::KeepServing : Next::Close;
        }
        default:
            break;
    }
    return reply(fd, headRequest ? answer->serializeHead() : answer->serialize(), keepAlive);
}

FaultProxy::Next FaultProxy::reply(int fd, const std::string& bytes, bool keepAlive) {
    return HttpWire::writeAll(fd, bytes, writeLimit) && keepAlive ? Next::KeepServing : Next::Close;
}

std::optional<HttpWireMessage> FaultProxy::forward(const HttpWireMessage& request) {
    const int upstream = connectUpstream(upstreamPort_);
    if (upstream < 0) return std::nullopt;
    if (!track(upstream)) {
        close(upstream);
        return std::nullopt;
    }
    HttpWireMessage outgoing = request;
    for (const char* hopByHop : {"Connection", "Keep-Alive", "Expect", "Transfer-Encoding", "Proxy-Connection"}) {
        outgoing.removeHeader(hopByHop);
    }
    outgoing.setHeader("Connection", "close");
    std::optional<HttpWireMessage> answer;
    if (HttpWire::writeAll(upstream, outgoing.serialize(), writeLimit)) {
        HttpWire wire(upstream);
        HttpWireMessage received;
        auto status = wire.readHead(received, exchangeLimit);
        while (status == HttpWire::Status::Ok && received.status() >= 100 && received.status() < 200) {
            status = wire.readHead(received, exchangeLimit);  // an interim 1xx: the real answer follows
        }
        const int code = received.status();
        const bool noBody = request.method() == "HEAD" || code == 204 || code == 304;
        if (status == HttpWire::Status::Ok && code != 0 &&
            wire.readBody(received, true, noBody, exchangeLimit) == HttpWire::Status::Ok) {
            answer = std::move(received);
        }
    }
    closeFd(upstream);
    return answer;
}

void FaultProxy::waitForClientClose(int fd) {
    // Bounded by the client closing, the destructor's shutdown or a minute.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(1);
    while (std::chrono::steady_clock::now() < deadline) {
        pollfd entry{fd, POLLIN, 0};
        if (poll(&entry, 1, 1000) <= 0) continue;
        char discard[4096];
        const ssize_t got = recv(fd, discard, sizeof discard, 0);
        if (got == 0 || (got < 0 && errno != EINTR && errno != EAGAIN)) return;
    }
}

bool FaultProxy::drip(int fd, const std::string& bytes, milliseconds interval) {
    for (const char byte : bytes) {
        if (send(fd, &byte, 1, MSG_NOSIGNAL) != 1) return false;
        pollfd entry{fd, POLLIN, 0};
        const int ready = poll(&entry, 1, static_cast<int>(interval.count()));
        if (ready > 0) {
            char peek = 0;
            const ssize_t got = recv(fd, &peek, 1, MSG_PEEK | MSG_DONTWAIT);
            if (got == 0 || (got < 0 && errno != EAGAIN && errno != EWOULDBLOCK)) return false;  // client gone
        }
    }
    return true;
}

}  // namespace testsupport
