// kioskctl db ..., the real binary run as a child process: each command's
// exit code (0 ok, 1 problem, 2 usage) and what it prints.

#include <unistd.h>

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "storage/DatabaseFiles.h"
#include "storage/KioskStore.h"
#include "storage/Migrator.h"
#include "support/ChildProcess.h"
#include "support/CsvReader.h"
#include "support/FileBytes.h"
#include "support/ForkedChild.h"
#include "support/LedgerRows.h"
#include "support/TempDir.h"

// CppUTest last: its memory-leak macros redefine new.
#include <CppUTest/TestHarness.h>

namespace {

struct Run {
    int code = -1;
    std::string output;  // stdout and stderr together
};

}  // namespace

TEST_GROUP(Kioskctl) {
    testsupport::TempDir dir{"kioskctl"};
    std::string path() const { return dir.file("kiosk.db"); }

    Run kioskctl(std::vector<std::string> args, std::map<std::string, std::string> environment = {}) {
        args.insert(args.begin(), KIOSKCTL_BINARY);
        const std::string output = dir.file("output.txt");
        const auto code = testsupport::ChildProcess::run(args, environment, output, 60000);
        CHECK_TRUE_TEXT(code.has_value(), "kioskctl did not finish");
        return Run{code.value_or(-1), testsupport::FileBytes::read(output)};
    }
    Run db(std::vector<std::string> args) {
        args.insert(args.begin(), {"--database", path(), "db"});
        return kioskctl(args);
    }

    // 30 events of member "Zoë" on card "04A1B2C3D4E5F6": 20 acknowledged a
    // year ago, 10 not sent yet (the oldest two days old).
    void create() {
        storage::KioskStoreOptions options;
        options.path = path();
        auto store = storage::KioskStore::open(options);
        CHECK_TRUE(store.hasValue());
        testsupport::LedgerRows rows(store->database());
        CHECK_TRUE(rows.addMember("m-1", "Zoë").hasValue());
        const std::int64_t now = static_cast<std::int64_t>(::time(nullptr)) * 1000;
        testsupport::EventRow acknowledged;
        acknowledged.reason = "Zoë's \"big\" shop, 2 bags";
        acknowledged.wallTime = now - 400LL * 86400000;
        acknowledged.acknowledgedAt = now - 365LL * 86400000;
        CHECK_TRUE(rows.addMany(1, 20, acknowledged).hasValue());
        testsupport::EventRow unsent;
        unsent.wallTime = now - 2LL * 86400000;
        CHECK_TRUE(rows.addMany(21, 10, unsent).hasValue());
    }

    std::int64_t events(const std::string& file) {
        storage::KioskStoreOptions options;
        options.path = file;
        options.access = storage::StoreAccess::ReadOnly;
        auto store = storage::KioskStore::open(options);
        CHECK_TRUE_TEXT(store.hasValue(), store ? "" : store.error().message.c_str());
        testsupport::LedgerRows rows(store->database());
        return rows.count();
    }

    void damageMiddlePage() {
        {
            storage::KioskStoreOptions options;
            options.path = path();
            auto store = storage::KioskStore::open(options);
            testsupport::LedgerRows rows(store->database());
            testsupport::EventRow row;
            row.reason = std::string(300, 'r');
            CHECK_TRUE(rows.addMany(1000, 1000, row).hasValue());
        }
        // Page 3 onwards are the schema's tables; a late page is a ledger page.
        const auto pages = storage::DatabaseFiles::fileBytes(path()) / 4096;
        CHECK_TRUE(testsupport::FileBytes::overwrite(path(), (pages / 2) * 4096, std::string(64, '\xFF')));
    }
};

TEST(Kioskctl, InfoDescribesTheDatabaseWithoutPersonalData) {
    create();
    const auto run = db({"info"});
    LONGS_EQUAL(0, run.code);
    STRCMP_CONTAINS(("database:        " + path()).c_str(), run.output.c_str());
    STRCMP_CONTAINS("size:            ", run.output.c_str());
    STRCMP_CONTAINS(("schema version:  " + std::to_string(storage::Migrator::latestVersion())).c_str(),
                    run.output.c_str());
    STRCMP_CONTAINS("journal mode:    wal", run.output.c_str());
    STRCMP_CONTAINS("synchronous:     FULL", run.output.c_str());
    STRCMP_CONTAINS("pages:           ", run.output.c_str());
    STRCMP_CONTAINS("auto vacuum:     incremental", run.output.c_str());
    STRCMP_CONTAINS("ledger events:   30", run.output.c_str());
    STRCMP_CONTAINS("outbox depth:    10 unsent, 0 rejected", run.output.c_str());
    STRCMP_CONTAINS("oldest unsent:   2d 0h ago", run.output.c_str());
    CHECK_TRUE(run.output.find("Zoë") == std::string::npos);
    CHECK_TRUE(run.output.find("04A1B2C3D4E5F6") == std::string::npos);
}

