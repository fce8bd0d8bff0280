// Issue 6 item 8's scripted session at the flow level: tap the gold card ->
// member screen -> staff login -> award 12.34 -> balance updated -> void by
// a manager -> balance restored -> idle -> attract.

#include <string>

#include "FlowTestSupport.h"

#include <CppUTest/TestHarness.h>

using kiosk::ScreenId;
using kiosk::StaffAction;
using kiosk::StaffRole;
using namespace flowtest;

TEST_GROUP(ScriptedSession) {
    FlowDriver driver;
};

TEST(ScriptedSession, AwardThenVoidByAManagerThenIdle) {
    driver.tick(10'000);

    // Tap the gold card.
    const auto request = driver.tap("tok-ana");
    CHECK(request != 0);
    driver.send(kiosk::CardLookedUp{request, goldMember()});
    CHECK(driver.flow.screen() == ScreenId::Member);
    STRCMP_EQUAL("1,240 pts", driver.flow.memberView().balanceText.c_str());
    STRCMP_EQUAL("Gold", driver.flow.memberView().tierName.c_str());

    // Staff login (cashier, staff code and PIN).
    driver.login(StaffRole::Cashier, "s-anna", "Anna");
    CHECK(driver.flow.screen() == ScreenId::StaffMenu);

    // Award 12.34.
    driver.press(kiosk::ChooseStaffAction{StaffAction::Award});
    driver.type("1234");
    STRCMP_EQUAL("+18 pts", driver.flow.amountEntryView().previewText.c_str());
    const auto award = driver.press(kiosk::Confirm{});
    const auto earn = expectEffect<kiosk::RecordDecision>(award);
    CHECK(earn.has_value());
    LONGS_EQUAL(1234, std::get<kiosk::EarnPurchase>(earn->what).amount);

    auto afterEarn = goldMember();
    afterEarn.member.pendingDelta += 18;
    afterEarn.history.insert(afterEarn.history.begin(), earnEntry("e-3", 1234, 18, {2026, 12, 20}));
    driver.send(kiosk::DecisionRecorded{earn->request, afterEarn, 18, std::nullopt});

    // Balance updated.
    STRCMP_EQUAL("+18 pts added. New balance: 1,258 pts", driver.flow.messageView().message.c_str());
    driver.press(kiosk::Confirm{});
    STRCMP_EQUAL("Ana \u00b7 1,258 pts", driver.flow.staffMenuView().customerLine.c_str());

    // The cashier cannot void; a manager takes over with their card and PIN.
    CHECK_FALSE(driver.press(kiosk::ChooseStaffAction{StaffAction::Void}).effects.size() > 0);
    CHECK(driver.flow.screen() == ScreenId::StaffMenu);
    driver.press(kiosk::StaffLogout{});
    CHECK(driver.flow.screen() == ScreenId::Member);
    STRCMP_EQUAL("1,258 pts", driver.flow.memberView().balanceText.c_str());
    driver.send(kiosk::CardRemoved{});
    const auto managerCard = driver.tap("tok-marco");
    driver.send(kiosk::CardLookedUp{managerCard, kiosk::StaffCard{"s-marco", "Marco", StaffRole::Manager}});
    CHECK(driver.flow.screen() == ScreenId::StaffLogin);
    driver.type("2468");
    const auto verify = expectEffect<kiosk::VerifyStaffPin>(driver.press(kiosk::KeypadOk{}));
    CHECK(verify.has_value());
    driver.send(kiosk::StaffVerified{verify->request, "s-marco", "Marco", StaffRole::Manager});
    CHECK(driver.flow.screen() == ScreenId::StaffMenu);

    // Void the award.
    driver.press(kiosk::ChooseStaffAction{StaffAction::Void});
    CHECK(driver.flow.screen() == ScreenId::ConfirmAction);
    const auto confirm = driver.flow.confirmActionView();
    STRCMP_EQUAL("20 December 2026: Purchase of €12.34 +18 pts", confirm.lines[0].c_str());
    CHECK_FALSE(confirm.confirmEnabled);
    driver.press(kiosk::ChooseReason{0});
    const auto voidOutcome = driver.press(kiosk::Confirm{});
    const auto voiding = expectEffect<kiosk::RecordDecision>(voidOutcome);
    CHECK(voiding.has_value());
    const auto& target = std::get<kiosk::VoidEvent>(voiding->what);
    STRCMP_EQUAL("e-3", target.eventId.c_str());
    STRCMP_EQUAL("Entered by mistake", target.reason.c_str());
    STRCMP_EQUAL("s-marco", voiding->staffId.c_str());
    CHECK_TRUE(voiding->managerOverride);

    auto afterVoid = afterEarn;
    afterVoid.member.pendingDelta -= 18;
    afterVoid.history[0].voided = true;
    kiosk::HistoryEntry voidEntry;
    voidEntry.eventId = "e-4";
    voidEntry.type = loyalty::EventType::Void;
    voidEntry.points = -18;
    voidEntry.reason = "Entered by mistake";
    voidEntry.on = {2026, 12, 20};
    afterVoid.history.insert(afterVoid.history.begin(), voidEntry);
    driver.send(kiosk::DecisionRecorded{voiding->request, afterVoid, -18, std::nullopt});

    // Balance restored.
    STRCMP_EQUAL("-18 pts. New balance: 1,240 pts", driver.flow.messageView().message.c_str());
    driver.press(kiosk::Confirm{});
    driver.press(kiosk::StaffLogout{});
    const auto member = driver.flow.memberView();
    STRCMP_EQUAL("1,240 pts", member.balanceText.c_str());
    STRCMP_EQUAL("Correction: Entered by mistake", member.history[0].reasonText.c_str());
    STRCMP_EQUAL("Purchase of €12.34 (cancelled)", member.history[1].reasonText.c_str());
    CHECK_TRUE(member.history[1].voided);

    // Idle -> attract, nothing personal left.
    const std::int64_t lastTouch = driver.nowMs;
    driver.tick(lastTouch + 19'999);
    CHECK(driver.flow.screen() == ScreenId::Member);
    driver.tick(lastTouch + 20'000);
    CHECK(driver.flow.screen() == ScreenId::Attract);
    CHECK_FALSE(driver.flow.holdsPersonalData());
    STRCMP_EQUAL("", driver.flow.memberView().greeting.c_str());
}
