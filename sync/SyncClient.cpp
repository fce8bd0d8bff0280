#include "sync/SyncClient.h"

#include "sync/SyncLoop.h"

namespace kiosksync {

namespace {

net::HttpClientOptions lookupOptions(const SyncOptions& options) {
    net::HttpClientOptions http = options.http;
    http.userAgent += " (lookup)";
    return http;
}

}  // namespace

SyncClient::SyncClient(SyncOptions options, StatusCallback onStatus)
    : options_(std::move(options)),
      onStatus_(std::move(onStatus)),
      http_(options_.http),
      lookup_(lookupOptions(options_)) {}

SyncClient::~SyncClient() { stop(); }

void SyncClient::start() {
    std::lock_guard lock(lifeMutex_);
    if (started_) {
        return;
    }
    started_ = true;
    thread_ = std::thread([this] { runThread(); });
}

void SyncClient::stop() {
    std::lock_guard lock(lifeMutex_);
    signals_.requestStop();
    http_.cancel();
    lookup_.stop();
    if (thread_.joinable()) {
        thread_.join();
    }
}

void SyncClient::runThread() {
    try {
        SyncLoop loop(options_, http_, signals_, lookup_, [this](const SyncStatus& status) {
            {
                std::lock_guard lock(statusMutex_);
                status_ = status;
            }
            if (onStatus_) {
                onStatus_(status);
            }
        });
        loop.run();
    } catch (...) {  // nothing leaves the thread
        std::lock_guard lock(statusMutex_);
        status_.running = false;
        status_.online = false;
        status_.lastError = "the sync thread stopped after an internal error";
    }
}

void SyncClient::setReaderState(std::string state, std::string lastError) {
    signals_.setReader(ReaderReport{std::move(state), std::move(lastError)});
}

CardLookupResult SyncClient::lookupCard(const std::string& token) {
    return lookupCard(token, options_.lookupDeadline);
}

CardLookupResult SyncClient::lookupCard(const std::string& token, std::chrono::milliseconds deadline) {
    return lookup_.lookup(token, deadline);
}

SyncStatus SyncClient::status() const {
    std::lock_guard lock(statusMutex_);
    return status_;
}

}  // namespace kiosksync
