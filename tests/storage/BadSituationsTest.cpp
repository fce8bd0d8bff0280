// The kiosk's database in bad situations (issue 3, item 5): disk full,
// read-only, locked by another process, schema newer than the program. Each
// gives a clear error, keeps serving lookups where it can and loses no
// stored event. Corrupted files: BadCorruptionTest.cpp.
//
// Disk full and read-only use a real tmpfs mounted for the test (tests run
// as root); where mounting is not permitted they fall back to
// PRAGMA max_page_count and read-only open flags, and print which ran.

#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>

#include "storage/DatabaseFiles.h"
#include "storage/KioskStore.h"
#include "storage/Migrator.h"
#include "support/FileBytes.h"
#include "support/ForkedChild.h"
#include "support/LedgerRows.h"
#include "support/TempDir.h"
#include "support/TmpfsMount.h"

// CppUTest last: its memory-leak macros redefine new.
#include <CppUTest/TestHarness.h>

namespace {

storage::KioskStoreOptions writable(const std::string& path, int busyTimeoutMs = 5000) {
    storage::KioskStoreOptions options;
    options.path = path;
    options.busyTimeoutMs = busyTimeoutMs;
    return options;
}

// Creates a kiosk database with a member and `events` acknowledged events.
void createDatabase(const std::string& path, std::int64_t events) {
    auto store = storage::KioskStore::open(writable(path));
    CHECK_TRUE_TEXT(store.hasValue(), store ? "" : store.error().message.c_str());
    testsupport::LedgerRows rows(store->database());
    CHECK_TRUE(rows.addMember("m-1", "Zoë").hasValue());
    CHECK_TRUE(rows.addMany(1, events, {}).hasValue());
}

std::string memberName(storage::Database& db) {
    auto name = db.queryText("SELECT display_name FROM members WHERE id = 'm-1'");
    return name ? name.value() : "(lookup failed: " + name.error().message + ")";
}

// A kiosk killed mid-shift: `events` committed taps still only in the -wal.
int recordThenDie(const std::string& path, std::int64_t events) {
    auto store = storage::KioskStore::open(writable(path));
    if (!store || !store->database().exec("PRAGMA wal_autocheckpoint = 0")) {
        return 3;
    }
    testsupport::LedgerRows rows(store->database());
    if (!rows.addMember("m-1", "Zoë")) {
        return 4;
    }
    for (std::int64_t seq = 1; seq <= events; ++seq) {
        testsupport::EventRow row;
        row.seq = seq;
        if (!rows.record(row)) {
            return 5;
        }
    }
    ::_exit(0);  // no close, no checkpoint: like a power cut
}

}  // namespace

TEST_GROUP(BadDiskFull) {
    testsupport::TempDir dir{"kiosk-full"};
    std::unique_ptr<testsupport::TmpfsMount> disk;

    void setup() override {
        std::filesystem::create_directory(dir.file("disk"));
        disk = std::make_unique<testsupport::TmpfsMount>(dir.file("disk"), 1024 * 1024);
    }
    void teardown() override { disk.reset(); }

    std::string databasePath() const { return disk->mounted() ? dir.file("disk/kiosk.db") : dir.file("kiosk.db"); }
};

