#pragma once
// The view model of every screen, from the flow's state and the catalogue of
// the session's language. Reads, never changes, the state.

#include <string>
#include <vector>

#include "config/Catalog.h"
#include "kiosk/FlowState.h"
#include "kiosk/Formatter.h"
#include "kiosk/ViewModels.h"
#include "loyalty/Program.h"

namespace kiosk {

class ViewBuilder {
public:
    ViewBuilder(const FlowState& state, const loyalty::Program& program, const std::vector<config::Catalog>& catalogues);

    AttractView attract() const;
    MessageView message() const;
    MemberView member() const;
    StaffLoginView staffLogin() const;
    StaffMenuView staffMenu() const;
    AmountEntryView amountEntry() const;
    RewardChoiceView rewardChoice() const;
    MessageView tapNewCard() const;
    ConfirmActionView confirmAction() const;
    RatingView rating() const;
    RewardCodeView rewardCode() const;
    SummaryView summary() const;
    TechnicianView technician() const;

private:
    Chrome chrome() const;
    std::vector<LanguageOption> languages() const;
    std::string text(const Text& text) const;
    std::string text(const std::string& key) const { return catalogue_.text(key); }
    KeypadView keypad(std::string entry, bool okEnabled) const;
    std::vector<std::string> reasons() const;
    std::vector<std::string> confirmLines() const;

    const FlowState& state_;
    const loyalty::Program& program_;
    const std::vector<config::Catalog>& catalogues_;
    const config::Catalog& catalogue_;
    Formatter format_;
};

}  // namespace kiosk
