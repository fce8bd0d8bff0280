#pragma once
// The member screen, from the member's snapshot and the loyalty rules:
// balance with its pending part, tier and progress, points expiring soon,
// offers to activate, rewards affordable now and the next one, history with
// a readable reason for every movement. Programme names (rewards, offers,
// tiers) are shown in the session's language when the programme gives one.

#include <string>
#include <vector>

#include "config/Catalog.h"
#include "kiosk/FlowState.h"
#include "kiosk/Formatter.h"
#include "kiosk/ViewModels.h"
#include "loyalty/Program.h"

namespace kiosk {

class MemberViewBuilder {
public:
    MemberViewBuilder(const loyalty::Program& program, const config::Catalog& catalogue, const Formatter& format)
        : program_(program), catalogue_(catalogue), format_(format) {}

    // Fills everything but the chrome and the languages.
    MemberView build(const CustomerSession& customer, const FlowState& state) const;

    // Rewards as a line each (affordable first), for the member and staff screens.
    std::vector<RewardLine> rewards(const MemberSnapshot& snapshot, const FlowState& state, bool onlyInReach) const;
    HistoryLine historyLine(const HistoryEntry& entry) const;

    // A programme item's name (tier, reward, offer, the programme) in the
    // session's language, falling back to the programme file's own.
    template <class Item>
    const std::string& nameOf(const Item& item) const {
        return loyalty::localName(item, catalogue_.language());
    }

private:
    void fillTier(MemberView& view, const MemberSnapshot& snapshot, const FlowState& state) const;
    void fillOffers(MemberView& view, const MemberSnapshot& snapshot, const FlowState& state) const;

    const loyalty::Program& program_;
    const config::Catalog& catalogue_;
    const Formatter& format_;
};

}  // namespace kiosk
