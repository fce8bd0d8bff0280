#pragma once
// Staff corrections: voiding a recorded event and adjusting a balance. Both
// need a reason the customer can read; who may do them (roles) is the
// kiosk's business. The rules are documented in
// docs/rules/earning-tiers-expiry.md.

#include <string>

#include "loyalty/Event.h"
#include "loyalty/Expected.h"
#include "loyalty/MemberState.h"
#include "loyalty/Refusal.h"

namespace loyalty {

class Corrections {
public:
    // Reverses `target` with one Void event: voidsEventId = target.id,
    // pointsDelta = -target's delta, stamps = -target's stamps, the target's
    // card, reward, offer and stamp card ids. Checks, first failure wins:
    //   NothingToVoid   target has no id, or moved neither points nor stamps
    //   NotVoidable     target is a void, expiry, enrolment, card event,
    //                   offer activation or rating, or another member's event
    //   AlreadyVoided   target.voided
    //   ReasonRequired  reason is empty or whitespace only
    //   Overflow        the delta or the new balance would not fit
    //   InsufficientPoints  a deduction would take the balance below zero (an
    //                   earn whose points were already spent: void the
    //                   redemption first, or adjust with a reason), or the
    //                   stamps held on the stamp card below zero
    // A reversal that gives points back is never refused for the balance.
    static Expected<Decision, Refusal> voidEvent(const RecordedEvent& target, const std::string& staffId,
                                                 const std::string& reason, const MemberState& member);

    // A manual adjustment of `delta` points with one Adjust event. Refuses
    // InvalidAmount (delta 0), ReasonRequired, Overflow (the balance would
    // not fit) and InsufficientPoints (the balance would go below zero).
    // Allowed for blocked members and any card status: corrections must stay
    // possible.
    static Expected<Decision, Refusal> adjust(const MemberState& member, const CardState& card, Points delta,
                                              const std::string& staffId, const std::string& reason);
};

}  // namespace loyalty
