#include "ui/ScreenRouter.h"

namespace ui {

std::optional<kiosk::Intent> ScreenRouter::draw(const kiosk::KioskFlow& flow, const UiContext& ui) {
    switch (flow.screen()) {
        case kiosk::ScreenId::Attract: return attract_.draw(flow.attractView(), ui);
        case kiosk::ScreenId::CardReading: return cardReading_.draw(flow.messageView(), ui);
        case kiosk::ScreenId::UnknownCard: return unknownCard_.draw(flow.messageView(), ui);
        case kiosk::ScreenId::RefusedCard: return refusedCard_.draw(flow.messageView(), ui);
        case kiosk::ScreenId::Confirmation: return confirmation_.draw(flow.messageView(), ui);
        case kiosk::ScreenId::ActionRefused: return actionRefused_.draw(flow.messageView(), ui);
        case kiosk::ScreenId::TapNewCard: return tapNewCard_.draw(flow.tapNewCardView(), ui);
        case kiosk::ScreenId::Member: return member_.draw(flow.memberView(), ui);
        case kiosk::ScreenId::StaffLogin: return staffLogin_.draw(flow.staffLoginView(), ui);
        case kiosk::ScreenId::StaffMenu: return staffMenu_.draw(flow.staffMenuView(), ui);
        case kiosk::ScreenId::AmountEntry: return amountEntry_.draw(flow.amountEntryView(), ui);
        case kiosk::ScreenId::RewardChoice: return rewardChoice_.draw(flow.rewardChoiceView(), ui);
        case kiosk::ScreenId::ConfirmAction: return confirmAction_.draw(flow.confirmActionView(), ui);
        case kiosk::ScreenId::Rating: return rating_.draw(flow.ratingView(), ui);
        case kiosk::ScreenId::RewardCode: return rewardCode_.draw(flow.rewardCodeView(), ui);
        case kiosk::ScreenId::TodaySummary: return summary_.draw(flow.summaryView(), ui);
        case kiosk::ScreenId::Technician: return technician_.draw(flow.technicianView(), ui);
    }
    return std::nullopt;
}

}  // namespace ui
