// FileSunCounterStore on real files: counters survive a reopen (a replayed
// SUN URL is refused after a restart), damaged files are errors that leave
// the file as it was, the cap drops the card accepted least recently, a
// full disk is an error and not a silent acceptance, one process at a time.

#include <sys/stat.h>

#include <string>

#include "nfc/cards/FileSunCounterStore.h"
#include "support/FileBytes.h"
#include "support/TempDir.h"
#include "support/TmpfsMount.h"

#include <CppUTest/TestHarness.h>

using nfc::cards::FileSunCounterStore;
using testsupport::FileBytes;

namespace {

const std::string kCard = "0424D0A1B2C3D4";
const std::string kOther = "04517A3C219E80";

}  // namespace

TEST_GROUP(FileSunCounterStore) {
    testsupport::TempDir dir{"sun-counters-test"};
    std::string path = dir.file("sun-counters");

    std::unique_ptr<FileSunCounterStore> open(std::size_t capacity = FileSunCounterStore::kDefaultCapacity) {
        auto store = FileSunCounterStore::open(path, capacity);
        if (!store) {
            FAIL(store.error().c_str());
        }
        return std::move(*store);
    }

    bool accept(FileSunCounterStore& store, const std::string& uid, std::uint32_t counter) {
        const auto accepted = store.acceptCounter(uid, counter);
        if (!accepted) {
            FAIL(accepted.error().c_str());
        }
        return *accepted;
    }

    // open() must fail, name the file, and leave its bytes alone.
    std::string refusedFile(const std::string& bytes) {
        CHECK_TRUE(FileBytes::write(path, bytes));
        const auto store = FileSunCounterStore::open(path);
        CHECK_FALSE_TEXT(store.hasValue(), bytes.c_str());
        CHECK_TEXT(store.error().find(path) != std::string::npos, store.error().c_str());
        STRCMP_EQUAL(bytes.c_str(), FileBytes::read(path).c_str());
        return store.error();
    }
};

TEST(FileSunCounterStore, AMissingFileStartsEmptyAndIsWrittenAtOnce) {
    auto store = open();
    LONGS_EQUAL(0, store->size());
    STRCMP_EQUAL("kiosk-sun-counters 1 0\n", FileBytes::read(path).c_str());
    struct stat info {};
    CHECK(stat(path.c_str(), &info) == 0);
    LONGS_EQUAL(0600, info.st_mode & 0777);
}

TEST(FileSunCounterStore, OnlyACounterAboveTheLastOneIsAccepted) {
    auto store = open();
    CHECK_TRUE(accept(*store, kCard, 0));  // the first read of a card
    CHECK_FALSE(accept(*store, kCard, 0));
    CHECK_TRUE(accept(*store, kCard, 7));
    CHECK_FALSE(accept(*store, kCard, 6));
    CHECK_FALSE(accept(*store, kCard, 7));
    CHECK_TRUE(accept(*store, kOther, 3));  // per card
    CHECK_TRUE(accept(*store, kCard, 0xFFFFFFFFu));
    LONGS_EQUAL(0xFFFFFFFFu, *store->last(kCard));
}

TEST(FileSunCounterStore, AReplayIsRefusedAfterAReopen) {
    {
        auto store = open();
        CHECK_TRUE(accept(*store, kCard, 41));
        CHECK_TRUE(accept(*store, kCard, 42));
        CHECK_TRUE(accept(*store, kOther, 5));
    }
    STRCMP_EQUAL(("kiosk-sun-counters 1 2\n" + kCard + " 42\n" + kOther + " 5\n").c_str(),
                 FileBytes::read(path).c_str());
    CHECK_FALSE(FileBytes::read(path + ".tmp").size() > 0);  // no temp file left behind
    auto store = open();
    LONGS_EQUAL(2, store->size());
    LONGS_EQUAL(42, *store->last(kCard));
    CHECK_FALSE(accept(*store, kCard, 42));  // the copied URL of the last tap
    CHECK_FALSE(accept(*store, kCard, 41));
    CHECK_FALSE(accept(*store, kOther, 5));
    CHECK_TRUE(accept(*store, kCard, 43));
}

TEST(FileSunCounterStore, LowerCaseUidsAreTheSameCard) {
    auto store = open();
    CHECK_TRUE(accept(*store, "0424d0a1b2c3d4", 1));
    CHECK_FALSE(accept(*store, kCard, 1));
    CHECK_FALSE(store->acceptCounter("not a uid", 1).hasValue());
    CHECK_FALSE(store->acceptCounter("0424D0A1B2C3", 1).hasValue());  // 6 bytes
}

