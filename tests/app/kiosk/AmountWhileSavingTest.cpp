// What the amount screen shows while an award or an adjustment is being
// saved. Found by the scripted session under Xvfb (tests/app/ui/
// ScriptedSessionTest.cpp): the trace showed "€0.00" and no preview beside
// "Saving…", because the keypad was cleared when Confirm was pressed.

#include <optional>
#include <string>

#include "FlowTestSupport.h"

#include <CppUTest/TestHarness.h>

using kiosk::ScreenId;
using kiosk::StaffAction;
using kiosk::StaffRole;
using namespace flowtest;

TEST_GROUP(AmountWhileSaving) {
    FlowDriver driver;

    std::optional<kiosk::RecordDecision> awardTwelveThirtyFour() {
        driver.tapMember();
        driver.login(StaffRole::Cashier);
        driver.press(kiosk::ChooseStaffAction{StaffAction::Award});
        driver.type("1234");
        return effectOf<kiosk::RecordDecision>(driver.press(kiosk::KeypadOk{}));
    }
};

TEST(AmountWhileSaving, TheAwardKeepsItsAmountAndPreviewOnScreenUntilItIsRecorded) {
    const auto record = awardTwelveThirtyFour();
    CHECK_TRUE(record.has_value());
    LONGS_EQUAL(1234, std::get<kiosk::EarnPurchase>(record->what).amount);
    CHECK(driver.flow.screen() == ScreenId::AmountEntry);
    const auto saving = driver.flow.amountEntryView();
    CHECK_TRUE(saving.chrome.busy);
    STRCMP_EQUAL("€12.34", saving.keypad.entryText.c_str());
    STRCMP_EQUAL("+18 pts", saving.previewText.c_str());

    auto after = goldMember();
    after.member.pendingDelta += 18;
    driver.send(kiosk::DecisionRecorded{record->request, after, 18, std::nullopt});
    CHECK(driver.flow.screen() == ScreenId::Confirmation);
    driver.press(kiosk::Confirm{});
    driver.press(kiosk::ChooseStaffAction{StaffAction::Award});
    STRCMP_EQUAL("€0.00", driver.flow.amountEntryView().keypad.entryText.c_str());
}

TEST(AmountWhileSaving, AnAdjustmentKeepsItsPointsOnScreenUntilItIsRecorded) {
    driver.tapMember();
    driver.login(StaffRole::Manager);
    driver.press(kiosk::ChooseStaffAction{StaffAction::Adjust});
    driver.type("25");
    driver.press(kiosk::ChooseReason{1});
    const auto record = effectOf<kiosk::RecordDecision>(driver.press(kiosk::KeypadOk{}));
    CHECK_TRUE(record.has_value());
    const auto saving = driver.flow.amountEntryView();
    CHECK_TRUE(saving.chrome.busy);
    STRCMP_EQUAL("+25", saving.keypad.entryText.c_str());
}
