#include "nfc/cards/FileSunCounterStore.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <string_view>
#include <utility>
#include <vector>

#include "nfc/cards/Hex.h"

namespace nfc::cards {

namespace {

constexpr std::string_view kMagic = "kiosk-sun-counters 1 ";

std::string systemError(const std::string& path, const char* what, int error) {
    return path + ": " + what + ": " + std::strerror(error);
}

// A closed file descriptor on every path out.
class Fd {
public:
    explicit Fd(int fd) : fd_(fd) {}
    ~Fd() {
        if (fd_ >= 0) {
            ::close(fd_);
        }
    }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    int get() const { return fd_; }
    int release() { return std::exchange(fd_, -1); }
    // close() reports write-back errors on some file systems.
    bool close() { return ::close(release()) == 0; }

private:
    int fd_;
};

// Upper-case hex of a 4, 7 or 10 byte UID, or nullopt.
std::optional<std::string> normalUid(std::string_view text) {
    if (text.size() != 8 && text.size() != 14 && text.size() != 20) {
        return std::nullopt;
    }
    const auto bytes = Hex::decode(text, 10);
    if (!bytes) {
        return std::nullopt;
    }
    return Hex::encode(*bytes);
}

std::optional<std::uint64_t> decimal(std::string_view text, std::uint64_t max) {
    if (text.empty() || text.size() > 20 || (text.size() > 1 && text[0] == '0')) {
        return std::nullopt;
    }
    std::uint64_t value = 0;
    for (const char c : text) {
        if (c < '0' || c > '9') {
            return std::nullopt;
        }
        const auto digit = static_cast<std::uint64_t>(c - '0');
        if (value > (max - digit) / 10) {
            return std::nullopt;
        }
        value = value * 10 + digit;
    }
    return value;
}

std::string directoryOf(const std::string& path) {
    const auto slash = path.rfind('/');
    if (slash == std::string::npos) {
        return ".";
    }
    return slash == 0 ? "/" : path.substr(0, slash);
}

bool writeAll(int fd, const std::string& text) {
    std::size_t done = 0;
    while (done < text.size()) {
        const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            if (n == 0) {
                errno = EIO;
            }
            return false;
        }
        done += static_cast<std::size_t>(n);
    }
    return true;
}

}  // namespace

