#pragma once
// The customer at the kiosk: the card in hand and, for a member, what the
// lookup returned. Personal data lives here and nowhere else in the flow;
// the flow drops the whole object when it returns to the attract screen.

#include <optional>
#include <string>

#include "kiosk/Messages.h"

namespace kiosk {

class CustomerSession {
public:
    static CustomerSession forMember(const CardTapped& card, MemberSnapshot snapshot);
    static CustomerSession forUnknownCard(const CardTapped& card);

    bool isMember() const { return snapshot_.has_value(); }
    const MemberSnapshot* snapshot() const { return snapshot_ ? &*snapshot_ : nullptr; }
    void update(MemberSnapshot snapshot) { snapshot_ = std::move(snapshot); }
    const std::string& memberId() const;
    const CardTapped& card() const { return card_; }

    // The newest history entry a manager may void: an earn, redemption,
    // adjustment or stamp that is not voided yet. nullptr when there is none.
    const HistoryEntry* lastVoidable() const;
    // The first name only, whatever the record holds.
    std::string firstName() const;

    // Something happened worth rating (an offer activated, points earned ...).
    void markInteracted() { interacted_ = true; }
    bool interacted() const { return interacted_; }

private:
    explicit CustomerSession(CardTapped card) : card_(std::move(card)) {}

    CardTapped card_;
    std::optional<MemberSnapshot> snapshot_;
    bool interacted_ = false;
};

}  // namespace kiosk
