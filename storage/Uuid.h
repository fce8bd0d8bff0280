#pragma once
// UUIDs for the event ids that make uploads exactly-once (design brief §5):
// version 7 (RFC 9562: a Unix-millisecond timestamp, then 74 random bits
// from getrandom(2)) for new events, so each new id lands at the end of the
// ledger's id index instead of on a random page of it (one page fewer to
// read from the SD card per tap once the ledger is large); version 4 is
// still made and parsed. The text form is lowercase 8-4-4-4-12 hex
// ("0193b6a0-7c1e-7d4a-b1a2-0c9e8f7d6a5b").

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "storage/StorageError.h"

namespace storage {

class Uuid {
public:
    using Bytes = std::array<std::uint8_t, 16>;

    // 122 random bits from the kernel's CSPRNG, version 4, variant 10xx.
    // Fails (Io) only when getrandom(2) does.
    static Result<Uuid> random();
    // A version-4 UUID from 16 given bytes (version and variant bits are set).
    static Uuid v4FromBytes(Bytes bytes);
    // Version 7: `unixMs` (48 bits, big-endian) then 74 random bits. Ids made
    // later sort later (within one millisecond, in random order). Fails (Io)
    // only when getrandom(2) does.
    static Result<Uuid> timeOrdered(std::int64_t unixMs);
    static Uuid v7FromBytes(std::int64_t unixMs, Bytes randomBytes);

    // Parses the 36-character 8-4-4-4-12 form, hex digits in either case;
    // nullopt for anything else (braces, "urn:uuid:", missing dashes ...).
    // Any version is accepted: ids from head office need not be ours.
    static std::optional<Uuid> parse(std::string_view text);
    // True when `text` is the canonical form: parses and is already lowercase.
    static bool isCanonical(std::string_view text);

    std::string text() const;   // lowercase 8-4-4-4-12
    int version() const { return bytes_[6] >> 4; }
    const Bytes& bytes() const { return bytes_; }
    friend bool operator==(const Uuid&, const Uuid&) = default;

private:
    explicit Uuid(Bytes bytes) : bytes_(bytes) {}
    Bytes bytes_{};
};

// Version-7 ids for one writer, with the random bits drawn from a buffer
// that getrandom(2) refills 256 bytes at a time: one system call per 25 ids
// instead of one per id (a system call is a measurable part of a tap on a
// virtualised kiosk). The buffer is never reused: each id takes fresh bytes.
// Owned by one thread's writer (DecisionRecorder) and, like its SQLite
// connection, not to be used on both sides of a fork().
class UuidSource {
public:
    // As Uuid::timeOrdered. Fails (Io) only when getrandom(2) does.
    Result<Uuid> timeOrdered(std::int64_t unixMs);

private:
    static constexpr std::size_t kRandomBytesPerId = 10;  // 74 bits used, the rest version and variant
    std::array<std::uint8_t, 250> pool_{};
    std::size_t used_ = 250;  // empty: filled on first use
};

}  // namespace storage
