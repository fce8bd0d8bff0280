#pragma once
// Staff PINs: Argon2id hashes (libsodium), checked against the staff table
// with its lockout (StaffRepository). The PIN itself is never stored or
// logged; a wrong PIN and an unknown staff code get the same answer, so the
// keypad does not tell a stranger which codes exist.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "loyalty/Expected.h"
#include "storage/StaffRepository.h"

namespace services {

struct StaffLogin {
    std::string staffId;
    std::string displayName;
    storage::StaffRole role = storage::StaffRole::Cashier;
};

struct StaffLoginRefusal {
    enum class Why { WrongPin, Locked, Inactive, Unavailable } why = Why::WrongPin;
    std::int32_t attemptsLeft = 0;                  // WrongPin: before the lockout
    std::optional<std::int64_t> lockedUntilUnixMs;  // Locked
};

class StaffAuthenticator {
public:
    StaffAuthenticator(storage::Database& db, storage::LockoutPolicy policy);

    // An Argon2id encoded hash of pin (interactive limits: ~64 MiB, a few
    // hundred ms on a Pi). Fails only when libsodium cannot allocate.
    static loyalty::Expected<std::string, std::string> hashPin(std::string_view pin);
    static bool pinMatches(std::string_view pin, const std::string& encodedHash);

    // staffId: from a staff card's lookup or typed as the staff code.
    loyalty::Expected<StaffLogin, StaffLoginRefusal> verify(std::string_view staffId, std::string_view pin,
                                                            std::int64_t nowUnixMs);

private:
    storage::StaffRepository staff_;
    storage::LockoutPolicy policy_;
};

}  // namespace services
