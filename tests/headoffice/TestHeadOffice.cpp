#include "tests/headoffice/TestHeadOffice.h"

#include <chrono>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "headoffice/Loader.h"
#include "headoffice/SqliteStore.h"
#include "headoffice/TokenHash.h"

namespace hotest {

namespace {

// cpp-httplib keeps function-local statics (the set of HTTP methods it
// parses request lines with) that live until exit. Made here, before main,
// they are not charged to the first test as leaks by CppUTest.
struct HttplibWarmUp {
    HttplibWarmUp() {
        httplib::Server server;
        server.Get("/", [](const httplib::Request&, httplib::Response& res) { res.set_content("{}", "text/plain"); });
        const int port = server.bind_to_any_port("127.0.0.1");
        if (port <= 0) {
            return;
        }
        std::thread loop([&server] { server.listen_after_bind(); });
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
        while (!server.is_running() && std::chrono::steady_clock::now() < deadline) {
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
        httplib::Client client("127.0.0.1", port);
        client.Get("/");
        client.Post("/", "{}", "application/json");
        server.stop();
        loop.join();
    }
};
const HttplibWarmUp warmUp;

}  // namespace

std::string Answer::header(const std::string& name) const {
    const auto it = headers.find(name);
    return it == headers.end() ? std::string() : it->second;
}

TestHeadOffice::TestHeadOffice() {
    auto store = headoffice::SqliteStore::open(dir_.file("headoffice.db"));
    if (!store) {
        throw std::runtime_error("cannot open the test store: " + store.error().message);
    }
    store_ = std::move(*store);
    start();
}

TestHeadOffice::TestHeadOffice(std::unique_ptr<headoffice::Store> store) : store_(std::move(store)) { start(); }

void TestHeadOffice::start() {
    headoffice::ServerOptions options;
    options.listen = headoffice::ListenAddress{"127.0.0.1", 0};
    options.threads = 4;
    options.log = [this](const std::string& line) {
        std::lock_guard<std::mutex> lock(logMutex_);
        log_.push_back(line);
    };
    server_ = std::make_unique<headoffice::HttpServer>(*store_, options, [this] { return now_.load(); });
    auto port = server_->bind();
    if (!port) {
        throw std::runtime_error(port.error().message);
    }
    port_ = *port;
    thread_ = std::thread([this] { server_->run(); });
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (!server_->running() && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
}

TestHeadOffice::~TestHeadOffice() {
    server_->stop();
    if (thread_.joinable()) {
        thread_.join();
    }
}

std::vector<std::string> TestHeadOffice::logLines() {
    std::lock_guard<std::mutex> lock(logMutex_);
    return log_;
}

void TestHeadOffice::loadDemo() {
    std::ifstream in(HEADOFFICE_DEMO_JSON);
    std::ostringstream text;
    text << in.rdbuf();
    load(text.str());
}

void TestHeadOffice::load(const std::string& json) {
    auto loaded = headoffice::Loader(*store_, now_).load(json);
    if (!loaded) {
        throw std::runtime_error("load failed: " + loaded.error().message);
    }
}

void TestHeadOffice::addKiosk(const std::string& id, const std::string& token) {
    headoffice::SnapshotKeys keys;
    auto done = store_->update(keys, [&](const headoffice::Snapshot&) -> headoffice::Result<headoffice::WriteSet> {
        headoffice::WriteSet writes;
        writes.kiosks.push_back(headoffice::Kiosk{id, headoffice::TokenHash::sha256Hex(token)});
        return writes;
    });
    if (!done) {
        throw std::runtime_error("addKiosk failed: " + done.error().message);
    }
}

httplib::Client TestHeadOffice::client() const {
    httplib::Client client("127.0.0.1", port_);
    client.set_connection_timeout(5, 0);
    client.set_tcp_nodelay(true);  // as libcurl does
    client.set_read_timeout(30, 0);
    return client;
}

Answer TestHeadOffice::answer(const httplib::Result& result) {
    Answer out;
    if (!result) {
        return out;
    }
    out.status = result->status;
    out.body = result->body;
    out.headers = result->headers;
    out.json = nlohmann::json::parse(out.body, nullptr, false);
    return out;
}

Answer TestHeadOffice::post(const std::string& path, const std::string& body, const std::string& token,
                            httplib::Headers extra) {
    auto c = client();
    if (!token.empty()) {
        extra.emplace("Authorization", "Bearer " + token);
    }
    return answer(c.Post(path.c_str(), extra, body, "application/json"));
}

Answer TestHeadOffice::get(const std::string& path, const std::string& token, httplib::Headers extra) {
    auto c = client();
    if (!token.empty()) {
        extra.emplace("Authorization", "Bearer " + token);
    }
    return answer(c.Get(path.c_str(), extra));
}

}  // namespace hotest
