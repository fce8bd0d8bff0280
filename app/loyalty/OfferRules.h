#pragma once
// Personalised offers: which offers a member may see and activate ("clip"),
// and why, and the activation itself. The audience fields of an Offer
// combine with AND; an empty field does not restrict. The rules are
// documented in docs/rules/rewards-offers-limits.md.

#include <string>
#include <vector>

#include "loyalty/Event.h"
#include "loyalty/Expected.h"
#include "loyalty/MemberState.h"
#include "loyalty/Program.h"
#include "loyalty/Refusal.h"

namespace loyalty {

// Why an offer is shown to a member: one entry per audience rule it matched.
enum class OfferReason {
    Everyone,   // the offer has no audience rule
    Tier,       // the member's tier is one of the offer's tiers
    Segment,    // the member is in one of the offer's segments
    Birthday,   // it is the member's birthday month
    WinBack,    // no activity for at least lapsedDays
    NewMember,  // within newMemberDays of enrolment
};

struct EligibleOffer {
    const Offer* offer = nullptr;       // points into the Program
    std::vector<OfferReason> reasons;   // in the order above, never empty
    std::string why;                    // English sentence for the screen: "Because it is your birthday month."
};

class OfferRules {
public:
    explicit OfferRules(const Program& program) : program_(program) {}

    // Offers the member may activate now, in programme order: within the
    // validity window (shop-local dates, inclusive), audience matched,
    // per-member limit not reached, not currently active. A blocked member
    // is offered nothing.
    //
    // Day counts are whole shop-local calendar days between dates:
    //  - lapsedDays N: days since lastActivityOn >= N (exactly N days is
    //    lapsed). A member with no recorded activity counts from enrolledOn.
    //  - newMemberDays N: days since enrolledOn < N, i.e. the enrolment day
    //    and the N-1 days after it. An enrolment date after today matches
    //    neither rule.
    //  - perMemberLimit <= 0 means unlimited activations.
    std::vector<EligibleOffer> eligible(const MemberState& member, const Instant& now) const;

    // Activates one offer. Checks, in this order, the first failure wins:
    //   MemberBlocked, CardNotActive, UnknownOffer, OfferNotActive (outside
    //   its validity window), OfferAlreadyActivated (currently active),
    //   MemberLimitReached, OfferNotEligible (audience not matched).
    // The decision is one OfferActivate event (offerId, reason
    // "Activated: <offer name>", no points).
    Expected<Decision, Refusal> activate(const MemberState& member, const CardState& card,
                                         const std::string& offerId, const Instant& now) const;

private:
    bool withinValidity(const Offer& offer, const Instant& now) const;
    bool limitReached(const Offer& offer, const MemberState& member) const;
    // The reasons the audience rules match, or empty when one of them fails.
    std::vector<OfferReason> audienceMatch(const Offer& offer, const MemberState& member,
                                           const Instant& now) const;

    const Program& program_;
};

}  // namespace loyalty