TEST(BadDiskFull, ATapOnAFullDiskFailsWholeAndLookupsAndStoredEventsSurvive) {
    const bool real = disk->mounted();
    UT_PRINT(real ? "BadDiskFull: real 1 MiB tmpfs"
                  : ("BadDiskFull: fallback PRAGMA max_page_count (" + disk->why() + ")").c_str());
    const std::string filler = dir.file("disk/filler");
    if (real) {
        CHECK_TRUE(testsupport::FileBytes::write(filler, std::string(128 * 1024, 'f')));
    }
    auto store = storage::KioskStore::open(writable(databasePath()));
    CHECK_TRUE(store.hasValue());
    auto& db = store->database();
    testsupport::LedgerRows rows(db);
    CHECK_TRUE(rows.addMember("m-1", "Zoë").hasValue());
    CHECK_TRUE(rows.addMany(1, 20, {}).hasValue());
    if (!real) {
        const auto pages = db.queryInt("PRAGMA page_count").value();
        CHECK_TRUE(db.exec("PRAGMA max_page_count = " + std::to_string(pages + 8)).hasValue());
    }

    std::int64_t committed = 20;
    storage::Status failure = storage::Done{};
    testsupport::EventRow big;
    big.reason = std::string(1500, 'r');
    for (std::int64_t seq = 21; seq < 5000 && failure; ++seq) {
        big.seq = seq;
        failure = rows.record(big);
        if (failure) {
            ++committed;
        }
    }
    CHECK_FALSE(failure.hasValue());
    CHECK(failure.error().code == storage::ErrorCode::DiskFull);
    STRCMP_CONTAINS("disk is full", failure.error().message.c_str());
    LONGS_EQUAL(committed, rows.count());  // the failed tap left nothing half-written
    STRCMP_EQUAL("Zoë", memberName(db).c_str());
    LONGS_EQUAL(committed, db.queryInt("SELECT count(*) FROM ledger WHERE member_id = 'm-1'").value());
    LONGS_EQUAL(committed, db.queryInt("SELECT count(*) FROM outbox").value());

    // Space comes back: the next tap records.
    if (real) {
        CHECK_TRUE(std::filesystem::remove(filler));
    } else {
        CHECK_TRUE(db.exec("PRAGMA max_page_count = 1000000").hasValue());
    }
    big.seq = committed + 1;
    big.reason = "after space came back";
    CHECK_TRUE(rows.record(big).hasValue());
    LONGS_EQUAL(committed + 1, rows.count());
    CHECK_TRUE(store->fullCheck()->ok());
}

TEST(BadDiskFull, StartingOnAFullDiskServesLookupsReadOnly) {
    if (!disk->mounted()) {
        UT_PRINT(("BadDiskFull: skipped, needs a real small filesystem (" + disk->why() + ")").c_str());
        return;
    }
    UT_PRINT("BadDiskFull: real 1 MiB tmpfs, filled to the last byte");
    createDatabase(databasePath(), 30);
    const auto filled = testsupport::FileBytes::fillDisk(dir.file("disk/filler"));
    CHECK_COMPARE(filled, >, 0);

    auto store = storage::KioskStore::open(writable(databasePath()));
    CHECK_TRUE_TEXT(store.hasValue(), store ? "" : store.error().message.c_str());
    CHECK_TRUE(store->readOnly());
    CHECK_TRUE(store->degraded());
    STRCMP_CONTAINS("disk is full", store->readOnlyReason().c_str());
    testsupport::LedgerRows rows(store->database());
    LONGS_EQUAL(30, rows.count());
    STRCMP_EQUAL("Zoë", memberName(store->database()).c_str());
    testsupport::EventRow row;
    row.seq = 31;
    auto write = rows.record(row);
    CHECK_FALSE(write.hasValue());
    CHECK(write.error().code == storage::ErrorCode::ReadOnly);
}

TEST(BadDiskFull, ANewDatabaseOnAFullDiskIsRefusedAsDiskFull) {
    if (!disk->mounted()) {
        UT_PRINT(("BadDiskFull: skipped, needs a real small filesystem (" + disk->why() + ")").c_str());
        return;
    }
    const auto filled = testsupport::FileBytes::fillDisk(dir.file("disk/filler"));
    CHECK_COMPARE(filled, >, 0);
    auto store = storage::KioskStore::open(writable(databasePath()));
    CHECK_FALSE(store.hasValue());
    CHECK(store.error().code == storage::ErrorCode::DiskFull || store.error().code == storage::ErrorCode::Io);
    STRCMP_CONTAINS(databasePath().c_str(), store.error().message.c_str());
}

