#pragma once
// What the flow asks the app layer to do. Plain values: the flow never calls
// storage, the reader or the network. Each effect carries a RequestId; its
// answer comes back as a message (Messages.h) with the same id.

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "loyalty/Types.h"

namespace kiosk {

using RequestId = std::uint64_t;

enum class CardKind { UidOnly, Ntag21x, Ntag424 };

// Look the token up (head office with a short deadline, else the local copy).
// Answer: CardLookedUp.
struct LookupCard {
    RequestId request = 0;
    std::string token;
};

// Verify a PIN (Argon2id) for a staff member; count failures and lock.
// The staff member is known by their card (staffId) or by the staff code
// typed on the keypad (staffCode); exactly one of the two is set.
// Answer: StaffVerified or StaffRefused.
struct VerifyStaffPin {
    RequestId request = 0;
    std::string staffId;
    std::string staffCode;
    std::string pin;
};

// ---- what to record ------------------------------------------------------------
struct EarnPurchase {
    loyalty::Money amount = 0;
};
struct RedeemReward {
    std::string rewardId;
};
struct ActivateOffer {
    std::string offerId;
};
// A new member for the unknown card in hand; for an NTAG 21x card the app
// first writes the signed enrolment record through the reader.
struct EnrolMember {
    std::string displayName;
    std::string uidHex;
    CardKind kind = CardKind::UidOnly;
};
struct ReplaceCard {
    std::string newCardToken;
    std::string newUidHex;
    CardKind newKind = CardKind::UidOnly;
    std::string reason;
};
struct BlockCard {
    std::string reason;
};
struct VoidEvent {
    std::string eventId;
    std::string reason;
};
struct AdjustPoints {
    loyalty::Points delta = 0;
    std::string reason;
};
struct RateVisit {
    std::int32_t rating = 0;  // 1..5
};

using DecisionRequest = std::variant<EarnPurchase, RedeemReward, ActivateOffer, EnrolMember, ReplaceCard,
                                     BlockCard, VoidEvent, AdjustPoints, RateVisit>;

// Re-read the account, run the loyalty rule for `what` against it, record the
// decision (DecisionRecorder) and re-read the account.
// Answer: DecisionRecorded, DecisionRefused or DecisionFailed.
struct RecordDecision {
    RequestId request = 0;
    std::string memberId;   // empty for an enrolment
    std::string cardToken;  // the card in hand (enrolment: the new card)
    std::string staffId;    // empty when the customer acts alone (offer, digital reward, rating)
    bool managerOverride = false;  // a manager acts: releases a velocity hold
    bool offline = false;          // head office unreachable when decided
    DecisionRequest what;
};

// Answer: TodaySummaryLoaded.
struct LoadTodaySummary {
    RequestId request = 0;
};
// Answer: DiagnosticsLoaded.
struct LoadDiagnostics {
    RequestId request = 0;
};
// Ask the reader to run its self test. Answer: ReaderTested.
struct TestReader {
    RequestId request = 0;
};

using Effect = std::variant<LookupCard, VerifyStaffPin, RecordDecision, LoadTodaySummary, LoadDiagnostics, TestReader>;

// What one handle() call did: whether the screen changed (the UI draws a few
// frames) and the effects to run, in order.
struct Outcome {
    bool changed = false;
    std::vector<Effect> effects;
    explicit operator bool() const { return changed; }
};

}  // namespace kiosk
