#pragma once
// Whole-file reads and in-place overwrites, for tests that damage a
// database on purpose and check that a moved file still holds its bytes.

#include <cstdint>
#include <string>

namespace testsupport {

class FileBytes {
public:
    // The file's bytes; "" when it cannot be read.
    static std::string read(const std::string& path);
    // Writes `bytes` at `offset` without truncating; false on failure.
    static bool overwrite(const std::string& path, std::int64_t offset, const std::string& bytes);
    // Appends until the filesystem is full (ENOSPC); the bytes written.
    static std::int64_t fillDisk(const std::string& path);
    static bool write(const std::string& path, const std::string& bytes);
};

}  // namespace testsupport
