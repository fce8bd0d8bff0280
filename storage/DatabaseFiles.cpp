#include "storage/DatabaseFiles.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <utility>
#include <vector>

namespace storage {
namespace {

// Closes a file descriptor on every path.
class FileDescriptor {
public:
    explicit FileDescriptor(int fd) : fd_(fd) {}
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;
    ~FileDescriptor() {
        if (fd_ >= 0) {
            ::close(fd_);
        }
    }
    int get() const { return fd_; }
    int release() { return std::exchange(fd_, -1); }

private:
    int fd_;
};

std::string directoryOf(const std::string& path) {
    const auto slash = path.find_last_of('/');
    if (slash == std::string::npos) {
        return ".";
    }
    return slash == 0 ? "/" : path.substr(0, slash);
}

bool writeAll(int fd, const char* data, std::size_t size) {
    while (size > 0) {
        const ssize_t written = ::write(fd, data, size);
        if (written < 0) {
            if (errno == EINTR) {
                continue;
            }
            return false;
        }
        data += written;
        size -= static_cast<std::size_t>(written);
    }
    return true;
}

}  // namespace

bool DatabaseFiles::exists(const std::string& path) {
    struct stat info {};
    return ::stat(path.c_str(), &info) == 0;
}

bool DatabaseFiles::isDirectory(const std::string& path) {
    struct stat info {};
    return ::stat(path.c_str(), &info) == 0 && S_ISDIR(info.st_mode);
}

std::int64_t DatabaseFiles::fileBytes(const std::string& path) {
    struct stat info {};
    return ::stat(path.c_str(), &info) == 0 ? static_cast<std::int64_t>(info.st_size) : 0;
}

std::int64_t DatabaseFiles::databaseBytes(const std::string& path) {
    return fileBytes(path) + fileBytes(path + "-wal");
}

std::string DatabaseFiles::utcStamp(std::chrono::system_clock::time_point when) {
    const std::time_t seconds = std::chrono::system_clock::to_time_t(when);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    std::array<char, 32> text{};
    const auto size = std::strftime(text.data(), text.size(), "%Y%m%dT%H%M%SZ", &utc);
    return std::string(text.data(), size);
}

StorageError DatabaseFiles::errorFromErrno(int error, const std::string& what, const std::string& path) {
    ErrorCode code = ErrorCode::Io;
    switch (error) {
        case ENOSPC:
        case EDQUOT: code = ErrorCode::DiskFull; break;
        case EROFS:
        case EACCES:
        case EPERM: code = ErrorCode::ReadOnly; break;
        case ENOENT:
        case ENOTDIR: code = ErrorCode::NotFound; break;
        case EEXIST: code = ErrorCode::InvalidArgument; break;
        default: break;
    }
    return StorageError{code, what + " " + path + " failed: " + std::strerror(error), 0};
}

Result<std::string> DatabaseFiles::moveAside(const std::string& path, const std::string& tag) {
    const std::string base = path + "." + tag + "-" + utcStamp();
    std::string target = base;
    for (int attempt = 2; exists(target) && attempt < 100; ++attempt) {
        target = base + "-" + std::to_string(attempt);
    }
    if (exists(target)) {
        return loyalty::unexpected(StorageError{ErrorCode::Io, "no free name to move " + path + " aside", 0});
    }
    std::vector<std::pair<std::string, std::string>> moved;
    auto putBack = [&moved]() {
        for (auto it = moved.rbegin(); it != moved.rend(); ++it) {
            (void)::rename(it->second.c_str(), it->first.c_str());
        }
    };
    if (::rename(path.c_str(), target.c_str()) != 0) {
        return loyalty::unexpected(errorFromErrno(errno, "moving aside", path));
    }
    moved.emplace_back(path, target);
    for (const char* suffix : kCompanionSuffixes) {
        const std::string from = path + suffix;
        if (!exists(from)) {
            continue;
        }
        if (::rename(from.c_str(), (target + suffix).c_str()) != 0) {
            const int error = errno;
            putBack();
            return loyalty::unexpected(errorFromErrno(error, "moving aside", from));
        }
        moved.emplace_back(from, target + suffix);
    }
    (void)syncDirectoryOf(path);
    return target;
}

Status DatabaseFiles::copyDurably(const std::string& from, const std::string& to) {
    FileDescriptor in(::open(from.c_str(), O_RDONLY | O_CLOEXEC));
    if (in.get() < 0) {
        return loyalty::unexpected(errorFromErrno(errno, "opening", from));
    }
    FileDescriptor out(::open(to.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0640));
    if (out.get() < 0) {
        return loyalty::unexpected(errorFromErrno(errno, "creating", to));
    }
    std::array<char, 65536> buffer{};
    while (true) {
        const ssize_t got = ::read(in.get(), buffer.data(), buffer.size());
        if (got < 0 && errno == EINTR) {
            continue;
        }
        if (got < 0) {
            return loyalty::unexpected(errorFromErrno(errno, "reading", from));
        }
        if (got == 0) {
            break;
        }
        if (!writeAll(out.get(), buffer.data(), static_cast<std::size_t>(got))) {
            return loyalty::unexpected(errorFromErrno(errno, "writing", to));
        }
    }
    if (::fsync(out.get()) != 0) {
        return loyalty::unexpected(errorFromErrno(errno, "syncing", to));
    }
    if (::close(out.release()) != 0) {
        return loyalty::unexpected(errorFromErrno(errno, "closing", to));
    }
    return Done{};
}

Status DatabaseFiles::renameDurably(const std::string& from, const std::string& to) {
    if (::rename(from.c_str(), to.c_str()) != 0) {
        return loyalty::unexpected(errorFromErrno(errno, "renaming " + from + " to", to));
    }
    return syncDirectoryOf(to);
}

Status DatabaseFiles::syncFile(const std::string& path) {
    FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (fd.get() < 0 || ::fsync(fd.get()) != 0) {
        return loyalty::unexpected(errorFromErrno(errno, "syncing", path));
    }
    return Done{};
}

Status DatabaseFiles::syncDirectoryOf(const std::string& path) {
    const std::string directory = directoryOf(path);
    FileDescriptor fd(::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (fd.get() < 0 || ::fsync(fd.get()) != 0) {
        return loyalty::unexpected(errorFromErrno(errno, "syncing directory", directory));
    }
    return Done{};
}

}  // namespace storage
