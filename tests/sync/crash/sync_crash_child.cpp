// The kiosk's sync thread in a process of its own, for the SIGKILL test
// (tests/sync/SyncCrashTest.cpp): runs a SyncClient on the kiosk database
// against head office until it is killed (or for at most 30 s).
//
//   sync_crash_child <database> <base-url> <token> <batch> <page-limit>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>

#include "sync/SyncClient.h"

int main(int argc, char** argv) {
    const auto start = std::chrono::steady_clock::now();
    if (argc != 6) {
        std::fprintf(stderr, "usage: sync_crash_child <database> <base-url> <token> <batch> <page-limit>\n");
        return 2;
    }
    kiosksync::SyncOptions options;
    options.databasePath = argv[1];
    options.http.baseUrl = argv[2];
    options.http.bearerToken = argv[3];
    options.maxBatch = static_cast<std::size_t>(std::strtoul(argv[4], nullptr, 10));
    options.pageLimit = static_cast<std::size_t>(std::strtoul(argv[5], nullptr, 10));
    options.requestTimeout = std::chrono::milliseconds(2000);
    options.backoffBase = std::chrono::milliseconds(10);
    options.backoffCap = std::chrono::milliseconds(50);
    options.idlePoll = std::chrono::milliseconds(20);
    options.downloadInterval = std::chrono::milliseconds(20);
    options.heartbeatInterval = std::chrono::seconds(60);
    options.log = [start](const std::string& line) {
        const auto ms =
            std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
        std::fprintf(stderr, "%6lld ms %s\n", static_cast<long long>(ms), line.c_str());
    };
    kiosksync::SyncClient client(options);
    client.start();
    std::this_thread::sleep_for(std::chrono::seconds(30));
    client.stop();
    return 0;
}
