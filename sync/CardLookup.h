#pragma once
// GET /v1/cards/{token} on tap, for the UI thread, never blocking longer
// than the deadline: the request runs on a worker thread of its own with an
// HttpClient of its own (kept alive between taps, apart from the sync
// thread's, so a long upload never delays a tap). lookup() waits for the
// answer until the deadline; past it, it cancels the request and says "use
// the local copy". One lookup at a time (the UI thread's); a second caller
// waits for the first no longer than its own deadline.

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "net/HttpClient.h"
#include "sync/CardLookupResult.h"

namespace kiosksync {

class CardLookup {
public:
    explicit CardLookup(net::HttpClientOptions http);
    ~CardLookup();
    CardLookup(const CardLookup&) = delete;
    CardLookup& operator=(const CardLookup&) = delete;

    // Any thread. Returns by the deadline (plus the wake-up of a thread).
    CardLookupResult lookup(const std::string& token, std::chrono::milliseconds deadline);

    // Head office said "busy, not before": lookups answer UseLocal at once until then.
    void holdUntil(std::chrono::steady_clock::time_point until);
    // Ends the worker; later lookups answer UseLocal. Returns at once.
    void stop();

    // "/v1/cards/<percent-encoded token>"
    static std::string pathFor(const std::string& token);
    // The 200 answer read into card and member; the error names the field.
    static loyalty::Expected<CardLookupResult, std::string> parseAnswer(const std::string& body);

private:
    struct Job {
        std::uint64_t id = 0;
        std::string token;
        std::chrono::milliseconds timeout{0};
    };

    void work();
    CardLookupResult run(const Job& job);

    net::HttpClient http_;
    std::timed_mutex callers_;  // one lookup at a time; a second caller waits no longer than its deadline
    std::mutex mutex_;
    std::condition_variable changed_;
    std::optional<Job> job_;
    std::uint64_t nextId_ = 0;
    std::uint64_t doneId_ = 0;
    CardLookupResult done_;
    std::chrono::steady_clock::time_point heldUntil_{};
    bool stopping_ = false;
    std::thread worker_;
};

}  // namespace kiosksync
