#pragma once
// Which screen draws which view: one instance of every screen, and the
// dispatch from the flow's ScreenId to the screen and its view model.

#include <optional>

#include "kiosk/Intent.h"
#include "kiosk/KioskFlow.h"
#include "ui/UiContext.h"
#include "ui/screens/AmountEntryScreen.h"
#include "ui/screens/AttractScreen.h"
#include "ui/screens/ConfirmActionScreen.h"
#include "ui/screens/MemberScreen.h"
#include "ui/screens/MessageScreen.h"
#include "ui/screens/RatingScreen.h"
#include "ui/screens/RewardChoiceScreen.h"
#include "ui/screens/RewardCodeScreen.h"
#include "ui/screens/StaffLoginScreen.h"
#include "ui/screens/StaffMenuScreen.h"
#include "ui/screens/SummaryScreen.h"
#include "ui/screens/TechnicianScreen.h"

namespace ui {

class ScreenRouter {
public:
    std::optional<kiosk::Intent> draw(const kiosk::KioskFlow& flow, const UiContext& ui);

private:
    AttractScreen attract_;
    MessageScreen cardReading_{kiosk::ScreenId::CardReading};
    MessageScreen unknownCard_{kiosk::ScreenId::UnknownCard};
    MessageScreen refusedCard_{kiosk::ScreenId::RefusedCard};
    MessageScreen confirmation_{kiosk::ScreenId::Confirmation};
    MessageScreen actionRefused_{kiosk::ScreenId::ActionRefused};
    MessageScreen tapNewCard_{kiosk::ScreenId::TapNewCard};
    MemberScreen member_;
    StaffLoginScreen staffLogin_;
    StaffMenuScreen staffMenu_;
    AmountEntryScreen amountEntry_;
    RewardChoiceScreen rewardChoice_;
    ConfirmActionScreen confirmAction_;
    RatingScreen rating_;
    RewardCodeScreen rewardCode_;
    SummaryScreen summary_;
    TechnicianScreen technician_;
};

}  // namespace ui
