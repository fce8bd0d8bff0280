#pragma once
// SunCounterStore in one file: the kiosk-nfc-worker's record of the last
// accepted NTAG 424 DNA read counter of each card, so that a copied SUN URL
// is refused after the worker or the kiosk restarts (docs/cards.md, "The
// counter file").
//
//   kiosk-sun-counters 1 <N>
//   <UID hex> <counter>          N lines, least recently accepted first
//
// - open() reads the file; a missing file starts empty and is written at
//   once (so an unwritable directory is an error at start, not at the first
//   tap). A file that does not parse, is not a regular file, is larger than
//   kMaxFileBytes or cannot be read is an error naming the path and the line:
//   the caller reports it and accepts no NTAG 424 card (never a crash, never
//   a silent reset that would let replays through).
// - acceptCounter() writes the whole file before it answers true: temp file
//   (<path>.tmp, mode 0600), fsync, rename over the file, fsync of the
//   directory. A write that fails is an error (the card is refused); the
//   counter is still kept in memory, so this process never accepts it again.
// - At most `capacity` cards (kDefaultCapacity); past it the card accepted
//   least recently is dropped (a replay of that card's old URLs would then be
//   accepted once).
// - One process at a time: open() takes flock(LOCK_EX|LOCK_NB) on
//   <path>.lock for the store's lifetime; a second opener gets an error.
// Not thread-safe; the reader thread owns it.

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "nfc/cards/SunCounterStore.h"

namespace nfc::cards {

class FileSunCounterStore : public SunCounterStore {
public:
    static constexpr std::size_t kDefaultCapacity = 4096;  // about 70 KB of file (7-byte UIDs)
    static constexpr std::size_t kMaxFileBytes = 4 * 1024 * 1024;

    static loyalty::Expected<std::unique_ptr<FileSunCounterStore>, std::string> open(
        const std::string& path, std::size_t capacity = kDefaultCapacity);
    ~FileSunCounterStore() override;
    FileSunCounterStore(const FileSunCounterStore&) = delete;
    FileSunCounterStore& operator=(const FileSunCounterStore&) = delete;

    loyalty::Expected<bool, std::string> acceptCounter(const std::string& uidHex, std::uint32_t counter) override;

    std::optional<std::uint32_t> last(const std::string& uidHex) const;
    std::size_t size() const { return entries_.size(); }
    std::size_t capacity() const { return capacity_; }
    const std::string& path() const { return path_; }

private:
    struct Entry {
        std::uint32_t counter = 0;
        std::uint64_t touched = 0;  // order of acceptance: larger is more recent
    };

    FileSunCounterStore(std::string path, std::size_t capacity, int lockFd)
        : path_(std::move(path)), capacity_(capacity), lockFd_(lockFd) {}

    std::optional<std::string> load();
    void dropOldest();
    std::string render() const;
    // nullopt when the file and its directory entry are on disk.
    std::optional<std::string> save() const;

    std::string path_;
    std::size_t capacity_;
    int lockFd_ = -1;
    std::map<std::string, Entry> entries_;
    std::uint64_t clock_ = 0;
};

}  // namespace nfc::cards