TEST(Kioskctl, TheDatabaseComesFromKioskDatabaseUnlessGiven) {
    create();
    const auto fromEnvironment = kioskctl({"db", "info"}, {{"KIOSK_DATABASE", path()}});
    LONGS_EQUAL(0, fromEnvironment.code);
    STRCMP_CONTAINS(path().c_str(), fromEnvironment.output.c_str());
    const auto overridden =
        kioskctl({"--database", dir.file("other.db"), "db", "info"}, {{"KIOSK_DATABASE", path()}});
    LONGS_EQUAL(1, overridden.code);
    STRCMP_CONTAINS((dir.file("other.db") + " does not exist").c_str(), overridden.output.c_str());
    CHECK_FALSE(storage::DatabaseFiles::exists(dir.file("other.db")));
}

TEST(Kioskctl, CheckSaysOkOrListsTheProblemsAndHowToRestore) {
    create();
    const auto sound = db({"check"});
    LONGS_EQUAL(0, sound.code);
    STRCMP_CONTAINS("integrity_check ok", sound.output.c_str());

    damageMiddlePage();
    const auto damaged = db({"check"});
    LONGS_EQUAL(1, damaged.code);
    STRCMP_CONTAINS("integrity_check found", damaged.output.c_str());
    STRCMP_CONTAINS("kioskctl db restore BACKUP", damaged.output.c_str());
    CHECK_TRUE(storage::DatabaseFiles::exists(path()));  // kioskctl never moves it
}

TEST(Kioskctl, BackupThenRestore) {
    create();
    const auto backup = db({"backup", dir.file("backup.db")});
    LONGS_EQUAL(0, backup.code);
    STRCMP_CONTAINS(("backup written to " + dir.file("backup.db")).c_str(), backup.output.c_str());
    STRCMP_CONTAINS("integrity_check ok", backup.output.c_str());
    LONGS_EQUAL(30, events(dir.file("backup.db")));

    const auto again = db({"backup", dir.file("backup.db")});
    LONGS_EQUAL(1, again.code);
    STRCMP_CONTAINS("already exists", again.output.c_str());
    LONGS_EQUAL(0, db({"backup", dir.file("backup.db"), "--force"}).code);

    {
        storage::KioskStoreOptions options;
        options.path = path();
        auto store = storage::KioskStore::open(options);
        testsupport::LedgerRows rows(store->database());
        CHECK_TRUE(rows.addMany(31, 5, {}).hasValue());
    }
    const auto restore = db({"restore", dir.file("backup.db")});
    LONGS_EQUAL(0, restore.code);
    STRCMP_CONTAINS("30 ledger events", restore.output.c_str());
    STRCMP_CONTAINS("the previous database was moved to", restore.output.c_str());
    LONGS_EQUAL(30, events(path()));

    const auto missing = db({"restore", dir.file("nothing.db")});
    LONGS_EQUAL(1, missing.code);
    STRCMP_CONTAINS("does not exist", missing.output.c_str());
}

TEST(Kioskctl, ExportWritesCsvAndJson) {
    create();
    const auto csv = db({"export", "--format", "csv", "--output", dir.file("ledger.csv")});
    LONGS_EQUAL(0, csv.code);
    STRCMP_CONTAINS("exported 30 events as csv", csv.output.c_str());
    auto rows = testsupport::CsvReader::parse(testsupport::FileBytes::read(dir.file("ledger.csv")));
    CHECK_TRUE(rows.has_value());
    LONGS_EQUAL(31, rows->size());

    const auto json = db({"export", "--format", "json", "--output", dir.file("ledger.json")});
    LONGS_EQUAL(0, json.code);
    const auto parsed = nlohmann::json::parse(testsupport::FileBytes::read(dir.file("ledger.json")), nullptr, false);
    CHECK_TRUE(parsed.is_array());
    LONGS_EQUAL(30, parsed.size());
    STRCMP_EQUAL("Zoë's \"big\" shop, 2 bags", parsed[0]["reason"].get<std::string>().c_str());

    const auto exists = db({"export", "--format", "json", "--output", dir.file("ledger.json")});
    LONGS_EQUAL(1, exists.code);
    STRCMP_CONTAINS("already exists", exists.output.c_str());
}

