#pragma once
// An exclusive flock() on the reader's device path, held while the reader
// is open (libnfc takes no lock of its own: two processes on one UART
// corrupt each other's frames). The path is followed through symlinks, so
// /tmp/pn532 and the /dev/pts/N it points at are the same lock.

#include <sys/types.h>

#include <string>

#include "loyalty/Expected.h"

namespace nfc {

class DeviceLock {
public:
    // "pn532_uart:/dev/ttyS0:115200" -> "/dev/ttyS0"; empty when the
    // connstring names no path (autoscan, USB).
    static std::string pathOf(const std::string& connstring);
    // LOCK_EX|LOCK_NB. On failure, a sentence: "reader in use by PID 1234
    // (/dev/ttyS0)" or why the path cannot be opened.
    static loyalty::Expected<DeviceLock, std::string> acquire(const std::string& path);
    // The PID holding a flock on path, from /proc/locks (0 if none found).
    static pid_t holderOf(const std::string& path);

    DeviceLock() = default;
    ~DeviceLock();
    DeviceLock(DeviceLock&& other) noexcept;
    DeviceLock& operator=(DeviceLock&& other) noexcept;
    DeviceLock(const DeviceLock&) = delete;
    DeviceLock& operator=(const DeviceLock&) = delete;

    bool held() const { return fd_ >= 0; }
    void release();

private:
    explicit DeviceLock(int fd) : fd_(fd) {}
    int fd_ = -1;
};

}  // namespace nfc
