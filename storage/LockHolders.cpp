#include "storage/LockHolders.h"

#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "storage/DatabaseFiles.h"

namespace storage {
namespace {

struct FileId {
    unsigned major = 0;
    unsigned minor = 0;
    unsigned long inode = 0;
};

bool sameFile(const FileId& id, const std::string& device, unsigned long inode) {
    // /proc/locks prints "MAJOR:MINOR:INODE" with major and minor in hex.
    std::istringstream in(device);
    unsigned major = 0;
    unsigned minor = 0;
    char colon = 0;
    in >> std::hex >> major >> colon >> minor;
    return in && inode == id.inode && major == id.major && minor == id.minor;
}

std::string commandOf(int pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/comm");
    std::string name;
    std::getline(in, name);
    return name;
}

}  // namespace

std::vector<LockHolder> LockHolders::of(const std::string& databasePath) {
    std::vector<FileId> files;
    std::vector<std::string> paths{databasePath};
    for (const char* suffix : DatabaseFiles::kCompanionSuffixes) {
        paths.push_back(databasePath + suffix);
    }
    for (const auto& path : paths) {
        struct stat info {};
        if (::stat(path.c_str(), &info) == 0) {
            files.push_back(FileId{::major(info.st_dev), ::minor(info.st_dev), info.st_ino});
        }
    }
    std::vector<LockHolder> holders;
    std::ifstream locks("/proc/locks");
    std::string line;
    const int self = static_cast<int>(::getpid());
    while (std::getline(locks, line)) {
        // "1: POSIX  ADVISORY  WRITE 1234 08:01:5678 120 120"; waiters have "->" after the number.
        std::istringstream fields(line);
        std::string number;
        std::string kind;
        std::string mandatory;
        std::string access;
        int pid = 0;
        std::string where;
        fields >> number >> kind;
        if (kind == "->") {
            continue;
        }
        fields >> mandatory >> access >> pid >> where;
        if (!fields || pid <= 0 || pid == self) {
            continue;
        }
        const auto lastColon = where.find_last_of(':');
        if (lastColon == std::string::npos) {
            continue;
        }
        const unsigned long inode = std::strtoul(where.c_str() + lastColon + 1, nullptr, 10);
        const std::string device = where.substr(0, lastColon);
        const bool ours = std::any_of(files.begin(), files.end(),
                                      [&](const FileId& id) { return sameFile(id, device, inode); });
        const bool known = std::any_of(holders.begin(), holders.end(),
                                       [pid](const LockHolder& holder) { return holder.pid == pid; });
        if (ours && !known) {
            holders.push_back(LockHolder{pid, commandOf(pid)});
        }
    }
    return holders;
}

std::string LockHolders::describe(const std::vector<LockHolder>& holders) {
    std::string text;
    for (const auto& holder : holders) {
        if (!text.empty()) {
            text += ", ";
        }
        text += "process " + std::to_string(holder.pid);
        if (!holder.command.empty()) {
            text += " (" + holder.command + ")";
        }
    }
    return text;
}

}  // namespace storage
