#include "drivers/net/LoopbackServer.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>

namespace nettest {

namespace {

// httplib's stop() does nothing until the server's loop has started (one
// stopped too early would serve on and the join would hang), and must not
// be called twice. So: wait for the loop to run, then stop it once.
void stopAndJoin(httplib::Server& server, std::thread& thread, const std::atomic<bool>& finished) {
    while (!finished.load()) {
        if (server.is_running()) {
            server.stop();
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    if (thread.joinable()) thread.join();
}

// cpp-httplib builds function-static std::regex objects (the request line,
// the status line) with operator new the first time it parses one. CppUTest
// would report them as leaks of whichever test used httplib first, so one
// exchange runs here, before main and outside every test.
struct FirstUseOfHttplib {
    FirstUseOfHttplib() {
        httplib::Server server;
        server.Post("/", [](const httplib::Request& request, httplib::Response& response) {
            response.set_content(request.body, "application/json");
        });
        const int port = server.bind_to_any_port("127.0.0.1");
        if (port <= 0) return;
        std::atomic<bool> finished{false};
        std::thread serving([&] {
            server.listen_after_bind();
            finished = true;
        });
        {
            httplib::Client client("127.0.0.1", port);
            client.set_compress(true);
            (void)client.Post("/", std::string(10000, '{'), "application/json");
        }
        stopAndJoin(server, serving, finished);
    }
};
const FirstUseOfHttplib firstUseOfHttplib;

}  // namespace

LoopbackServer::LoopbackServer() : server_(std::make_unique<httplib::Server>()) {}

LoopbackServer::LoopbackServer(const std::string& certFile, const std::string& keyFile)
    : server_(std::make_unique<httplib::SSLServer>(certFile.c_str(), keyFile.c_str())), https_(true) {}

LoopbackServer::~LoopbackServer() {
    if (thread_.joinable()) stopAndJoin(*server_, thread_, finished_);
}

bool LoopbackServer::start() {
    if (!server_->is_valid()) return false;
    server_->set_keep_alive_timeout(2);
    port_ = server_->bind_to_any_port("127.0.0.1");
    if (port_ <= 0) return false;
    // The socket listens already: connections wait in its backlog until the thread accepts.
    thread_ = std::thread([this] {
        server_->listen_after_bind();
        finished_ = true;
    });
    return true;
}

std::string LoopbackServer::url() const {
    return std::string(https_ ? "https" : "http") + "://127.0.0.1:" + std::to_string(port_);
}

int LoopbackServer::unusedPort() {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    int port = 0;
    if (bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
        getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0) {
        port = ntohs(address.sin_port);
    }
    close(fd);
    return port;
}

}  // namespace nettest