loyalty::Expected<std::unique_ptr<FileSunCounterStore>, std::string> FileSunCounterStore::open(
    const std::string& path, std::size_t capacity) {
    if (path.empty()) {
        return loyalty::unexpected(std::string("SUN counter file: no path"));
    }
    if (capacity == 0) {
        return loyalty::unexpected(path + ": a SUN counter file needs room for at least one card");
    }
    const std::string lockPath = path + ".lock";
    const int lockFd = ::open(lockPath.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (lockFd < 0) {
        return loyalty::unexpected(systemError(lockPath, "cannot open", errno));
    }
    // Owned from here: the destructor closes it (and so releases the lock).
    std::unique_ptr<FileSunCounterStore> store(new FileSunCounterStore(path, capacity, lockFd));
    if (::flock(lockFd, LOCK_EX | LOCK_NB) != 0) {
        const int error = errno;
        if (error == EWOULDBLOCK) {
            return loyalty::unexpected(path + ": in use by another process (" + lockPath + " is locked)");
        }
        return loyalty::unexpected(systemError(lockPath, "cannot lock", error));
    }
    if (auto error = store->load()) {
        return loyalty::unexpected(std::move(*error));
    }
    return store;
}

FileSunCounterStore::~FileSunCounterStore() {
    if (lockFd_ >= 0) {
        ::close(lockFd_);
    }
}

std::optional<std::string> FileSunCounterStore::load() {
    Fd fd(::open(path_.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW));
    if (fd.get() < 0) {
        if (errno == ENOENT) {
            return save();  // first start: an empty file, and proof that the directory is writable
        }
        return systemError(path_, "cannot read", errno);
    }
    struct stat info {};
    if (::fstat(fd.get(), &info) != 0) {
        return systemError(path_, "cannot read", errno);
    }
    if (!S_ISREG(info.st_mode)) {
        return path_ + ": not a regular file";
    }
    if (static_cast<std::uint64_t>(info.st_size) > kMaxFileBytes) {
        return path_ + ": larger than " + std::to_string(kMaxFileBytes) + " bytes, not a SUN counter file";
    }
    std::string text;
    char buffer[8192];
    while (true) {
        const ssize_t n = ::read(fd.get(), buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0) {
            return systemError(path_, "cannot read", errno);
        }
        if (n == 0) {
            break;
        }
        text.append(buffer, static_cast<std::size_t>(n));
        if (text.size() > kMaxFileBytes) {
            return path_ + ": larger than " + std::to_string(kMaxFileBytes) + " bytes, not a SUN counter file";
        }
    }

    const auto corrupt = [this](std::size_t line, const std::string& why) {
        return path_ + " line " + std::to_string(line) + ": " + why +
               " (not a SUN counter file, or damaged; see docs/cards.md)";
    };
    if (text.empty() || text.back() != '\n') {
        return corrupt(1, text.empty() ? "empty file" : "does not end with a newline (truncated?)");
    }
    std::vector<std::string_view> lines;
    std::string_view rest(text);
    while (!rest.empty()) {
        const auto end = rest.find('\n');
        lines.push_back(rest.substr(0, end));
        rest.remove_prefix(end + 1);
    }
    if (lines[0].substr(0, kMagic.size()) != kMagic) {
        return corrupt(1, "header is not \"kiosk-sun-counters 1 <count>\"");
    }
    const auto count = decimal(lines[0].substr(kMagic.size()), kMaxFileBytes);
    if (!count) {
        return corrupt(1, "header count is not a number");
    }
    if (*count != lines.size() - 1) {
        return corrupt(lines.size(), "header says " + std::to_string(*count) + " cards, the file holds " +
                                         std::to_string(lines.size() - 1) + " lines");
    }
    for (std::size_t i = 1; i < lines.size(); ++i) {
        const auto space = lines[i].find(' ');
        const auto uid = normalUid(lines[i].substr(0, space));
        if (space == std::string_view::npos || !uid || *uid != lines[i].substr(0, space)) {
            return corrupt(i + 1, "expected \"<UID: 8, 14 or 20 upper-case hex digits> <counter>\"");
        }
        const auto counter = decimal(lines[i].substr(space + 1), 0xFFFFFFFFu);
        if (!counter) {
            return corrupt(i + 1, "counter is not a number from 0 to 4294967295");
        }
        if (entries_.count(*uid) != 0) {
            return corrupt(i + 1, "a card listed twice");
        }
        entries_[*uid] = Entry{static_cast<std::uint32_t>(*counter), ++clock_};
    }
    // A smaller capacity than the file was written with: keep the newest.
    while (entries_.size() > capacity_) {
        dropOldest();
    }
    return std::nullopt;
}

loyalty::Expected<bool, std::string> FileSunCounterStore::acceptCounter(const std::string& uidHex,
                                                                       std::uint32_t counter) {
    const auto uid = normalUid(uidHex);
    if (!uid) {
        return loyalty::unexpected(std::string("SUN counter store: not a 4, 7 or 10 byte UID"));
    }
    const auto it = entries_.find(*uid);
    if (it != entries_.end() && counter <= it->second.counter) {
        return false;
    }
    entries_[*uid] = Entry{counter, ++clock_};
    while (entries_.size() > capacity_) {
        dropOldest();
    }
    if (auto error = save()) {
        return loyalty::unexpected(std::move(*error));
    }
    return true;
}

std::optional<std::uint32_t> FileSunCounterStore::last(const std::string& uidHex) const {
    const auto uid = normalUid(uidHex);
    const auto it = uid ? entries_.find(*uid) : entries_.end();
    if (it == entries_.end()) {
        return std::nullopt;
    }
    return it->second.counter;
}

void FileSunCounterStore::dropOldest() {
    const auto oldest = std::min_element(entries_.begin(), entries_.end(), [](const auto& a, const auto& b) {
        return a.second.touched < b.second.touched;
    });
    if (oldest != entries_.end()) {
        entries_.erase(oldest);
    }
}

std::string FileSunCounterStore::render() const {
    std::vector<std::pair<std::uint64_t, const std::string*>> order;
    order.reserve(entries_.size());
    for (const auto& [uid, entry] : entries_) {
        order.emplace_back(entry.touched, &uid);
    }
    std::sort(order.begin(), order.end());
    std::string text(kMagic);
    text += std::to_string(entries_.size()) + "\n";
    for (const auto& item : order) {
        text += *item.second + " " + std::to_string(entries_.at(*item.second).counter) + "\n";
    }
    return text;
}

std::optional<std::string> FileSunCounterStore::save() const {
    const std::string temp = path_ + ".tmp";
    const std::string text = render();
    Fd fd(::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600));
    if (fd.get() < 0) {
        return systemError(temp, "cannot create", errno);
    }
    if (!writeAll(fd.get(), text) || ::fsync(fd.get()) != 0 || !fd.close()) {
        const int error = errno;
        ::unlink(temp.c_str());
        return systemError(temp, "cannot write", error);
    }
    if (::rename(temp.c_str(), path_.c_str()) != 0) {
        const int error = errno;
        ::unlink(temp.c_str());
        return systemError(path_, "cannot replace", error);
    }
    const std::string directory = directoryOf(path_);
    Fd dir(::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (dir.get() < 0 || ::fsync(dir.get()) != 0) {
        return systemError(directory, "cannot sync the directory", errno);
    }
    return std::nullopt;
}

}  // namespace nfc::cards
