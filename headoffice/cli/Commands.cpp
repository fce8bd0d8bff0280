#include "cli/Commands.h"

#include <malloc.h>
#include <signal.h>

#include <chrono>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

#include "headoffice/FieldReader.h"
#include "headoffice/HttpServer.h"
#include "headoffice/Loader.h"
#include "headoffice/StoreFactory.h"
#include "headoffice/TokenHash.h"

namespace headoffice {

namespace {

std::unique_ptr<Store> openStore(const std::string& url, const char* command) {
    auto store = StoreFactory::open(url);
    if (!store) {
        std::cerr << "headoffice " << command << ": " << store.error().message << "\n";
        return nullptr;
    }
    return std::move(*store);
}

std::int64_t nowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

}  // namespace

int Commands::serve(const std::string& storeUrl, const std::string& listenText, bool quiet, std::size_t threads) {
    auto listen = ListenAddress::parse(listenText);
    if (!listen) {
        std::cerr << "headoffice serve: " << listen.error().message << "\n";
        return 2;
    }
    // SIGINT/SIGTERM are taken by sigwait below, in this thread only: block
    // them before any server thread starts, so the threads inherit the mask.
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGINT);
    sigaddset(&stopSignals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);
    signal(SIGPIPE, SIG_IGN);
    // A 500-event upload is a few hundred KiB of JSON and thousands of small
    // strings. glibc would hand big blocks back to the kernel after each
    // request (mmap/munmap, heap trimming) and fault the pages in again on
    // the next: a third of the time of an upload. Keep them, in two arenas
    // shared by the request threads (one each would warm up eight times).
    mallopt(M_ARENA_MAX, 2);
    mallopt(M_MMAP_THRESHOLD, 64 * 1024 * 1024);
    mallopt(M_TRIM_THRESHOLD, 256 * 1024 * 1024);

    auto store = openStore(storeUrl, "serve");
    if (!store) {
        return 1;
    }
    std::cerr << "headoffice: store " << store->describe() << "\n";
    ServerOptions options;
    options.listen = *listen;
    options.threads = threads;
    if (!quiet) {
        options.log = [](const std::string& line) { std::cerr << "headoffice: " + line + "\n" << std::flush; };
    }
    HttpServer server(*store, options, nowMs);
    auto port = server.bind();
    if (!port) {
        std::cerr << "headoffice serve: " << port.error().message << "\n";
        return 1;
    }
    ListenAddress bound = *listen;
    bound.port = *port;
    std::cout << "listening on " << bound.text() << std::endl;

    bool served = true;
    std::thread loop([&server, &served] { served = server.run(); });
    int signal = 0;
    sigwait(&stopSignals, &signal);
    std::cerr << "headoffice: stopping (" << (signal == SIGINT ? "SIGINT" : "SIGTERM") << ")\n";
    server.stop();
    loop.join();
    return served ? 0 : 1;
}

int Commands::load(const std::string& storeUrl, const std::string& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        std::cerr << "headoffice load: cannot read " << file << "\n";
        return 1;
    }
    std::ostringstream text;
    text << in.rdbuf();
    auto store = openStore(storeUrl, "load");
    if (!store) {
        return 1;
    }
    auto summary = Loader(*store, nowMs()).load(text.str());
    if (!summary) {
        std::cerr << "headoffice load: " << file << ": nothing was loaded:\n" << summary.error().message << "\n";
        return 1;
    }
    std::cout << "loaded " << file << " into " << store->describe() << "\n" << summary->text() << "\n";
    return 0;
}

int Commands::addKiosk(const std::string& storeUrl, const std::string& kioskId, bool rotate) {
    if (!FieldReader::isId(kioskId)) {
        std::cerr << "headoffice add-kiosk: the kiosk id must be 1 to " << FieldReader::kMaxIdBytes
                  << " printable ASCII characters without spaces\n";
        return 2;
    }
    auto store = openStore(storeUrl, "add-kiosk");
    if (!store) {
        return 1;
    }
    const auto token = TokenHash::newToken();
    if (!token) {
        std::cerr << "headoffice add-kiosk: the system's random generator failed\n";
        return 1;
    }
    SnapshotKeys keys;
    keys.kiosks.insert(kioskId);
    bool existed = false;
    auto done = store->update(keys, [&](const Snapshot& snapshot) -> Result<WriteSet> {
        existed = snapshot.kiosks.count(kioskId) != 0;
        if (existed && !rotate) {
            return failure(ErrorCode::InvalidInput, "kiosk " + kioskId + " already exists; --rotate gives it a new "
                                                                         "token (its old token stops working)");
        }
        WriteSet writes;
        writes.kiosks.push_back(Kiosk{kioskId, TokenHash::sha256Hex(*token)});
        return writes;
    });
    if (!done) {
        std::cerr << "headoffice add-kiosk: " << done.error().message << "\n";
        return 1;
    }
    std::cout << *token << std::endl;
    std::cerr << "headoffice: kiosk " << kioskId << (existed ? " has a new token" : " added")
              << " (printed above, once: head office keeps only its SHA-256). Give it to the kiosk as its "
                 "sync token.\n";
    return 0;
}

int Commands::info(const std::string& storeUrl) {
    auto store = openStore(storeUrl, "info");
    if (!store) {
        return 1;
    }
    auto counts = store->counts();
    if (!counts) {
        std::cerr << "headoffice info: " << counts.error().message << "\n";
        return 1;
    }
    const StoreCounts& c = *counts;
    std::cout << "store: " << store->describe() << "\n"
              << "events: " << c.events << " (" << c.acceptedEvents << " accepted, " << c.events - c.acceptedEvents
              << " rejected)\n"
              << "members: " << c.members << "\ncards: " << c.cards << "\nstaff: " << c.staff
              << "\ncatalogue items: " << c.catalogue << "\nreward totals: " << c.rewardTotals
              << "\nkiosks: " << c.kiosks << "\nchange log: " << c.changes << " entries, last " << c.lastChange
              << "\n";
    return 0;
}

}  // namespace headoffice
