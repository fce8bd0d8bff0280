#pragma once
// Why the rules said no. Every refusal carries a code (for the screen to pick
// its translated text and for tests) and an English message a customer or a
// member of staff can read.

#include <string>
#include <string_view>

namespace loyalty {

enum class RefusalCode {
    InvalidAmount,          // negative, zero where not allowed, or beyond limits
    Overflow,               // the result would not fit in 64 bits
    MemberBlocked,
    CardNotActive,          // lost or blocked card
    UnknownReward,
    RewardNotYetValid,
    RewardExpired,
    TierTooLow,             // reward or offer gated to a higher tier
    InsufficientPoints,
    MemberLimitReached,     // per-member limit of a reward or offer
    TotalLimitReached,      // programme-wide limit of a reward
    UnknownOffer,
    OfferNotEligible,
    OfferNotActive,         // outside validity window
    OfferAlreadyActivated,
    UnknownStampCard,
    LowAssuranceCard,       // UID-only card may not redeem (configuration)
    OfflineTransactionCap,  // offline: points of one redemption above the cap
    OfflineConsecutiveLimit,  // offline: too many redemptions on this card in a row
    OfflineKioskCap,        // offline: kiosk's unsynced redeemed points would exceed the cap
    OfflineTooLong,         // offline for longer than allowed
    VelocityHeld,           // too many transactions today: held for a manager
    NothingToVoid,
    AlreadyVoided,
    NotVoidable,
    ReasonRequired,
};

struct Refusal {
    RefusalCode code;
    std::string message;
};

// Stable identifier of a code ("insufficient_points"), for logs, tests and
// translation catalogues.
std::string_view refusalCodeName(RefusalCode code);

}  // namespace loyalty
