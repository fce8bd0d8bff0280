// Sync benchmarks (issue #5), each beside its baseline from the same run, all
// on loopback against the real head-office service (SQLite store) in this
// process and real kiosk databases:
//   1. draining 100,000 queued events through SyncClient, against the
//      service's own bulk insert of the same rows (Store::bulkInsertEvents);
//   2. a week offline: time from the network coming back to an empty queue;
//   3. 50 kiosks uploading at once: the service's ingest rate.
// Usage: bench_sync [--events N] [--week-events N] [--kiosks N] [--per-kiosk N] [--quick]
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "storage/Outbox.h"
#include "support/FaultProxy.h"
#include "sync/SyncClient.h"
#include "tests/sync/SyncHeadOffice.h"
#include "tests/sync/SyncKiosk.h"

namespace {

using Clock = std::chrono::steady_clock;
using synctest::SyncHeadOffice;
using synctest::SyncKiosk;

constexpr int kMembers = 200;

double secondsSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

[[noreturn]] void die(const std::string& what) {
    std::fprintf(stderr, "bench_sync: %s\n", what.c_str());
    std::exit(1);
}

// The kiosk's options with the field's defaults, except that a benchmark
// logs nothing.
kiosksync::SyncOptions fieldOptions(const SyncKiosk& kiosk, const std::string& url, const std::string& token) {
    kiosksync::SyncOptions options;
    options.databasePath = kiosk.path();
    options.http.baseUrl = url;
    options.http.bearerToken = token;
    options.jitterSeed = 7;
    if (std::getenv("BENCH_SYNC_LOG") != nullptr) {
        options.log = [](const std::string& line) { std::fprintf(stderr, "%s\n", line.c_str()); };
    }
    return options;
}

// Members and cards come to a new kiosk through the change feed, as in the field.
void downloadMembers(SyncKiosk& kiosk, SyncHeadOffice& ho, const std::string& token) {
    kiosksync::SyncClient client(kiosk.options(ho.url(), token));
    client.start();
    client.requestDownload();
    const std::string last = std::to_string(ho.lastChange());
    if (!synctest::eventually([&] { return kiosk.cursor() == last; }, std::chrono::seconds(60))) {
        die("the kiosk did not download the members");
    }
}

// Queues `events` earn events (1..kMembers round robin) without a sync per
// commit: filling the queue is not what is measured.
void queueEvents(SyncKiosk& kiosk, int events) {
    if (!kiosk.db().exec("PRAGMA synchronous = OFF")) {
        die("synchronous off");
    }
    constexpr int kPerDecision = 10;
    for (int done = 0; done < events; done += kPerDecision) {
        kiosk.earnMany(1 + (done / kPerDecision) % kMembers, std::min(kPerDecision, events - done), 5);
    }
    if (!kiosk.db().exec("PRAGMA synchronous = FULL")) {
        die("synchronous full");
    }
}

bool waitEmpty(SyncKiosk& kiosk, std::chrono::seconds limit) {
    return synctest::eventually([&] { return kiosk.depth() == 0; }, limit);
}

// ---- 1. drain -------------------------------------------------------------

std::vector<headoffice::EventRecord> recordsOf(SyncKiosk& kiosk, int events) {
    auto batch = storage::Outbox(kiosk.db()).nextBatch(INT64_MAX, static_cast<std::size_t>(events));
    if (!batch) {
        die("outbox: " + batch.error().describe());
    }
    std::vector<headoffice::EventRecord> records;
    records.reserve(batch->size());
    for (const auto& entry : *batch) {
        const auto json = nlohmann::json::parse(entry.payload);
        headoffice::EventRecord record;
        record.id = entry.eventId;
        record.kioskId = json.at("kiosk_id").get<std::string>();
        record.seq = entry.seq;
        record.type = json.at("type").get<std::string>();
        record.memberId = json.at("member_id").get<std::string>();
        record.card = json.at("card").get<std::string>();
        record.pointsDelta = json.at("points_delta").get<std::int64_t>();
        record.receivedAt = json.at("wall_time").get<std::int64_t>();
        record.payload = entry.payload;
        records.push_back(std::move(record));
    }
    return records;
}

void benchDrain(int events) {
    std::printf("1. draining %d queued events to head office on loopback (SQLite store, batches of 500)\n", events);
    SyncHeadOffice ho(kMembers);
    SyncKiosk kiosk(synctest::kKioskA);
    downloadMembers(kiosk, ho, synctest::kTokenA);
    queueEvents(kiosk, events);
    const auto records = recordsOf(kiosk, events);

    kiosksync::SyncClient client(fieldOptions(kiosk, ho.url(), synctest::kTokenA));
    const auto start = Clock::now();
    client.start();
    client.notifyNewEvents();
    if (!waitEmpty(kiosk, std::chrono::seconds(600))) {
        die("the queue did not drain");
    }
    const double drain = secondsSince(start);
    client.stop();
    if (ho.events() != events) {
        die("head office holds " + std::to_string(ho.events()) + " events, expected " + std::to_string(events));
    }

    SyncHeadOffice bulk(kMembers);
    const auto bulkStart = Clock::now();
    auto inserted = bulk.store().bulkInsertEvents(records);
    const double bulkSeconds = secondsSince(bulkStart);
    if (!inserted || *inserted != events) {
        die("bulk insert failed");
    }
    const double ours = events / drain;
    const double baseline = events / bulkSeconds;
    std::printf("  %-52s %9.0f events/s  (%.2f s; target >= 20000/s)\n", "SyncClient -> HTTP -> service -> store", ours,
                drain);
    std::printf("  %-52s %9.0f events/s  (%.2f s)\n", "baseline: the service's own bulk insert, same rows", baseline,
                bulkSeconds);
    std::printf("  %-52s %9.2f\n\n", "ratio drain / bulk insert", ours / baseline);
}

// ---- 2. a week offline ------------------------------------------------------

testsupport::FaultSpec refuse() {
    testsupport::FaultSpec spec;
    spec.fault = testsupport::Fault::RefuseConnections;
    return spec;
}

void benchWeekOffline(int events) {
    std::printf("2. a week offline: %d events queued while head office was unreachable\n", events);
    SyncHeadOffice ho(kMembers);
    SyncKiosk kiosk(synctest::kKioskA);
    downloadMembers(kiosk, ho, synctest::kTokenA);
    testsupport::FaultProxy proxy(ho.port());
    proxy.injectAlways(refuse());

    auto options = fieldOptions(kiosk, proxy.url(), synctest::kTokenA);
    // The field's backoff with a shorter cap, so the run is short; with the
    // default cap (5 min) the first try after the network returns comes at a
    // random time up to 5 min later, or with the next tap, whichever is first.
    options.backoffCap = std::chrono::seconds(10);
    kiosksync::SyncClient client(options);
    client.start();
    queueEvents(kiosk, events);
    client.notifyNewEvents();
    if (!synctest::eventually([&] { return client.status().consecutiveFailures >= 5; }, std::chrono::seconds(120))) {
        die("the client did not keep failing while offline");
    }
    const auto failures = client.status().consecutiveFailures;

    proxy.clear();  // the network is back
    const auto back = Clock::now();
    if (!waitEmpty(kiosk, std::chrono::seconds(120))) {
        die("the queue did not drain after the network came back");
    }
    const double noTap = secondsSince(back);

    // Again, but the next customer taps a second after the network returns.
    proxy.injectAlways(refuse());
    queueEvents(kiosk, events);
    client.notifyNewEvents();
    if (!synctest::eventually([&] { return client.status().consecutiveFailures >= 5; }, std::chrono::seconds(120))) {
        die("the client did not keep failing while offline (2)");
    }
    proxy.clear();
    const auto back2 = Clock::now();
    std::this_thread::sleep_for(std::chrono::seconds(1));
    kiosk.earn(1, 5);
    client.notifyNewEvents();
    if (!waitEmpty(kiosk, std::chrono::seconds(120))) {
        die("the queue did not drain after the network came back (2)");
    }
    const double withTap = secondsSince(back2);
    client.stop();
    std::printf("  %-52s %9.2f s  (%lld failed tries before; backoff cap 10 s)\n",
                "network back -> queue empty, no tap", noTap, static_cast<long long>(failures));
    std::printf("  %-52s %9.2f s\n", "network back -> queue empty, a tap 1 s later", withTap);
    std::printf("  %-52s %9lld of %d\n\n", "events at head office", static_cast<long long>(ho.events()),
                2 * events + 1);
}

// ---- 3. 50 kiosks at once --------------------------------------------------

void benchManyKiosks(int kiosks, int perKiosk) {
    std::printf("3. %d kiosks uploading at once, %d queued events each\n", kiosks, perKiosk);
    SyncHeadOffice ho(kMembers);
    nlohmann::json load;
    load["kiosks"] = nlohmann::json::array();
    for (int k = 0; k < kiosks; ++k) {
        load["kiosks"].push_back({{"id", "bench-" + std::to_string(k)}, {"token", "bench-kiosk-token-" + std::to_string(k)}});
    }
    ho.load(load.dump());
    std::vector<std::unique_ptr<SyncKiosk>> fleet;
    for (int k = 0; k < kiosks; ++k) {
        fleet.push_back(std::make_unique<SyncKiosk>("bench-" + std::to_string(k)));
        downloadMembers(*fleet.back(), ho, "bench-kiosk-token-" + std::to_string(k));
        queueEvents(*fleet.back(), perKiosk);
    }
    std::vector<std::unique_ptr<kiosksync::SyncClient>> clients;
    for (int k = 0; k < kiosks; ++k) {
        clients.push_back(std::make_unique<kiosksync::SyncClient>(
            fieldOptions(*fleet[k], ho.url(), "bench-kiosk-token-" + std::to_string(k))));
    }
    const auto start = Clock::now();
    for (auto& client : clients) {
        client->start();
        client->notifyNewEvents();
    }
    for (auto& kiosk : fleet) {
        if (!waitEmpty(*kiosk, std::chrono::seconds(600))) {
            die("a kiosk's queue did not drain");
        }
    }
    const double seconds = secondsSince(start);
    clients.clear();
    const long long total = static_cast<long long>(kiosks) * perKiosk;
    std::printf("  %-52s %9.0f events/s  (%lld events in %.2f s)\n", "service ingest, all kiosks together",
                static_cast<double>(total) / seconds, total, seconds);
    std::printf("  %-52s %9lld of %lld\n\n", "events at head office", static_cast<long long>(ho.events()), total);
}

}  // namespace

int main(int argc, char** argv) {
    std::setvbuf(stdout, nullptr, _IOLBF, 0);  // figures appear as they are measured
    int events = 100000;
    int weekEvents = 7000;  // ~1,000 taps a day
    int kiosks = 50;
    int perKiosk = 2000;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        auto next = [&] { return i + 1 < argc ? std::atoi(argv[++i]) : 0; };
        if (arg == "--events") {
            events = next();
        } else if (arg == "--week-events") {
            weekEvents = next();
        } else if (arg == "--kiosks") {
            kiosks = next();
        } else if (arg == "--per-kiosk") {
            perKiosk = next();
        } else if (arg == "--quick") {
            events = 5000, weekEvents = 700, kiosks = 10, perKiosk = 200;
        } else {
            die("usage: bench_sync [--events N] [--week-events N] [--kiosks N] [--per-kiosk N] [--quick]");
        }
    }
    if (events < 1 || weekEvents < 1 || kiosks < 1 || perKiosk < 1) {
        die("counts must be >= 1");
    }
    benchDrain(events);
    benchWeekOffline(weekEvents);
    benchManyKiosks(kiosks, perKiosk);
    return 0;
}
