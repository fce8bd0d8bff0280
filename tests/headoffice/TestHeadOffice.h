#pragma once
// A real head office for tests: a SqliteStore in a fresh temp dir (or a
// store the test gives), the HTTP server on 127.0.0.1 at a free port in a
// thread, a clock the test sets, and a client that talks to it.

#include <atomic>
#include <cstdint>
#include <httplib.h>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "headoffice/HttpServer.h"
#include "headoffice/Store.h"
#include "support/TempDir.h"

namespace hotest {

constexpr std::int64_t kNow = 1795000000123;  // the server's clock unless a test sets it
constexpr const char* kDemoToken = "demo-kiosk-token";

struct Answer {
    int status = 0;  // 0: no answer
    std::string body;
    nlohmann::json json;  // discarded when the body is not JSON
    httplib::Headers headers;
    std::string header(const std::string& name) const;
};

class TestHeadOffice {
public:
    TestHeadOffice();  // SqliteStore in its own temp dir
    explicit TestHeadOffice(std::unique_ptr<headoffice::Store> store);
    ~TestHeadOffice();
    TestHeadOffice(const TestHeadOffice&) = delete;
    TestHeadOffice& operator=(const TestHeadOffice&) = delete;

    headoffice::Store& store() { return *store_; }
    int port() const { return port_; }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
    void setNow(std::int64_t ms) { now_ = ms; }
    std::vector<std::string> logLines();

    // Loads assets/headoffice/demo.json (or `json`); fails the test on an error.
    void loadDemo();
    void load(const std::string& json);
    // A second kiosk with its own token.
    void addKiosk(const std::string& id, const std::string& token);

    httplib::Client client() const;
    Answer post(const std::string& path, const std::string& body, const std::string& token = kDemoToken,
                httplib::Headers extra = {});
    Answer get(const std::string& path, const std::string& token = kDemoToken, httplib::Headers extra = {});

    static Answer answer(const httplib::Result& result);

private:
    void start();

    testsupport::TempDir dir_{"headoffice"};
    std::unique_ptr<headoffice::Store> store_;
    std::atomic<std::int64_t> now_{kNow};
    std::mutex logMutex_;
    std::vector<std::string> log_;
    std::unique_ptr<headoffice::HttpServer> server_;
    std::thread thread_;
    int port_ = 0;
};

}  // namespace hotest
