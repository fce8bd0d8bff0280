#pragma once
// The kiosk's head-office client (design brief §3 and §5,
// docs/sync-protocol.md "Kiosk side"). start() runs the sync thread
// (SyncLoop): its own database connection and its own HttpClient; it
// uploads the outbox, downloads changes, sends heartbeats and posts a
// SyncStatus through the callback (on the sync thread: the UI hands it to
// its own queue). Other threads only signal it:
//
//   notifyNewEvents()  after a local write: the event goes up at once
//   requestDownload()  ask for changes now (once the outbox is empty)
//   setReaderState()   what the heartbeat reports about the card reader
//   lookupCard()       GET /v1/cards/{token} for a tap, within its deadline,
//                      on a second HttpClient (CardLookup)
//
// stop() (and the destructor) returns within about a second, whatever head
// office is doing: a request in flight is cancelled. A stopped client
// does not start again; make a new one.

#include <chrono>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "net/HttpClient.h"
#include "sync/CardLookup.h"
#include "sync/CardLookupResult.h"
#include "sync/SyncOptions.h"
#include "sync/SyncSignals.h"
#include "sync/SyncStatus.h"

namespace kiosksync {

class SyncClient {
public:
    using StatusCallback = std::function<void(const SyncStatus&)>;

    explicit SyncClient(SyncOptions options, StatusCallback onStatus = {});
    ~SyncClient();
    SyncClient(const SyncClient&) = delete;
    SyncClient& operator=(const SyncClient&) = delete;

    // What is wrong with options.http (base URL, libcurl), if anything: the
    // client still runs, and every exchange fails with this error.
    const std::optional<net::HttpError>& configurationError() const { return http_.configurationError(); }

    void start();
    void stop();

    // Any thread.
    void notifyNewEvents() { signals_.notifyNewEvents(); }
    void requestDownload() { signals_.requestDownload(); }
    void setReaderState(std::string state, std::string lastError = {});
    CardLookupResult lookupCard(const std::string& token);  // options.lookupDeadline
    CardLookupResult lookupCard(const std::string& token, std::chrono::milliseconds deadline);
    // The last status posted.
    SyncStatus status() const;

private:
    void runThread();

    SyncOptions options_;
    StatusCallback onStatus_;
    net::HttpClient http_;
    CardLookup lookup_;
    SyncSignals signals_;
    mutable std::mutex statusMutex_;
    SyncStatus status_;
    std::mutex lifeMutex_;  // start/stop
    bool started_ = false;
    std::thread thread_;
};

}  // namespace kiosksync
