#include "services/StaffAuthenticator.h"

#include <sodium.h>

#include <stdexcept>

namespace services {
namespace {

using Refusal = StaffLoginRefusal;

loyalty::Unexpected<Refusal> refuse(Refusal::Why why) { return loyalty::unexpected(Refusal{why, 0, std::nullopt}); }

void requireSodium() {
    if (sodium_init() < 0) {
        throw std::runtime_error("libsodium could not initialise");  // start-up only: no entropy source
    }
}

}  // namespace

StaffAuthenticator::StaffAuthenticator(storage::Database& db, storage::LockoutPolicy policy)
    : staff_(db), policy_(policy) {
    requireSodium();
}

loyalty::Expected<std::string, std::string> StaffAuthenticator::hashPin(std::string_view pin) {
    requireSodium();
    char encoded[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(encoded, pin.data(), pin.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                              crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0) {
        return loyalty::unexpected(std::string("Argon2id hashing ran out of memory"));
    }
    return std::string(encoded);
}

bool StaffAuthenticator::pinMatches(std::string_view pin, const std::string& encodedHash) {
    // Only Argon2id hashes are accepted: a weaker or foreign format is a mismatch.
    if (encodedHash.rfind("$argon2id$", 0) != 0) {
        return false;
    }
    return crypto_pwhash_str_verify(encodedHash.c_str(), pin.data(), pin.size()) == 0;
}

loyalty::Expected<StaffLogin, StaffLoginRefusal> StaffAuthenticator::verify(std::string_view staffId,
                                                                            std::string_view pin,
                                                                            std::int64_t nowUnixMs) {
    auto found = staff_.findById(staffId);
    if (!found) {
        return refuse(Refusal::Why::Unavailable);
    }
    if (!found->has_value()) {
        // Unknown code: the same answer as a wrong PIN, without a counter to show.
        return loyalty::unexpected(Refusal{Refusal::Why::WrongPin, policy_.maxFailures, std::nullopt});
    }
    const storage::StaffRecord& record = **found;
    if (!record.active) {
        return refuse(Refusal::Why::Inactive);
    }
    if (record.lockedAt(nowUnixMs)) {
        return loyalty::unexpected(Refusal{Refusal::Why::Locked, 0, record.lockedUntilMs});
    }
    if (record.pinHash && pinMatches(pin, *record.pinHash)) {
        if (auto saved = staff_.recordSuccess(record.id, nowUnixMs); !saved) {
            return refuse(Refusal::Why::Unavailable);
        }
        return StaffLogin{record.id, record.displayName, record.role};
    }
    auto after = staff_.recordFailedAttempt(record.id, policy_, nowUnixMs);
    if (!after) {
        return refuse(Refusal::Why::Unavailable);
    }
    if (after->lockedAt(nowUnixMs)) {
        return loyalty::unexpected(Refusal{Refusal::Why::Locked, 0, after->lockedUntilMs});
    }
    return loyalty::unexpected(Refusal{Refusal::Why::WrongPin, policy_.maxFailures - after->failedAttempts, std::nullopt});
}

}  // namespace services
