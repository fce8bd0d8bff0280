#include "loyalty/Refusal.h"

namespace loyalty {

std::string_view refusalCodeName(RefusalCode code) {
    switch (code) {
        case RefusalCode::InvalidAmount: return "invalid_amount";
        case RefusalCode::Overflow: return "overflow";
        case RefusalCode::MemberBlocked: return "member_blocked";
        case RefusalCode::CardNotActive: return "card_not_active";
        case RefusalCode::UnknownReward: return "unknown_reward";
        case RefusalCode::RewardNotYetValid: return "reward_not_yet_valid";
        case RefusalCode::RewardExpired: return "reward_expired";
        case RefusalCode::TierTooLow: return "tier_too_low";
        case RefusalCode::InsufficientPoints: return "insufficient_points";
        case RefusalCode::MemberLimitReached: return "member_limit_reached";
        case RefusalCode::TotalLimitReached: return "total_limit_reached";
        case RefusalCode::UnknownOffer: return "unknown_offer";
        case RefusalCode::OfferNotEligible: return "offer_not_eligible";
        case RefusalCode::OfferNotActive: return "offer_not_active";
        case RefusalCode::OfferAlreadyActivated: return "offer_already_activated";
        case RefusalCode::UnknownStampCard: return "unknown_stamp_card";
        case RefusalCode::LowAssuranceCard: return "low_assurance_card";
        case RefusalCode::OfflineTransactionCap: return "offline_transaction_cap";
        case RefusalCode::OfflineConsecutiveLimit: return "offline_consecutive_limit";
        case RefusalCode::OfflineKioskCap: return "offline_kiosk_cap";
        case RefusalCode::OfflineTooLong: return "offline_too_long";
        case RefusalCode::VelocityHeld: return "velocity_held";
        case RefusalCode::NothingToVoid: return "nothing_to_void";
        case RefusalCode::AlreadyVoided: return "already_voided";
        case RefusalCode::NotVoidable: return "not_voidable";
        case RefusalCode::ReasonRequired: return "reason_required";
    }
    return "unknown";  // not reached for a valid enumerator
}

}  // namespace loyalty
