// A corrupted database file (issue 3, item 5): bytes overwritten in the
// header, or in a b-tree page in the middle that only PRAGMA quick_check
// notices. The kiosk refuses it with a message naming both paths and how to
// recover, and moves it (and its -wal/-shm) aside with every byte kept.

#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "storage/DatabaseFiles.h"
#include "storage/KioskStore.h"
#include "support/FileBytes.h"
#include "support/ForkedChild.h"
#include "support/LedgerRows.h"
#include "support/TempDir.h"

// CppUTest last: its memory-leak macros redefine new.
#include <CppUTest/TestHarness.h>

TEST_GROUP(BadCorruptFile) {
    testsupport::TempDir dir{"kiosk-corrupt"};
    std::string path() const { return dir.file("kiosk.db"); }

    storage::KioskStoreOptions options() const {
        storage::KioskStoreOptions result;
        result.path = path();
        return result;
    }

    // A kiosk database with `events` events and their outbox rows, all in
    // the main file. Returns a ledger leaf page in the middle of the file.
    std::int64_t create(std::int64_t events) {
        auto store = storage::KioskStore::open(options());
        CHECK_TRUE(store.hasValue());
        auto& db = store->database();
        testsupport::LedgerRows rows(db);
        CHECK_TRUE(rows.addMember("m-1", "Zoë").hasValue());
        testsupport::EventRow like;
        like.reason = std::string(300, 'r');
        CHECK_TRUE(rows.addMany(1, events, like).hasValue());
        CHECK_TRUE(db.exec("PRAGMA wal_checkpoint(TRUNCATE)").hasValue());
        auto leaves = db.queryInt("SELECT count(*) FROM dbstat WHERE name = 'ledger' AND pagetype = 'leaf'");
        auto middle = db.queryInt(
            "SELECT pageno FROM dbstat WHERE name = 'ledger' AND pagetype = 'leaf' ORDER BY pageno LIMIT 1 OFFSET " +
            std::to_string(leaves.value() / 2));
        return middle.value();
    }

    // Files in the directory whose name starts with `prefix`.
    std::vector<std::string> filesStartingWith(const std::string& prefix) const {
        std::vector<std::string> found;
        for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
            const std::string name = entry.path().filename().string();
            if (name.rfind(prefix, 0) == 0) {
                found.push_back(entry.path().string());
            }
        }
        return found;
    }

    // The one "kiosk.db.corrupt-YYYYMMDDTHHMMSSZ" main file.
    std::string movedFile() const {
        std::string moved;
        for (const auto& file : filesStartingWith("kiosk.db.corrupt-")) {
            const std::string stamp = file.substr(file.find(".corrupt-") + 9);
            if (stamp.size() == 16) {
                moved = file;
                CHECK_EQUAL('T', stamp[8]);
                CHECK_EQUAL('Z', stamp[15]);
            }
        }
        return moved;
    }
};

TEST(BadCorruptFile, AnOverwrittenHeaderIsRefusedAndTheFileMovedAsideWithEveryByte) {
    create(50);
    CHECK_TRUE(testsupport::FileBytes::overwrite(path(), 0, std::string(100, '#')));
    const std::string damaged = testsupport::FileBytes::read(path());

    auto store = storage::KioskStore::open(options());
    CHECK_FALSE(store.hasValue());
    CHECK(store.error().code == storage::ErrorCode::Corrupt);
    const std::string moved = movedFile();
    CHECK_FALSE(moved.empty());
    const std::string& message = store.error().message;
    STRCMP_CONTAINS(("database " + path() + " is damaged").c_str(), message.c_str());
    STRCMP_CONTAINS(("moved aside (with its -wal and -shm files, if any) to " + moved).c_str(), message.c_str());
    STRCMP_CONTAINS("nothing was deleted", message.c_str());
    STRCMP_CONTAINS("kioskctl db restore BACKUP", message.c_str());
    STRCMP_CONTAINS("let head office send the members back", message.c_str());
    STRCMP_CONTAINS(("kioskctl --database " + moved + " db export").c_str(), message.c_str());

    CHECK_FALSE(storage::DatabaseFiles::exists(path()));
    CHECK_TRUE(damaged == testsupport::FileBytes::read(moved));

    // The next start creates a fresh database; the damaged one stays aside.
    auto fresh = storage::KioskStore::open(options());
    CHECK_TRUE(fresh.hasValue());
    LONGS_EQUAL(0, fresh->migratedFrom());
    testsupport::LedgerRows rows(fresh->database());
    LONGS_EQUAL(0, rows.count());
    CHECK_TRUE(damaged == testsupport::FileBytes::read(moved));
}

