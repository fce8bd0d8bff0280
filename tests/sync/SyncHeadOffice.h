#pragma once
// For the sync tests: the real head-office service (headoffice/: SqliteStore
// and HttpServer) in this process on 127.0.0.1 at a free port, its store in
// a temp dir, loaded with members, cards (one per member), staff, catalogue
// and the kiosks' tokens. Set-up failures abort with a message.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "headoffice/HttpServer.h"
#include "headoffice/Store.h"
#include "support/TempDir.h"

namespace synctest {

constexpr const char* kKioskA = "kiosk-a";
constexpr const char* kTokenA = "kiosk-a-token-3f9c1d2e";
constexpr const char* kKioskB = "kiosk-b";  // "another store": changes the shared members' balances
constexpr const char* kTokenB = "kiosk-b-token-8e7d6c5b";
constexpr const char* kKioskC = "kiosk-c";
constexpr const char* kTokenC = "kiosk-c-token-1a2b3c4d";

// Member i: "m-<i>", card "u:<8 hex digits of i>", opening balance 100 * i.
std::string memberId(int i);
std::string cardToken(int i);

class SyncHeadOffice {
public:
    explicit SyncHeadOffice(int members = 20);
    ~SyncHeadOffice();
    SyncHeadOffice(const SyncHeadOffice&) = delete;
    SyncHeadOffice& operator=(const SyncHeadOffice&) = delete;

    int port() const { return port_; }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
    headoffice::Store& store() { return *store_; }

    // Loads more data (headoffice load file format); aborts on an error.
    void load(const std::string& json);

    std::int64_t balance(const std::string& memberId);
    std::int64_t lastChange();
    std::int64_t events();  // stored events of every kiosk
    // Stored, and accepted (not rejected).
    bool accepted(const std::string& eventId);
    bool stored(const std::string& eventId);

    // "Another store": kiosk B earns `points` for each member, straight to
    // head office (not through any proxy). The number of events sent.
    int earnFromKioskB(const std::vector<std::string>& memberIds, std::int64_t points);
    // Kiosk B redeems `cost` points of the member's (reward "coffee"); false when head office rejected it.
    bool redeemFromKioskB(const std::string& memberId, std::int64_t cost);
    std::int64_t kioskBPoints(const std::string& memberId) const;

private:
    // Uploads kiosk B's events; the statuses head office answered.
    std::vector<std::string> postFromKioskB(const std::vector<std::string>& memberIds, const std::string& type,
                                            std::int64_t points);

    testsupport::TempDir dir_{"sync-headoffice"};
    std::unique_ptr<headoffice::Store> store_;
    std::unique_ptr<headoffice::HttpServer> server_;
    std::thread thread_;
    int port_ = 0;
    int kioskBSeq_ = 0;
    std::vector<std::pair<std::string, std::int64_t>> kioskBEarned_;
};

}  // namespace synctest
