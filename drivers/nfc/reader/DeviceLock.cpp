#include "nfc/reader/DeviceLock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>

namespace nfc {

std::string DeviceLock::pathOf(const std::string& connstring) {
    const auto colon = connstring.find(':');
    if (colon == std::string::npos) {
        return "";
    }
    const auto start = colon + 1;
    const auto end = connstring.find(':', start);
    const std::string path = connstring.substr(start, end == std::string::npos ? std::string::npos : end - start);
    return !path.empty() && path[0] == '/' ? path : "";
}

loyalty::Expected<DeviceLock, std::string> DeviceLock::acquire(const std::string& path) {
    // O_NONBLOCK: opening a tty must not wait for carrier; O_NOCTTY: never
    // become our controlling terminal. The lock fd is never read or written.
    const int fd = ::open(path.c_str(), O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        return loyalty::unexpected("cannot open " + path + ": " + std::strerror(errno));
    }
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        const int error = errno;
        ::close(fd);
        if (error == EWOULDBLOCK) {
            const pid_t holder = holderOf(path);
            return loyalty::unexpected(holder > 0 ? "reader in use by PID " + std::to_string(holder) + " (" + path + ")"
                                                  : "reader in use by another process (" + path + ")");
        }
        return loyalty::unexpected("cannot lock " + path + ": " + std::strerror(error));
    }
    return DeviceLock(fd);
}

pid_t DeviceLock::holderOf(const std::string& path) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) {
        return 0;
    }
    // /proc/locks: "1: FLOCK  ADVISORY  WRITE 1234 00:19:7 0 EOF" (major:minor in hex).
    char device[64];
    std::snprintf(device, sizeof device, "%02x:%02x:%lu", major(info.st_dev), minor(info.st_dev),
                  static_cast<unsigned long>(info.st_ino));
    std::ifstream locks("/proc/locks");
    std::string line;
    while (std::getline(locks, line)) {
        std::istringstream fields(line);
        std::string number, type, mode, access, pid, inode;
        if (!(fields >> number >> type)) {
            continue;
        }
        if (type == "->") {  // a waiter
            continue;
        }
        if (type == "FLOCK" && (fields >> mode >> access >> pid >> inode) && inode == device) {
            try {
                return static_cast<pid_t>(std::stol(pid));
            } catch (...) {
                return 0;
            }
        }
    }
    return 0;
}

DeviceLock::~DeviceLock() {
    release();
}

DeviceLock::DeviceLock(DeviceLock&& other) noexcept : fd_(other.fd_) {
    other.fd_ = -1;
}

DeviceLock& DeviceLock::operator=(DeviceLock&& other) noexcept {
    if (this != &other) {
        release();
        fd_ = other.fd_;
        other.fd_ = -1;
    }
    return *this;
}

void DeviceLock::release() {
    if (fd_ >= 0) {
        ::close(fd_);  // closing the last descriptor drops the flock
        fd_ = -1;
    }
}

}  // namespace nfc
