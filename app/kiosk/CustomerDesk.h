#pragma once
// The customer's screens: attract, member, unknown card, refused card,
// rating and the digital reward's code. Offers and digital rewards are
// checked with the loyalty rules on the member's snapshot before anything is
// asked of the app (which checks again with fresh state when it records).

#include "kiosk/FlowSteps.h"

namespace kiosk {

class CustomerDesk {
public:
    static Outcome handle(FlowContext context, const Intent& intent);

private:
    static Outcome onMember(FlowContext context, const Intent& intent);
    static Outcome activateOffer(FlowContext context, const std::string& offerId);
    static Outcome chooseReward(FlowContext context, const std::string& rewardId);
    static Outcome finish(FlowContext context);
};

}  // namespace kiosk
