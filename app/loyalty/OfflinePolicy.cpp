#include "loyalty/OfflinePolicy.h"

#include <string>

#include "loyalty/CheckedMath.h"

namespace loyalty {

namespace {

constexpr const char* kReconnect = " Reconnect to head office to redeem more.";

Refusal offlineRefusal(RefusalCode code, const std::string& what) {
    return Refusal{code, what + kReconnect};
}

// A limit of 0 (or less) means the configuration allows no offline redemption.
Refusal notAllowedOffline(RefusalCode code) {
    return Refusal{code,
                   "Rewards cannot be redeemed while the kiosk is offline. Reconnect to head "
                   "office to redeem rewards."};
}

}  // namespace

std::optional<Refusal> OfflinePolicy::check(const KioskState& kiosk, const CardState& card,
                                            Points points, const Instant& now) const {
    if (kiosk.online) {
        return std::nullopt;
    }
    if (points < 0) {
        return Refusal{RefusalCode::InvalidAmount, "This reward cannot be redeemed. Please ask staff."};
    }
    if (auto refusal = checkOfflineAge(kiosk, now)) {
        return refusal;
    }
    if (auto refusal = checkConsecutive(card)) {
        return refusal;
    }
    if (auto refusal = checkTransactionCap(points)) {
        return refusal;
    }
    return checkKioskCap(kiosk, points);
}

std::optional<Refusal> OfflinePolicy::checkOfflineAge(const KioskState& kiosk,
                                                      const Instant& now) const {
    const auto maxSeconds = limits_.maxOfflineSeconds;
    if (maxSeconds <= 0) {
        return notAllowedOffline(RefusalCode::OfflineTooLong);
    }
    const auto tooLong = offlineRefusal(
        RefusalCode::OfflineTooLong, "The kiosk has been offline for too long to redeem rewards.");
    if (!kiosk.lastSyncAt) {
        return tooLong;  // never synced: nothing vouches for this kiosk's data
    }
    const auto elapsed = checkedSub(now.utcSeconds, kiosk.lastSyncAt->utcSeconds);
    // A clock earlier than the last sync cannot show how long the kiosk has
    // been offline, so it counts as too long (as does a nonsense difference).
    if (!elapsed || *elapsed < 0 || *elapsed > maxSeconds) {
        return tooLong;
    }
    return std::nullopt;
}

std::optional<Refusal> OfflinePolicy::checkConsecutive(const CardState& card) const {
    const auto maxInARow = limits_.maxConsecutiveRedemptionsPerCard;
    if (maxInARow <= 0) {
        return notAllowedOffline(RefusalCode::OfflineConsecutiveLimit);
    }
    if (card.consecutiveOfflineRedemptions >= maxInARow) {
        return offlineRefusal(RefusalCode::OfflineConsecutiveLimit,
                              "This card has reached its limit of redemptions in a row while the "
                              "kiosk is offline.");
    }
    return std::nullopt;
}

std::optional<Refusal> OfflinePolicy::checkTransactionCap(Points points) const {
    const auto cap = limits_.maxRedeemPerTransaction;
    if (cap <= 0) {
        return notAllowedOffline(RefusalCode::OfflineTransactionCap);
    }
    if (points > cap) {
        return offlineRefusal(RefusalCode::OfflineTransactionCap,
                              "This reward is above the limit for one redemption while the kiosk "
                              "is offline. You can choose a smaller reward.");
    }
    return std::nullopt;
}

std::optional<Refusal> OfflinePolicy::checkKioskCap(const KioskState& kiosk, Points points) const {
    const auto cap = limits_.maxUnsyncedRedeemedPoints;
    if (cap <= 0) {
        return notAllowedOffline(RefusalCode::OfflineKioskCap);
    }
    // A negative count can only come from a bookkeeping error; it must not
    // buy extra headroom.
    const Points unsynced = kiosk.unsyncedRedeemedPoints > 0 ? kiosk.unsyncedRedeemedPoints : 0;
    const auto total = checkedAdd(unsynced, points);
    if (!total || *total > cap) {
        return offlineRefusal(RefusalCode::OfflineKioskCap,
                              "This kiosk has reached its limit for redemptions while offline.");
    }
    return std::nullopt;
}

}  // namespace loyalty
