#pragma once
// How the sync thread reaches head office and paces itself
// (docs/sync-protocol.md, "Kiosk side"). The defaults are the field's;
// tests shorten the times.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>

#include "net/HttpClientOptions.h"

#ifndef KIOSK_VERSION
#define KIOSK_VERSION "0.0.0"
#endif

namespace kiosksync {

// One page of changes applied (with its cursor, in one transaction).
struct PageApplied {
    std::string fromCursor;  // the cursor the page was asked for ("" at the start)
    std::string nextCursor;  // stored with the page
    std::size_t changes = 0;
    std::size_t skipped = 0;  // well-formed changes this kiosk could not apply (see ChangeApplier)
    bool more = false;
};

struct SyncOptions {
    // The kiosk's database; the sync thread opens its own connection to it.
    std::string databasePath;
    int busyTimeoutMs = 5000;

    // Base URL, bearer token (never logged), CA file, slow-answer limits.
    net::HttpClientOptions http;
    std::chrono::milliseconds requestTimeout{30000};  // one upload, download page or heartbeat
    std::chrono::milliseconds connectTimeout{5000};

    std::string version = KIOSK_VERSION;  // sent with each heartbeat

    // Events per POST /v1/events. Head office takes at most 500: a batch it
    // answers 413 is halved (and never sent that large again).
    std::size_t maxBatch = 500;
    std::size_t pageLimit = 500;  // changes per GET /v1/changes (at most 1000)

    // Retries: the next attempt after n failures in a row is a uniformly
    // random time in [0, min(backoffCap, backoffBase * 2^n)] (full jitter),
    // or later when head office said Retry-After.
    std::chrono::milliseconds backoffBase{1000};
    std::chrono::milliseconds backoffCap{300000};
    std::uint64_t jitterSeed = 0;  // 0: from std::random_device

    // Look at the outbox this often even when nobody called notifyNewEvents()
    // (events written by another process, a lost notification).
    std::chrono::milliseconds idlePoll{5000};
    // Ask for changes this often while the outbox is empty.
    std::chrono::milliseconds downloadInterval{60000};
    std::chrono::milliseconds heartbeatInterval{60000};

    // lookupCard() answers from head office within this, or says "use the local copy".
    std::chrono::milliseconds lookupDeadline{300};

    // Log lines (stderr/journal in the kiosk). Never a token or personal data.
    std::function<void(const std::string&)> log;
    // Called on the sync thread after each page is committed (tests, diagnostics).
    std::function<void(const PageApplied&)> onPageApplied;
};

}  // namespace kiosksync
