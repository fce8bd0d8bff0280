#include <unistd.h>

#include <string>

#include "nfc/reader/DeviceLock.h"
#include "support/TempDir.h"

#include <CppUTest/TestHarness.h>

#include <fstream>

using nfc::DeviceLock;

TEST_GROUP(DeviceLock) {
    testsupport::TempDir dir{"device-lock-test"};
    std::string path;

    void setup() override {
        path = dir.file("ttyFAKE");
        std::ofstream(path) << "";
    }
};

TEST(DeviceLock, PathOfAConnstring) {
    STRCMP_EQUAL("/dev/ttyS0", DeviceLock::pathOf("pn532_uart:/dev/ttyS0:115200").c_str());
    STRCMP_EQUAL("/dev/pts/3", DeviceLock::pathOf("pn532_uart:/dev/pts/3").c_str());
    STRCMP_EQUAL("", DeviceLock::pathOf("pn53x_usb:001:002").c_str());
    STRCMP_EQUAL("", DeviceLock::pathOf("").c_str());
}

TEST(DeviceLock, ASecondLockNamesTheHolder) {
    auto first = DeviceLock::acquire(path);
    CHECK(first.hasValue());
    LONGS_EQUAL(getpid(), DeviceLock::holderOf(path));
    auto second = DeviceLock::acquire(path);
    CHECK_FALSE(second.hasValue());
    STRCMP_EQUAL(("reader in use by PID " + std::to_string(getpid()) + " (" + path + ")").c_str(),
                 second.error().c_str());
    first->release();
    CHECK(DeviceLock::acquire(path).hasValue());
}

TEST(DeviceLock, ASymlinkIsTheSameLock) {
    const std::string link = dir.file("link");
    CHECK(symlink(path.c_str(), link.c_str()) == 0);
    auto first = DeviceLock::acquire(link);
    CHECK(first.hasValue());
    CHECK_FALSE(DeviceLock::acquire(path).hasValue());
}

TEST(DeviceLock, AMissingPathSaysSo) {
    auto lock = DeviceLock::acquire(dir.file("absent"));
    CHECK_FALSE(lock.hasValue());
    CHECK(lock.error().find("cannot open") == 0);
}