TEST(FileSunCounterStore, ADamagedFileIsAnErrorNamingTheLine) {
    const std::string header = "kiosk-sun-counters 1 ";
    const std::string good = kCard + " 42\n";
    refusedFile("");
    refusedFile("hello\n");
    refusedFile(header + "1\n" + kCard + " 42");  // truncated: no final newline
    STRCMP_CONTAINS("line 3", refusedFile(header + "1\n" + good + kOther + " 1\n").c_str());  // count says 1
    STRCMP_CONTAINS("line 1", refusedFile(header + "x\n" + good).c_str());
    STRCMP_CONTAINS("line 2", refusedFile(header + "1\n" + kCard + " -1\n").c_str());
    refusedFile(header + "1\n" + kCard + " 4294967296\n");  // above 32 bits
    refusedFile(header + "1\n" + kCard + " 042\n");
    refusedFile(header + "1\n" + kCard + "  42\n");
    refusedFile(header + "1\n0424d0a1b2c3d4 42\n");  // written upper case only
    refusedFile(header + "1\n0424D0A1B2C3 42\n");    // 6 bytes
    refusedFile(header + "1\n" + kCard + "\n");
    STRCMP_CONTAINS("twice", refusedFile(header + "2\n" + good + kCard + " 43\n").c_str());
    refusedFile(header + "2\n" + good + "\n");
    refusedFile(std::string("kiosk-sun-counters 2 1\n") + good);  // a newer format
}

TEST(FileSunCounterStore, SomethingElseAtThePathIsAnError) {
    CHECK(mkdir(path.c_str(), 0700) == 0);
    const auto store = FileSunCounterStore::open(path);
    CHECK_FALSE(store.hasValue());
    STRCMP_CONTAINS("not a regular file", store.error().c_str());

    const auto nowhere = FileSunCounterStore::open(dir.file("no-such-dir/sun-counters"));
    CHECK_FALSE(nowhere.hasValue());
    STRCMP_CONTAINS("no-such-dir", nowhere.error().c_str());
}

TEST(FileSunCounterStore, AnOversizedFileIsRefusedBeforeItIsRead) {
    CHECK_TRUE(FileBytes::write(path, std::string(FileSunCounterStore::kMaxFileBytes + 1, '\n')));
    const auto store = FileSunCounterStore::open(path);
    CHECK_FALSE(store.hasValue());
    STRCMP_CONTAINS("larger than", store.error().c_str());
}

TEST(FileSunCounterStore, PastTheCapTheCardAcceptedLeastRecentlyIsDropped) {
    {
        auto store = open(3);
        CHECK_TRUE(accept(*store, "04000000000001", 1));
        CHECK_TRUE(accept(*store, "04000000000002", 1));
        CHECK_TRUE(accept(*store, "04000000000003", 1));
        CHECK_TRUE(accept(*store, "04000000000001", 2));  // tapped again: now the most recent
        CHECK_TRUE(accept(*store, "04000000000004", 1));
        LONGS_EQUAL(3, store->size());
        CHECK_FALSE(store->last("04000000000002").has_value());
        CHECK_TRUE(store->last("04000000000001").has_value());
    }
    STRCMP_EQUAL("kiosk-sun-counters 1 3\n04000000000003 1\n04000000000001 2\n04000000000004 1\n",
                 FileBytes::read(path).c_str());
    // Reopened with a smaller cap, the newest are kept.
    auto store = open(2);
    LONGS_EQUAL(2, store->size());
    CHECK_FALSE(store->last("04000000000003").has_value());
    LONGS_EQUAL(2, *store->last("04000000000001"));
    LONGS_EQUAL(1, *store->last("04000000000004"));
}

TEST(FileSunCounterStore, OneProcessAtATime) {
    auto store = open();
    const auto second = FileSunCounterStore::open(path);
    CHECK_FALSE(second.hasValue());
    STRCMP_CONTAINS("in use", second.error().c_str());
    store.reset();
    CHECK_TRUE(FileSunCounterStore::open(path).hasValue());
}

TEST(FileSunCounterStore, AFailedWriteIsAnErrorAndTheOldFileStays) {
    // A full disk where the test may mount a tmpfs; else a directory where
    // the temporary file must go (the write fails just the same).
    const std::string mountPoint = dir.file("small");
    CHECK(mkdir(mountPoint.c_str(), 0700) == 0);
    testsupport::TmpfsMount disk(mountPoint, 64 * 1024);
    path = mountPoint + "/sun-counters";
    auto store = open();
    CHECK_TRUE(accept(*store, kCard, 5));
    const std::string before = FileBytes::read(path);
    if (disk.mounted()) {
        CHECK(FileBytes::fillDisk(mountPoint + "/filler") > 0);
    } else {
        UT_PRINT(("no tmpfs (" + disk.why() + "): the temporary file's path is a directory instead").c_str());
        CHECK(mkdir((path + ".tmp").c_str(), 0700) == 0);
    }
    const auto failed = store->acceptCounter(kCard, 6);
    CHECK_FALSE(failed.hasValue());
    STRCMP_CONTAINS(path.c_str(), failed.error().c_str());
    STRCMP_EQUAL(before.c_str(), FileBytes::read(path).c_str());
    // This process still will not take counter 6 again.
    const auto again = store->acceptCounter(kCard, 6);
    CHECK_TRUE(again.hasValue() && !*again);
    // The file still has the last counter that was written: 5.
    store.reset();
    auto reopened = FileSunCounterStore::open(path);
    CHECK_TRUE_TEXT(reopened.hasValue(), reopened.hasValue() ? "" : reopened.error().c_str());
    LONGS_EQUAL(5, *(*reopened)->last(kCard));
}
