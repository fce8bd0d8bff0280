#pragma once
// A fault-injecting HTTP/1.1 proxy for tests of the sync client: it listens
// on 127.0.0.1 on an ephemeral port and forwards each request to an
// upstream server on 127.0.0.1, unless a fault says otherwise. Client
// connections are kept alive; each forwarded request gets its own upstream
// connection (Connection: close), and the answer, whatever its framing
// upstream (Content-Length, chunked, until close), goes back with a
// Content-Length. Bodies pass through unchanged, gzip included.
//
// Faults, for the next N requests (injectNext) or every request
// (injectAlways):
//   None                forward
//   RefuseConnections   stop listening (connects get ECONNREFUSED) and close
//                       open connections; persistent only, until clear()
//   Timeout             read the request, never answer (until the client
//                       closes or the proxy stops)
//   Status500           answer 500 without forwarding
//   Status429           answer 429 with Retry-After: retryAfterSeconds, not forwarded
//   ResetAfterUpstream  forward, let upstream commit and answer, then reset
//                       the client's connection (SO_LINGER 0) without a byte
//                       of the answer: the "answer lost" case
//   TruncateBody        forward; send the head (full Content-Length) and
//                       half the body, then close
//   MalformedJson       forward; replace the body with broken JSON (status
//                       and Content-Type kept, Content-Encoding dropped)
//   SlowDrip            forward; send the answer one byte every dripInterval
//
// Plain sockets and one thread per connection; every wait has a deadline
// and is woken by the destructor, which returns within about a second.

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "support/HttpWire.h"

namespace testsupport {

enum class Fault {
    None,
    RefuseConnections,
    Timeout,
    Status500,
    Status429,
    ResetAfterUpstream,
    TruncateBody,
    MalformedJson,
    SlowDrip,
};

struct FaultSpec {
    Fault fault = Fault::None;
    int retryAfterSeconds = 1;                   // Status429
    std::chrono::milliseconds dripInterval{20};  // SlowDrip: one byte per interval
};

class FaultProxy {
public:
    static constexpr const char* malformedJson = "{\"results\":[{\"id\":\"0193b6a0-";

    explicit FaultProxy(int upstreamPort);
    ~FaultProxy();
    FaultProxy(const FaultProxy&) = delete;
    FaultProxy& operator=(const FaultProxy&) = delete;

    // 0 when the proxy could not listen.
    int port() const { return port_; }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }

    // The next `count` requests get this fault, after any queued before.
    // False (and nothing queued) for RefuseConnections, which cannot be
    // counted: a refused connect never reaches the proxy.
    bool injectNext(FaultSpec fault, unsigned count = 1);
    // Every request that has no counted fault left gets this one.
    void injectAlways(FaultSpec fault);
    // Back to forwarding everything; listening again if refusing.
    void clear();

    unsigned connectionsAccepted() const { return accepted_.load(); }
    unsigned requestsSeen() const { return seen_.load(); }
    unsigned forwarded() const { return forwarded_.load(); }
    unsigned faultsInjected() const { return faults_.load(); }

private:
    void acceptLoop();
    void syncListener();
    enum class Next { KeepServing, Close, Closed };  // Closed: reset and closed already

    void serve(int fd);
    Next handle(int fd, const HttpWireMessage& request);
    Next reply(int fd, const std::string& bytes, bool keepAlive);
    std::optional<HttpWireMessage> forward(const HttpWireMessage& request);
    FaultSpec takeFault();
    void setRefusing(bool refusing);
    void wake();

    bool track(int fd);      // false once stopping: the caller closes fd
    void untrack(int fd);    // before the fd is closed
    void closeFd(int fd);    // untrack + close
    void resetFd(int fd);    // untrack + RST (SO_LINGER 0) + close
    void shutdownTrackedLocked();
    void waitForClientClose(int fd);
    bool drip(int fd, const std::string& bytes, std::chrono::milliseconds interval);

    int upstreamPort_;
    int port_ = 0;
    int listenFd_ = -1;  // the accept thread's
    int wakeRead_ = -1;
    int wakeWrite_ = -1;

    std::mutex mutex_;
    std::condition_variable listenerChanged_;
    std::deque<FaultSpec> next_;
    FaultSpec always_;
    bool refusing_ = false;
    bool listening_ = false;
    bool stopping_ = false;
    std::set<int> tracked_;
    std::vector<std::thread> connections_;
    std::thread acceptThread_;

    std::atomic<unsigned> accepted_{0};
    std::atomic<unsigned> seen_{0};
    std::atomic<unsigned> forwarded_{0};
    std::atomic<unsigned> faults_{0};
};

}  // namespace testsupport
