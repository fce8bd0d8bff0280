#pragma once
// LoadDiagnostics, executed: what the technician screen shows about this
// unit — database size and quick check, version, network addresses, free
// disk space. Never personal data. Recent log lines come from the kiosk's
// own ring of technical messages (services::LogRing), not from the journal.

#include <string>
#include <vector>

#include "kiosk/Messages.h"
#include "storage/Database.h"

namespace services {

class DiagnosticsCollector {
public:
    DiagnosticsCollector(storage::Database& db, std::string databasePath, std::string version)
        : db_(db), databasePath_(std::move(databasePath)), version_(std::move(version)) {}

    kiosk::Diagnostics collect(std::vector<std::string> recentLogLines);

    // IPv4 and IPv6 addresses of the interfaces that are up, loopback left out.
    static std::vector<std::string> interfaceAddresses();

private:
    storage::Database& db_;
    std::string databasePath_;
    std::string version_;
};

}  // namespace services