TEST(BadCorruptFile, ADamagedPageInTheMiddleShowsOnlyInQuickCheckAndIsMovedAside) {
    const std::int64_t page = create(2000);
    CHECK_COMPARE(page, >, 2);
    CHECK_TRUE(testsupport::FileBytes::overwrite(path(), (page - 1) * 4096, std::string(64, '\xFF')));
    const std::string damaged = testsupport::FileBytes::read(path());
    {
        // A plain open and a first read do not notice.
        auto db = storage::Database::open({path(), true, false});
        CHECK_TRUE(db.hasValue());
        CHECK_TRUE(db->queryInt("SELECT count(*) FROM members").hasValue());
    }
    auto store = storage::KioskStore::open(options());
    CHECK_FALSE(store.hasValue());
    CHECK(store.error().code == storage::ErrorCode::Corrupt);
    STRCMP_CONTAINS("quick_check found", store.error().message.c_str());
    const std::string moved = movedFile();
    CHECK_FALSE(moved.empty());
    CHECK_FALSE(storage::DatabaseFiles::exists(path()));
    CHECK_TRUE(damaged == testsupport::FileBytes::read(moved));

    // The technician's full check on the moved file lists the problems.
    storage::KioskStoreOptions inspect;
    inspect.path = moved;
    inspect.access = storage::StoreAccess::ReadOnly;
    inspect.quickCheck = false;
    auto aside = storage::KioskStore::open(inspect);
    CHECK_TRUE(aside.hasValue());
    auto report = aside->fullCheck();
    CHECK_TRUE(report.hasValue());
    CHECK_FALSE(report->ok());
    STRCMP_CONTAINS(("Page " + std::to_string(page)).c_str(), report->summary().c_str());
}

TEST(BadCorruptFile, TheWalOfAKioskThatDiedMovesAsideWithTheFile) {
    const std::int64_t page = create(2000);
    const std::string file = path();
    testsupport::ForkedChild kiosk([&file](int) {
        storage::KioskStoreOptions child;
        child.path = file;
        auto store = storage::KioskStore::open(child);
        if (!store || !store->database().exec("PRAGMA wal_autocheckpoint = 0")) {
            return 3;
        }
        testsupport::LedgerRows rows(store->database());
        for (std::int64_t seq = 2001; seq <= 2030; ++seq) {
            testsupport::EventRow row;
            row.seq = seq;
            if (!rows.record(row)) {
                return 4;
            }
        }
        ::_exit(0);  // like a power cut: these events are only in the -wal
    });
    CHECK_TRUE(kiosk.wait(20000) == 0);
    const std::string wal = testsupport::FileBytes::read(path() + "-wal");
    CHECK_FALSE(wal.empty());
    // (Damage to page 1 alone would not show: SQLite reads the newer copy
    // of page 1 from the -wal. An older page in the middle has no copy there.)
    CHECK_TRUE(testsupport::FileBytes::overwrite(path(), (page - 1) * 4096, std::string(64, '\xFF')));

    auto store = storage::KioskStore::open(options());
    CHECK_FALSE(store.hasValue());
    CHECK(store.error().code == storage::ErrorCode::Corrupt);
    const std::string moved = movedFile();
    CHECK_FALSE(moved.empty());
    CHECK_TRUE(wal == testsupport::FileBytes::read(moved + "-wal"));
    CHECK_TRUE(storage::DatabaseFiles::exists(moved + "-shm"));
    // Nothing left behind that SQLite could replay into a fresh database.
    CHECK_FALSE(storage::DatabaseFiles::exists(path() + "-wal"));
    CHECK_FALSE(storage::DatabaseFiles::exists(path() + "-shm"));
}

TEST(BadCorruptFile, ReadOnlyAccessReportsDamageButNeverMovesTheFile) {
    create(20);
    CHECK_TRUE(testsupport::FileBytes::overwrite(path(), 0, std::string(100, '#')));
    storage::KioskStoreOptions inspect = options();
    inspect.access = storage::StoreAccess::ReadOnly;
    auto store = storage::KioskStore::open(inspect);
    CHECK_FALSE(store.hasValue());
    CHECK(store.error().code == storage::ErrorCode::Corrupt);
    STRCMP_CONTAINS("left where it is", store.error().message.c_str());
    CHECK_TRUE(storage::DatabaseFiles::exists(path()));
    CHECK_TRUE(filesStartingWith("kiosk.db.corrupt-").empty());
}

TEST(BadCorruptFile, AFileAnotherProcessHasOpenIsNotMovedAndThatProcessIsNamed) {
    create(20);
    const std::string file = path();
    testsupport::ForkedChild other([&file](int ready) {
        auto db = storage::Database::open({file});
        if (!db || !db->queryInt("SELECT count(*) FROM ledger")) {
            return 3;
        }
        testsupport::ForkedChild::signalReady(ready);
        ::pause();
        return 0;
    });
    CHECK_TRUE(other.waitReady(10000));
    CHECK_TRUE(testsupport::FileBytes::overwrite(path(), 0, std::string(100, '#')));

    auto store = storage::KioskStore::open(options());
    CHECK_FALSE(store.hasValue());
    CHECK(store.error().code == storage::ErrorCode::Corrupt);
    STRCMP_CONTAINS(("still open in process " + std::to_string(other.pid())).c_str(), store.error().message.c_str());
    CHECK_TRUE(storage::DatabaseFiles::exists(path()));
    CHECK_TRUE(filesStartingWith("kiosk.db.corrupt-").empty());
}
