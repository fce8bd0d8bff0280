#pragma once
// Membership: enrolment, card replacement and blocking, and the optional
// 1..5 satisfaction rating. The balance belongs to the member, not to a
// card, so replacing a card moves no points. Card-id uniqueness (a card
// linked to another member) is checked by storage, which knows the cards;
// these rules only see the member and the card in hand.

#include <cstddef>
#include <cstdint>
#include <string>

#include "loyalty/Event.h"
#include "loyalty/Expected.h"
#include "loyalty/MemberState.h"
#include "loyalty/Program.h"
#include "loyalty/Refusal.h"

namespace loyalty {

// What enrolment decided: the events, and the member's cleaned-up display
// name and enrolment date for the new member record.
struct Enrolment {
    Decision decision;
    std::string displayName;  // trimmed
    Date enrolledOn;          // shop-local date of `now`
};

class MembershipRules {
public:
    static constexpr std::size_t kMaxDisplayNameBytes = 64;  // UTF-8 bytes, after trimming
    static constexpr std::int32_t kMinRating = 1;
    static constexpr std::int32_t kMaxRating = 5;

    explicit MembershipRules(const Program& program) : program_(program) {}

    // Enrol event then CardLink event. Refused with InvalidAmount (the code
    // for invalid input) when memberId or cardId is empty, or the display
    // name is empty after trimming whitespace or longer than
    // kMaxDisplayNameBytes. Reasons: "Welcome to <programme>" (Enrol) and
    // "Card added to your membership" (CardLink).
    Expected<Enrolment, Refusal> enrol(const std::string& memberId, const std::string& displayName,
                                       const std::string& cardId, const std::string& staffId,
                                       const Instant& now) const;

    // Replaces a member's card (lost, stolen, damaged). Checks, in this order:
    // MemberBlocked; InvalidAmount when newCardId is empty or equals the old
    // card's id; ReasonRequired when `reason` is blank. Events: CardBlock of
    // the old card with `reason` (trimmed; e.g. "Card reported lost") -- left
    // out when the old card is already lost or blocked -- then CardLink of
    // the new card ("Replacement card added. Your points stay with you.").
    // Replacing a lost or blocked card is allowed: that is the usual case.
    Expected<Decision, Refusal> replaceCard(const MemberState& member, const CardState& oldCard,
                                            const std::string& newCardId,
                                            const std::string& staffId, const std::string& reason,
                                            const Instant& now) const;

    // Blocks a card (e.g. reported lost). CardNotActive when it is already lost
    // or blocked; ReasonRequired when `reason` is blank. One CardBlock event
    // with the trimmed reason. Allowed for a blocked member too.
    Expected<Decision, Refusal> blockCard(const MemberState& member, const CardState& card,
                                          const std::string& staffId, const std::string& reason,
                                          const Instant& now) const;

    // The optional satisfaction rating after an interaction: one Rating event
    // (reason "You rated your visit N out of 5"). InvalidAmount outside
    // kMinRating..kMaxRating. Accepted whatever the member's or card's status.
    Expected<Decision, Refusal> rate(const MemberState& member, const CardState& card,
                                     std::int32_t rating, const Instant& now) const;

    // `text` without leading and trailing whitespace (space, tab, CR, LF, VT, FF).
    static std::string trim(const std::string& text);

private:
    const Program& program_;
};

}  // namespace loyalty
