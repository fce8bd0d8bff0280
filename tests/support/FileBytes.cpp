#include "support/FileBytes.h"

#include <fcntl.h>
#include <unistd.h>

#include <fstream>
#include <sstream>
#include <vector>

namespace testsupport {

std::string FileBytes::read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

bool FileBytes::overwrite(const std::string& path, std::int64_t offset, const std::string& bytes) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd < 0) {
        return false;
    }
    const ssize_t written = ::pwrite(fd, bytes.data(), bytes.size(), static_cast<off_t>(offset));
    const bool ok = written == static_cast<ssize_t>(bytes.size()) && ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

std::int64_t FileBytes::fillDisk(const std::string& path) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (fd < 0) {
        return 0;
    }
    std::int64_t total = 0;
    std::vector<char> block(4096, 'f');
    for (std::size_t size = block.size(); size > 0; size /= 2) {
        while (true) {
            const ssize_t written = ::write(fd, block.data(), size);
            if (written <= 0) {
                break;
            }
            total += written;
        }
    }
    ::close(fd);
    return total;
}

bool FileBytes::write(const std::string& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << bytes;
    return static_cast<bool>(out.flush());
}

}  // namespace testsupport