TEST_GROUP(BadReadOnly) {
    testsupport::TempDir dir{"kiosk-ro"};
    std::unique_ptr<testsupport::TmpfsMount> disk;

    void setup() override {
        std::filesystem::create_directory(dir.file("disk"));
        disk = std::make_unique<testsupport::TmpfsMount>(dir.file("disk"), 4 * 1024 * 1024);
    }
    void teardown() override { disk.reset(); }

    std::string databasePath() const { return disk->mounted() ? dir.file("disk/kiosk.db") : dir.file("kiosk.db"); }

    // Opens on the read-only disk (or, as a fallback, with read-only access)
    // and proves lookups work, a write is ReadOnly and every event is there.
    void checkServesReadOnly(std::int64_t events) {
        auto options = writable(databasePath());
        if (!disk->mounted()) {
            options.access = storage::StoreAccess::ReadOnly;
        }
        auto store = storage::KioskStore::open(options);
        CHECK_TRUE_TEXT(store.hasValue(), store ? "" : store.error().message.c_str());
        CHECK_TRUE(store->readOnly());
        if (disk->mounted()) {
            CHECK_TRUE(store->degraded());
            STRCMP_CONTAINS("mounted read-only", store->readOnlyReason().c_str());
            STRCMP_CONTAINS("Serving lookups read-only", store->readOnlyReason().c_str());
        }
        auto& db = store->database();
        testsupport::LedgerRows rows(db);
        LONGS_EQUAL(events, rows.count());
        STRCMP_EQUAL("Zoë", memberName(db).c_str());
        LONGS_EQUAL(events * 10, db.queryInt("SELECT sum(points_delta) FROM ledger WHERE member_id = 'm-1'").value());
        testsupport::EventRow row;
        row.seq = events + 1;
        auto write = rows.record(row);
        CHECK_FALSE(write.hasValue());
        CHECK(write.error().code == storage::ErrorCode::ReadOnly);
        LONGS_EQUAL(events, rows.count());
    }

    void checkWritableAgain(std::int64_t events) {
        if (disk->mounted()) {
            CHECK_TRUE_TEXT(disk->remountReadWrite(), disk->why().c_str());
        }
        auto store = storage::KioskStore::open(writable(databasePath()));
        CHECK_TRUE(store.hasValue());
        CHECK_FALSE(store->readOnly());
        testsupport::LedgerRows rows(store->database());
        LONGS_EQUAL(events, rows.count());
        testsupport::EventRow row;
        row.seq = events + 1;
        CHECK_TRUE(rows.record(row).hasValue());
    }
};

TEST(BadReadOnly, AfterACleanShutdownTheKioskServesLookupsAndRefusesWrites) {
    UT_PRINT(disk->mounted() ? "BadReadOnly: real tmpfs remounted read-only"
                             : ("BadReadOnly: fallback read-only open flags (" + disk->why() + ")").c_str());
    createDatabase(databasePath(), 30);
    if (disk->mounted()) {
        CHECK_TRUE_TEXT(disk->remountReadOnly(), disk->why().c_str());
    }
    checkServesReadOnly(30);
    checkWritableAgain(30);
}

TEST(BadReadOnly, EventsStillOnlyInTheWalAreServedFromAReadOnlyDisk) {
    if (!disk->mounted()) {
        UT_PRINT(("BadReadOnly: skipped, needs a real read-only filesystem (" + disk->why() + ")").c_str());
        return;
    }
    UT_PRINT("BadReadOnly: real tmpfs remounted read-only after a kiosk died with events in its -wal");
    const std::string path = databasePath();
    testsupport::ForkedChild kiosk([&path](int) { return recordThenDie(path, 40); });
    CHECK_TRUE(kiosk.wait(20000) == 0);
    const auto walBytes = storage::DatabaseFiles::fileBytes(path + "-wal");
    CHECK_COMPARE(walBytes, >, 0);
    CHECK_TRUE_TEXT(disk->remountReadOnly(), disk->why().c_str());
    checkServesReadOnly(40);
    checkWritableAgain(40);
}

TEST_GROUP(BadLocked) {
    testsupport::TempDir dir{"kiosk-locked"};
    std::string path() const { return dir.file("kiosk.db"); }
};