TEST(Kioskctl, PruneCountsFirstAndDeletesOnlyWithYes) {
    create();
    const auto dryRun = db({"prune", "--retention-days", "90"});
    LONGS_EQUAL(0, dryRun.code);
    STRCMP_CONTAINS("20 events acknowledged by head office before", dryRun.output.c_str());
    STRCMP_CONTAINS("run again with --yes", dryRun.output.c_str());
    LONGS_EQUAL(30, events(path()));

    const auto pruned = db({"prune", "--retention-days", "90", "--yes"});
    LONGS_EQUAL(0, pruned.code);
    STRCMP_CONTAINS("pruned 20 events", pruned.output.c_str());
    STRCMP_CONTAINS(" bytes", pruned.output.c_str());
    LONGS_EQUAL(10, events(path()));  // the unsent ones stay
}

TEST(Kioskctl, AMissingDatabaseIsAProblemAndIsNotCreated) {
    for (const auto& command : std::vector<std::vector<std::string>>{
             {"info"}, {"check"}, {"backup", dir.file("b.db")}, {"prune", "--retention-days", "1", "--yes"}}) {
        const auto run = db(command);
        LONGS_EQUAL(1, run.code);
        STRCMP_CONTAINS("does not exist", run.output.c_str());
    }
    CHECK_FALSE(storage::DatabaseFiles::exists(path()));
}

TEST(Kioskctl, UsageErrorsExitWithTwo) {
    LONGS_EQUAL(2, kioskctl({}).code);
    LONGS_EQUAL(2, kioskctl({"db"}).code);
    LONGS_EQUAL(2, kioskctl({"db", "frobnicate"}).code);
    LONGS_EQUAL(2, db({"export"}).code);
    LONGS_EQUAL(2, db({"export", "--format", "xml"}).code);
    LONGS_EQUAL(2, db({"prune"}).code);
    LONGS_EQUAL(2, db({"prune", "--retention-days", "-3"}).code);
    LONGS_EQUAL(2, db({"backup"}).code);
    const auto help = kioskctl({"db", "--help"});
    LONGS_EQUAL(0, help.code);
    STRCMP_CONTAINS("backup", help.output.c_str());
}

TEST(Kioskctl, ALockedDatabaseNamesTheProcessToStop) {
    create();
    const std::string file = path();
    testsupport::ForkedChild holder([&file](int ready) {
        auto db = storage::Database::open({file});
        if (!db || !db->exec("BEGIN EXCLUSIVE") || !db->exec("DELETE FROM sync_state")) {
            return 3;
        }
        testsupport::ForkedChild::signalReady(ready);
        ::pause();
        return 0;
    });
    CHECK_TRUE(holder.waitReady(10000));
    const auto run = kioskctl(
        {"--database", path(), "--busy-timeout-ms", "200", "db", "prune", "--retention-days", "90", "--yes"});
    LONGS_EQUAL(1, run.code);
    STRCMP_CONTAINS(("is locked by process " + std::to_string(holder.pid())).c_str(), run.output.c_str());
    holder.kill();
    LONGS_EQUAL(30, events(path()));
}

TEST(Kioskctl, ADamagedOrNewerDatabaseIsReportedAndLeftInPlace) {
    create();
    {
        auto raw = storage::Database::open({path()});
        CHECK_TRUE(raw->exec("PRAGMA user_version = 999").hasValue());
    }
    const auto newer = db({"info"});
    LONGS_EQUAL(1, newer.code);
    STRCMP_CONTAINS("written by a newer kiosk", newer.output.c_str());

    CHECK_TRUE(testsupport::FileBytes::overwrite(path(), 0, std::string(100, '#')));
    const auto damaged = db({"check"});
    LONGS_EQUAL(1, damaged.code);
    STRCMP_CONTAINS("is damaged", damaged.output.c_str());
    STRCMP_CONTAINS("left where it is", damaged.output.c_str());
    CHECK_TRUE(storage::DatabaseFiles::exists(path()));
}
