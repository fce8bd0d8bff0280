#include "services/DiagnosticsCollector.h"

#include <arpa/inet.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>
#include <sys/statvfs.h>

#include <filesystem>
#include <system_error>

#include "storage/IntegrityCheck.h"

namespace services {

std::vector<std::string> DiagnosticsCollector::interfaceAddresses() {
    std::vector<std::string> addresses;
    ifaddrs* list = nullptr;
    if (getifaddrs(&list) != 0) {
        return addresses;
    }
    for (const ifaddrs* entry = list; entry; entry = entry->ifa_next) {
        if (!entry->ifa_addr || !(entry->ifa_flags & IFF_UP) || (entry->ifa_flags & IFF_LOOPBACK)) {
            continue;
        }
        char text[INET6_ADDRSTRLEN] = {};
        const void* raw = nullptr;
        if (entry->ifa_addr->sa_family == AF_INET) {
            raw = &reinterpret_cast<const sockaddr_in*>(entry->ifa_addr)->sin_addr;
        } else if (entry->ifa_addr->sa_family == AF_INET6) {
            raw = &reinterpret_cast<const sockaddr_in6*>(entry->ifa_addr)->sin6_addr;
        }
        if (raw && inet_ntop(entry->ifa_addr->sa_family, raw, text, sizeof text)) {
            addresses.push_back(std::string(entry->ifa_name) + " " + text);
        }
    }
    freeifaddrs(list);
    return addresses;
}

kiosk::Diagnostics DiagnosticsCollector::collect(std::vector<std::string> recentLogLines) {
    kiosk::Diagnostics diagnostics;
    diagnostics.version = version_;
    std::error_code error;
    for (const char* suffix : {"", "-wal", "-shm"}) {
        const auto size = std::filesystem::file_size(databasePath_ + suffix, error);
        if (!error) {
            diagnostics.databaseBytes += static_cast<std::int64_t>(size);
        }
    }
    auto check = storage::IntegrityCheck::run(db_, storage::IntegrityCheck::Depth::Quick, 5);
    if (!check) {
        diagnostics.databaseOk = false;
        diagnostics.databaseCheck = "the check could not run: " + check.error().message;
    } else {
        diagnostics.databaseOk = check->ok();
        diagnostics.databaseCheck = check->ok() ? "ok" : check->summary();
    }
    const auto directory = std::filesystem::path(databasePath_).parent_path();
    struct statvfs disk {};
    if (statvfs(directory.empty() ? "." : directory.c_str(), &disk) == 0) {
        diagnostics.diskFreeBytes = static_cast<std::int64_t>(disk.f_bavail) * static_cast<std::int64_t>(disk.f_frsize);
    }
    diagnostics.addresses = interfaceAddresses();
    diagnostics.logLines = std::move(recentLogLines);
    return diagnostics;
}

}  // namespace services
