#pragma once
// A real cpp-httplib server (plain or TLS) on 127.0.0.1 on an ephemeral
// port, serving on a thread of its own until destroyed. Register routes on
// routes() before start().

#include <httplib.h>

#include <atomic>
#include <memory>
#include <string>
#include <thread>

namespace nettest {

class LoopbackServer {
public:
    LoopbackServer();
    LoopbackServer(const std::string& certFile, const std::string& keyFile);
    ~LoopbackServer();
    LoopbackServer(const LoopbackServer&) = delete;
    LoopbackServer& operator=(const LoopbackServer&) = delete;

    httplib::Server& routes() { return *server_; }
    // Binds and starts serving; false when it cannot (bad certificate, no port).
    bool start();
    int port() const { return port_; }
    std::string url() const;

    // A loopback port nothing listens on (bound, then closed).
    static int unusedPort();

private:
    std::unique_ptr<httplib::Server> server_;
    bool https_ = false;
    int port_ = 0;
    std::atomic<bool> finished_{false};
    std::thread thread_;
};

}  // namespace nettest
