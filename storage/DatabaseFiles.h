#pragma once
// The files that make up one SQLite database on disk — the main file and its
// "-wal", "-shm" and "-journal" companions — and the few file operations the
// kiosk and the technician's tools need on them: moving them aside together
// (a database is never deleted), copying durably, measuring. No SQLite here.

#include <array>
#include <chrono>
#include <cstdint>
#include <string>

#include "storage/StorageError.h"

namespace storage {

class DatabaseFiles {
public:
    // The companion suffixes SQLite may create next to a database file.
    static constexpr std::array<const char*, 3> kCompanionSuffixes{"-wal", "-shm", "-journal"};

    static bool exists(const std::string& path);
    static bool isDirectory(const std::string& path);
    // Size of one file in bytes; 0 when it does not exist.
    static std::int64_t fileBytes(const std::string& path);
    // The main file plus its -wal: what the database occupies on disk.
    static std::int64_t databaseBytes(const std::string& path);

    // "20250131T235959Z"
    static std::string utcStamp(std::chrono::system_clock::time_point when = std::chrono::system_clock::now());

    // Renames the database and each companion that exists to
    // "<path>.<tag>-<stamp>" plus the same suffix (so SQLite finds the moved
    // -wal next to the moved file), adding "-2", "-3" ... if that name is
    // taken. All or nothing: a failed rename puts back what was moved.
    // Returns the new path of the main file.
    static Result<std::string> moveAside(const std::string& path, const std::string& tag);

    // Copies a file to a new path (which must not exist) and fsyncs it.
    static Status copyDurably(const std::string& from, const std::string& to);
    // Renames and fsyncs the directory so the rename survives a power cut.
    static Status renameDurably(const std::string& from, const std::string& to);
    static Status syncFile(const std::string& path);
    static Status syncDirectoryOf(const std::string& path);

    // An errno from a file operation as a StorageError naming the path.
    static StorageError errorFromErrno(int error, const std::string& what, const std::string& path);
};

}  // namespace storage