TEST(BadLocked, AnotherProcessHoldingTheWriteLockGivesBusyNamingItAfterTheTimeout) {
    createDatabase(path(), 12);
    const std::string file = path();
    testsupport::ForkedChild holder([&file](int ready) {
        auto db = storage::Database::open({file});
        if (!db || !db->exec("BEGIN EXCLUSIVE")) {
            return 3;
        }
        testsupport::LedgerRows rows(*db);
        testsupport::EventRow row;
        row.seq = 1000;
        if (!rows.add(row)) {
            return 4;
        }
        testsupport::ForkedChild::signalReady(ready);
        ::pause();
        return 0;
    });
    CHECK_TRUE(holder.waitReady(10000));

    const auto started = std::chrono::steady_clock::now();
    auto store = storage::KioskStore::open(writable(path(), 300));
    const auto waited = std::chrono::steady_clock::now() - started;
    CHECK_FALSE(store.hasValue());
    CHECK(store.error().code == storage::ErrorCode::Busy);
    const auto waitedMs = std::chrono::duration_cast<std::chrono::milliseconds>(waited).count();
    CHECK_COMPARE(waitedMs, >=, 250);
    const std::string& message = store.error().message;
    STRCMP_CONTAINS(path().c_str(), message.c_str());
    STRCMP_CONTAINS("is locked by process", message.c_str());
    STRCMP_CONTAINS(("process " + std::to_string(holder.pid())).c_str(), message.c_str());
    STRCMP_CONTAINS("Stop that process", message.c_str());

    holder.kill();
    auto after = storage::KioskStore::open(writable(path()));
    CHECK_TRUE(after.hasValue());
    testsupport::LedgerRows rows(after->database());
    LONGS_EQUAL(12, rows.count());  // the holder's uncommitted event never happened
    CHECK_TRUE(after->fullCheck()->ok());
}

TEST(BadLocked, ALockReleasedWithinTheBusyTimeoutIsWaitedFor) {
    createDatabase(path(), 5);
    const std::string file = path();
    testsupport::ForkedChild holder([&file](int ready) {
        auto db = storage::Database::open({file});
        if (!db || !db->exec("BEGIN EXCLUSIVE")) {
            return 3;
        }
        testsupport::LedgerRows rows(*db);
        testsupport::EventRow row;
        row.seq = 6;
        if (!rows.add(row)) {
            return 4;
        }
        testsupport::ForkedChild::signalReady(ready);
        ::usleep(200 * 1000);
        return db->exec("COMMIT") ? 0 : 5;
    });
    CHECK_TRUE(holder.waitReady(10000));
    auto store = storage::KioskStore::open(writable(path(), 5000));
    CHECK_TRUE_TEXT(store.hasValue(), store ? "" : store.error().message.c_str());
    CHECK_TRUE(holder.wait(5000) == 0);
    testsupport::LedgerRows rows(store->database());
    LONGS_EQUAL(6, rows.count());
}

TEST_GROUP(BadNewerSchema) {
    testsupport::TempDir dir{"kiosk-newer"};
    std::string path() const { return dir.file("kiosk.db"); }

    void makeNewer() {
        createDatabase(path(), 8);
        auto db = storage::Database::open({path()});
        const int newer = storage::Migrator::latestVersion() + 1;
        CHECK_TRUE(db->exec("PRAGMA user_version = " + std::to_string(newer)).hasValue());
    }
};

TEST(BadNewerSchema, IsRefusedWithAClearMessageAndTheFileUntouched) {
    makeNewer();
    const std::string before = testsupport::FileBytes::read(path());
    auto store = storage::KioskStore::open(writable(path()));
    CHECK_FALSE(store.hasValue());
    CHECK(store.error().code == storage::ErrorCode::SchemaTooNew);
    const std::string& message = store.error().message;
    STRCMP_CONTAINS(path().c_str(), message.c_str());
    STRCMP_CONTAINS(("schema version " + std::to_string(storage::Migrator::latestVersion() + 1)).c_str(),
                    message.c_str());
    STRCMP_CONTAINS("newer kiosk", message.c_str());
    STRCMP_CONTAINS("left untouched", message.c_str());
    CHECK_TRUE(before == testsupport::FileBytes::read(path()));

    auto raw = storage::Database::open({path(), true, false});
    testsupport::LedgerRows rows(*raw);
    LONGS_EQUAL(8, rows.count());
}

TEST(BadNewerSchema, IsRefusedForReadOnlyAccessToo) {
    makeNewer();
    storage::KioskStoreOptions options = writable(path());
    options.access = storage::StoreAccess::ReadOnly;
    auto store = storage::KioskStore::open(options);
    CHECK_FALSE(store.hasValue());
    CHECK(store.error().code == storage::ErrorCode::SchemaTooNew);
}
