// Staff at the kiosk: login by code or card with a PIN, lockout, role
// gating, award with the rules' preview, redeem, enrol, replace, block,
// void, adjust, today's summary, the technician screen.

#include <string>
#include <vector>

#include "FlowTestSupport.h"

#include <CppUTest/TestHarness.h>

using kiosk::ScreenId;
using kiosk::StaffAction;
using kiosk::StaffRole;
using namespace flowtest;

namespace {

const kiosk::StaffActionLine& line(const kiosk::StaffMenuView& view, StaffAction action) {
    for (const auto& entry : view.actions) {
        if (entry.action == action) {
            return entry;
        }
    }
    FAIL("no such action in the menu");
    return view.actions.front();
}

}  // namespace

TEST_GROUP(StaffLogin) {
    FlowDriver driver;
};

TEST(StaffLogin, AStaffCodeThenAMaskedPinAsksForVerification) {
    driver.tapMember();
    driver.press(kiosk::StartStaffLogin{});
    CHECK(driver.flow.screen() == ScreenId::StaffLogin);
    STRCMP_EQUAL("Tap your staff card or enter your staff code", driver.flow.staffLoginView().prompt.c_str());
    CHECK_FALSE(driver.press(kiosk::KeypadOk{}).changed);  // nothing typed
    driver.type("12");
    STRCMP_EQUAL("12", driver.flow.staffLoginView().keypad.entryText.c_str());
    driver.press(kiosk::KeypadOk{});
    STRCMP_EQUAL("Enter your PIN", driver.flow.staffLoginView().prompt.c_str());
    driver.type("987");
    STRCMP_EQUAL("\u2022\u2022\u2022", driver.flow.staffLoginView().keypad.entryText.c_str());
    const auto tooShort = driver.press(kiosk::KeypadOk{});
    CHECK_TRUE(tooShort.effects.empty());
    STRCMP_EQUAL("The PIN has at least 4 digits.", driver.flow.staffLoginView().error.c_str());
    driver.type("6");
    const auto outcome = driver.press(kiosk::KeypadOk{});
    const auto verify = expectEffect<kiosk::VerifyStaffPin>(outcome);
    CHECK(verify.has_value());
    STRCMP_EQUAL("12", verify->staffCode.c_str());
    STRCMP_EQUAL("", verify->staffId.c_str());
    STRCMP_EQUAL("9876", verify->pin.c_str());
    // The PIN is not kept once it is sent.
    STRCMP_EQUAL("", driver.flow.staffLoginView().keypad.entryText.c_str());
    CHECK_TRUE(driver.flow.staffLoginView().chrome.busy);
    driver.send(kiosk::StaffVerified{verify->request, "s-anna", "Anna", StaffRole::Cashier});
    CHECK(driver.flow.screen() == ScreenId::StaffMenu);
    const auto menu = driver.flow.staffMenuView();
    STRCMP_EQUAL("Anna \u00b7 Cashier", menu.staffLine.c_str());
    STRCMP_EQUAL("Ana \u00b7 1,240 pts", menu.customerLine.c_str());
}

TEST(StaffLogin, AStaffCardAsksForThePinOnlyAndKeepsTheCustomer) {
    driver.tapMember();
    const auto request = driver.tap("tok-marco");
    driver.send(kiosk::CardLookedUp{request, kiosk::StaffCard{"s-marco", "Marco", StaffRole::Manager}});
    CHECK(driver.flow.screen() == ScreenId::StaffLogin);
    const auto view = driver.flow.staffLoginView();
    STRCMP_EQUAL("Marco", view.staffName.c_str());
    STRCMP_EQUAL("Enter your PIN", view.prompt.c_str());
    driver.type("4321");
    const auto outcome = driver.press(kiosk::KeypadOk{});
    const auto verify = expectEffect<kiosk::VerifyStaffPin>(outcome);
    CHECK(verify.has_value());
    STRCMP_EQUAL("s-marco", verify->staffId.c_str());
    driver.send(kiosk::StaffVerified{verify->request, "s-marco", "Marco", StaffRole::Manager});
    CHECK(driver.flow.screen() == ScreenId::StaffMenu);
    STRCMP_EQUAL("Ana \u00b7 1,240 pts", driver.flow.staffMenuView().customerLine.c_str());
}

TEST(StaffLogin, AWrongPinSaysHowManyAttemptsAreLeft) {
    driver.press(kiosk::StartStaffLogin{});
    driver.type("12");
    driver.press(kiosk::KeypadOk{});
    driver.type("0000");
    const auto verify = expectEffect<kiosk::VerifyStaffPin>(driver.press(kiosk::KeypadOk{}));
    driver.send(kiosk::StaffRefused{verify->request, 2, std::nullopt});
    CHECK(driver.flow.screen() == ScreenId::StaffLogin);
    const auto view = driver.flow.staffLoginView();
    STRCMP_EQUAL("Wrong PIN. 2 attempts left.", view.error.c_str());
    CHECK_FALSE(view.locked);
    CHECK_FALSE(view.chrome.busy);
    driver.type("1");
    STRCMP_EQUAL("", driver.flow.staffLoginView().error.c_str());
}

TEST(StaffLogin, ALockoutSaysForHowLongAndTakesNoMoreDigits) {
    driver.press(kiosk::StartStaffLogin{});
    driver.type("12");
    driver.press(kiosk::KeypadOk{});
    driver.type("0000");
    const auto verify = expectEffect<kiosk::VerifyStaffPin>(driver.press(kiosk::KeypadOk{}));
    const std::int64_t nowMs = today().utcSeconds * 1000;
    driver.send(kiosk::StaffRefused{verify->request, 0, nowMs + 15 * 60'000});
    const auto view = driver.flow.staffLoginView();
    CHECK_TRUE(view.locked);
    STRCMP_EQUAL("Too many wrong PINs. Try again in 15 min or ask a manager.", view.error.c_str());
    CHECK_FALSE(view.keypad.okEnabled);
    CHECK_FALSE(driver.press(kiosk::KeypadDigit{1}).changed);
    CHECK_TRUE(driver.press(kiosk::KeypadOk{}).effects.empty());
    driver.press(kiosk::Cancel{});
    CHECK(driver.flow.screen() == ScreenId::Attract);
}

TEST(StaffLogin, CancelGoesBackToTheCustomer) {
    driver.tapMember();
    driver.press(kiosk::StartStaffLogin{});
    driver.type("12");
    driver.press(kiosk::Cancel{});
    CHECK(driver.flow.screen() == ScreenId::Member);
}

TEST(StaffLogin, ALateVerificationAfterCancelIsIgnored) {
    driver.press(kiosk::StartStaffLogin{});
    driver.type("12");
    driver.press(kiosk::KeypadOk{});
    driver.type("1234");
    const auto verify = expectEffect<kiosk::VerifyStaffPin>(driver.press(kiosk::KeypadOk{}));
    const auto request = verify->request;
    driver.advance(60'000);  // staff timeout while waiting
    CHECK(driver.flow.screen() == ScreenId::Attract);
    CHECK_FALSE(driver.send(kiosk::StaffVerified{request, "s-anna", "Anna", StaffRole::Manager}).changed);
    CHECK(driver.flow.screen() == ScreenId::Attract);
    CHECK_FALSE(driver.flow.holdsPersonalData());
}

TEST(StaffLogin, ATechnicianSeesTheTechnicianScreenAndNoCustomer) {
    driver.tapMember();
    driver.press(kiosk::StartStaffLogin{});
    driver.type("99");
    driver.press(kiosk::KeypadOk{});
    driver.type("1234");
    const auto verify = expectEffect<kiosk::VerifyStaffPin>(driver.press(kiosk::KeypadOk{}));
    const auto outcome = driver.send(kiosk::StaffVerified{verify->request, "s-tech", "Tess", StaffRole::Technician});
    CHECK(driver.flow.screen() == ScreenId::Technician);
    const auto load = expectEffect<kiosk::LoadDiagnostics>(outcome);
    CHECK(load.has_value());
    kiosk::Diagnostics diagnostics;
    diagnostics.databaseBytes = 12'500'000;
    diagnostics.databaseCheck = "ok";
    diagnostics.version = "0.1.0";
    diagnostics.addresses = {"192.168.1.20", "fe80::1"};
    diagnostics.diskFreeBytes = 3'200'000'000;
    diagnostics.logLines = {"reader ready"};
    driver.send(kiosk::DiagnosticsLoaded{load->request, diagnostics});
    driver.send(kiosk::ReaderStatusChanged{kiosk::ReaderState::Ready, "PN532 v1.6", ""});
    driver.send(kiosk::SyncStatusChanged{true, 3, 4'000, 1});
    driver.send(kiosk::Message{card("tok-x", "04A1B2C3D4E5F6")});
    const auto view = driver.flow.technicianView();
    std::string all;
    for (const auto& row : view.rows) {
        all += row.label + "=" + row.value + ";";
    }
    CHECK(all.find("Card reader=Ready;") != std::string::npos);
    CHECK(all.find("Firmware=PN532 v1.6;") != std::string::npos);
    CHECK(all.find("Last card read=NTAG 21x \u2026E5F6;") != std::string::npos);
    CHECK(all.find("Events waiting=3;") != std::string::npos);
    CHECK(all.find("Oldest unsent=4 s;") != std::string::npos);
    CHECK(all.find("Database size=12 MB;") != std::string::npos);
    CHECK(all.find("Addresses=192.168.1.20, fe80::1;") != std::string::npos);
    CHECK(all.find("Disk free=3,200 MB;") != std::string::npos);
    CHECK(all.find("tok-x") == std::string::npos);  // never the token
    LONGS_EQUAL(1, view.logLines.size());
    CHECK_FALSE(driver.flow.holdsPersonalData() && driver.flow.memberView().greeting.find("Ana") != std::string::npos);
    const auto test = driver.press(kiosk::RunReaderTest{});
    const auto reader = expectEffect<kiosk::TestReader>(test);
    CHECK(reader.has_value());
    driver.send(kiosk::ReaderTested{reader->request, true, "PN532 v1.6"});
    STRCMP_EQUAL("Reader OK: PN532 v1.6", driver.flow.technicianView().testResult.c_str());
    driver.press(kiosk::StaffLogout{});
    CHECK(driver.flow.screen() == ScreenId::Attract);
}

TEST_GROUP(StaffActions) {
    FlowDriver driver;

    std::optional<kiosk::RecordDecision> lastRecord;
    kiosk::Outcome last;

    void serveAna(StaffRole role) {
        driver.tapMember();
        driver.login(role);
    }
    void confirm() {
        last = driver.press(kiosk::Confirm{});
        lastRecord = effectOf<kiosk::RecordDecision>(last);
    }
};

TEST(StaffActions, ACashierMayNotVoidOrAdjust) {
    serveAna(StaffRole::Cashier);
    const auto menu = driver.flow.staffMenuView();
    CHECK_FALSE(line(menu, StaffAction::Void).enabled);
    STRCMP_EQUAL("Manager only", line(menu, StaffAction::Void).disabledReason.c_str());
    CHECK_FALSE(line(menu, StaffAction::Adjust).enabled);
    CHECK_TRUE(line(menu, StaffAction::Award).enabled);
    CHECK_TRUE(line(menu, StaffAction::Redeem).enabled);
    CHECK_FALSE(line(menu, StaffAction::Enrol).enabled);  // Ana already has a membership
    const auto outcome = driver.press(kiosk::ChooseStaffAction{StaffAction::Void});
    CHECK_TRUE(outcome.effects.empty());
    CHECK(driver.flow.screen() == ScreenId::StaffMenu);
    STRCMP_EQUAL("Manager only", driver.flow.staffMenuView().notice.c_str());
    driver.press(kiosk::ChooseStaffAction{StaffAction::Adjust});
    CHECK(driver.flow.screen() == ScreenId::StaffMenu);
}

TEST(StaffActions, AManagerMayVoidAndAdjust) {
    serveAna(StaffRole::Manager);
    const auto menu = driver.flow.staffMenuView();
    CHECK_TRUE(line(menu, StaffAction::Void).enabled);
    CHECK_TRUE(line(menu, StaffAction::Adjust).enabled);
}

TEST(StaffActions, AwardShowsTheRulesPreviewAndRecordsThePurchase) {
    serveAna(StaffRole::Cashier);
    driver.press(kiosk::ChooseStaffAction{StaffAction::Award});
    CHECK(driver.flow.screen() == ScreenId::AmountEntry);
    CHECK_FALSE(driver.flow.amountEntryView().keypad.okEnabled);
    driver.type("1234");
    const auto view = driver.flow.amountEntryView();
    STRCMP_EQUAL("€12.34", view.keypad.entryText.c_str());
    STRCMP_EQUAL("+18 pts", view.previewText.c_str());  // 12 base, x1.5 for Gold
    STRCMP_EQUAL("Base: 12 pts", view.previewLines[0].c_str());
    STRCMP_EQUAL("Gold tier: +6 pts", view.previewLines[1].c_str());
    CHECK_TRUE(view.keypad.okEnabled);
    confirm();
    CHECK(lastRecord.has_value());
    LONGS_EQUAL(1234, std::get<kiosk::EarnPurchase>(lastRecord->what).amount);
    STRCMP_EQUAL("s-anna", lastRecord->staffId.c_str());
    CHECK_FALSE(lastRecord->managerOverride);
    // A second tap on Confirm while saving records nothing more.
    const auto again = driver.press(kiosk::Confirm{});
    CHECK_TRUE(again.effects.empty());
    auto after = goldMember();
    after.member.pendingDelta += 18;
    driver.send(kiosk::DecisionRecorded{lastRecord->request, after, 18, std::nullopt});
    CHECK(driver.flow.screen() == ScreenId::Confirmation);
    const auto done = driver.flow.messageView();
    STRCMP_EQUAL("Points added", done.title.c_str());
    STRCMP_EQUAL("+18 pts added. New balance: 1,258 pts", done.message.c_str());
    driver.press(kiosk::Confirm{});
    CHECK(driver.flow.screen() == ScreenId::StaffMenu);
}

TEST(StaffActions, AnAmountThatEarnsNothingCannotBeConfirmed) {
    serveAna(StaffRole::Cashier);
    driver.press(kiosk::ChooseStaffAction{StaffAction::Award});
    driver.type("50");  // 0.50
    const auto view = driver.flow.amountEntryView();
    STRCMP_EQUAL("0 pts", view.previewText.c_str());
    STRCMP_EQUAL("This amount earns no points", view.previewLines.back().c_str());
    CHECK_FALSE(view.keypad.okEnabled);
    confirm();
    CHECK_FALSE(lastRecord.has_value());
}

TEST(StaffActions, AVelocityHoldShowsInThePreviewAndAManagerReleasesIt) {
    auto busyCard = goldMember();
    busyCard.card.transactionsToday = 5;
    driver.tapMember(busyCard);
    driver.login(StaffRole::Cashier);
    driver.press(kiosk::ChooseStaffAction{StaffAction::Award});
    driver.type("1000");
    const auto view = driver.flow.amountEntryView();
    STRCMP_EQUAL("This card has reached today's number of transactions. A manager must log in to approve it.",
                 view.error.c_str());
    CHECK_FALSE(view.keypad.okEnabled);
    driver.press(kiosk::Cancel{});
    driver.press(kiosk::StartStaffLogin{});  // switch to a manager
    driver.type("77");
    driver.press(kiosk::KeypadOk{});
    driver.type("1234");
    const auto verify = expectEffect<kiosk::VerifyStaffPin>(driver.press(kiosk::KeypadOk{}));
    driver.send(kiosk::StaffVerified{verify->request, "s-marco", "Marco", StaffRole::Manager});
    driver.press(kiosk::ChooseStaffAction{StaffAction::Award});
    driver.type("1000");
    STRCMP_EQUAL("", driver.flow.amountEntryView().error.c_str());
    confirm();
    CHECK(lastRecord.has_value());
    CHECK_TRUE(lastRecord->managerOverride);
    STRCMP_EQUAL("s-marco", lastRecord->staffId.c_str());
}

TEST(StaffActions, RedeemingAPhysicalRewardConfirmsTheHandOver) {
    serveAna(StaffRole::Cashier);
    driver.press(kiosk::ChooseStaffAction{StaffAction::Redeem});
    CHECK(driver.flow.screen() == ScreenId::RewardChoice);
    LONGS_EQUAL(3, driver.flow.rewardChoiceView().rewards.size());
    driver.press(kiosk::ChooseReward{"coffee"});
    CHECK(driver.flow.screen() == ScreenId::ConfirmAction);
    confirm();
    CHECK(lastRecord.has_value());
    STRCMP_EQUAL("coffee", std::get<kiosk::RedeemReward>(lastRecord->what).rewardId.c_str());
    STRCMP_EQUAL("s-anna", lastRecord->staffId.c_str());
    auto after = goldMember();
    after.member.pendingDelta -= 150;
    driver.send(kiosk::DecisionRecorded{lastRecord->request, after, -150, std::nullopt});
    STRCMP_EQUAL("Hand over: Free coffee. New balance: 1,090 pts", driver.flow.messageView().message.c_str());
}

TEST(StaffActions, ARewardTheMemberCannotAffordIsRefusedAtOnce) {
    serveAna(StaffRole::Cashier);
    driver.press(kiosk::ChooseStaffAction{StaffAction::Redeem});
    const auto outcome = driver.press(kiosk::ChooseReward{"bag"});
    CHECK_TRUE(outcome.effects.empty());
    CHECK(driver.flow.screen() == ScreenId::ActionRefused);
    STRCMP_EQUAL("Not enough points", driver.flow.messageView().title.c_str());
    driver.press(kiosk::Confirm{});
    CHECK(driver.flow.screen() == ScreenId::RewardChoice);
}

TEST(StaffActions, EnrolAnUnknownCardWithAFirstName) {
    const auto request = driver.tap("tok-new");
    driver.send(kiosk::CardLookedUp{request, kiosk::UnknownCard{}});
    driver.login(StaffRole::Cashier);
    const auto menu = driver.flow.staffMenuView();
    STRCMP_EQUAL("New card", menu.customerLine.c_str());
    CHECK_TRUE(line(menu, StaffAction::Enrol).enabled);
    CHECK_FALSE(line(menu, StaffAction::Award).enabled);
    driver.press(kiosk::ChooseStaffAction{StaffAction::Enrol});
    CHECK_TRUE(driver.flow.confirmActionView().needsName);
    CHECK_FALSE(driver.flow.confirmActionView().confirmEnabled);
    driver.press(kiosk::EnterName{"  Lucía  "});
    CHECK_TRUE(driver.flow.confirmActionView().confirmEnabled);
    confirm();
    CHECK(lastRecord.has_value());
    const auto& enrol = std::get<kiosk::EnrolMember>(lastRecord->what);
    STRCMP_EQUAL("Lucía", enrol.displayName.c_str());
    STRCMP_EQUAL("04A1B2C3D4E5F6", enrol.uidHex.c_str());
    STRCMP_EQUAL("tok-new", lastRecord->cardToken.c_str());
    STRCMP_EQUAL("", lastRecord->memberId.c_str());
    kiosk::MemberSnapshot lucia;
    lucia.member.memberId = "m-lucia";
    lucia.member.displayName = "Lucía";
    lucia.member.enrolledOn = {2026, 12, 20};
    driver.send(kiosk::DecisionRecorded{lastRecord->request, lucia, 0, std::nullopt});
    STRCMP_EQUAL("Lucía is now a member. Balance: 0 pts", driver.flow.messageView().message.c_str());
    driver.press(kiosk::Confirm{});
    STRCMP_EQUAL("Lucía \u00b7 0 pts", driver.flow.staffMenuView().customerLine.c_str());
}

TEST(StaffActions, ANameThatIsTooLongIsRefusedOnTheConfirmScreen) {
    const auto request = driver.tap("tok-new");
    driver.send(kiosk::CardLookedUp{request, kiosk::UnknownCard{}});
    driver.login(StaffRole::Cashier);
    driver.press(kiosk::ChooseStaffAction{StaffAction::Enrol});
    driver.press(kiosk::EnterName{std::string(65, 'a')});
    confirm();
    CHECK_FALSE(lastRecord.has_value());
    STRCMP_EQUAL("Enter the member's first name (up to 64 characters).", driver.flow.confirmActionView().error.c_str());
}

TEST(StaffActions, ReplaceALostCardWithTheNextCardTapped) {
    serveAna(StaffRole::Cashier);
    driver.press(kiosk::ChooseStaffAction{StaffAction::Replace});
    CHECK(driver.flow.screen() == ScreenId::TapNewCard);
    STRCMP_EQUAL("Tap the new card", driver.flow.tapNewCardView().title.c_str());
    driver.send(kiosk::Message{card("tok-ana")});
    STRCMP_EQUAL("That is the old card. Tap the new one.", driver.flow.tapNewCardView().whatToDo.c_str());
    const auto tapped = driver.send(kiosk::Message{card("tok-ana-2", "04FFEEDDCCBBAA")});
    CHECK_TRUE(tapped.effects.empty());  // no lookup: storage checks the card when it records
    CHECK(driver.flow.screen() == ScreenId::ConfirmAction);
    CHECK_FALSE(driver.flow.confirmActionView().confirmEnabled);  // a reason first
    LONGS_EQUAL(3, driver.flow.confirmActionView().reasons.size());
    driver.press(kiosk::ChooseReason{0});
    confirm();
    CHECK(lastRecord.has_value());
    const auto& replace = std::get<kiosk::ReplaceCard>(lastRecord->what);
    STRCMP_EQUAL("tok-ana-2", replace.newCardToken.c_str());
    STRCMP_EQUAL("Card lost", replace.reason.c_str());
    driver.send(kiosk::DecisionRecorded{lastRecord->request, goldMember(), 0, std::nullopt});
    STRCMP_EQUAL("Card replaced", driver.flow.messageView().title.c_str());
}

TEST(StaffActions, BlockACardNeedsAReason) {
    serveAna(StaffRole::Cashier);
    driver.press(kiosk::ChooseStaffAction{StaffAction::Block});
    confirm();
    CHECK_FALSE(lastRecord.has_value());
    CHECK_FALSE(driver.press(kiosk::ChooseReason{7}).changed);
    driver.press(kiosk::ChooseReason{1});
    confirm();
    CHECK(lastRecord.has_value());
    STRCMP_EQUAL("Card reported stolen", std::get<kiosk::BlockCard>(lastRecord->what).reason.c_str());
}

TEST(StaffActions, AdjustWithASignAndAReason) {
    serveAna(StaffRole::Manager);
    driver.press(kiosk::ChooseStaffAction{StaffAction::Adjust});
    driver.type("25");
    driver.press(kiosk::ToggleSign{});
    auto view = driver.flow.amountEntryView();
    STRCMP_EQUAL("-25", view.keypad.entryText.c_str());
    STRCMP_EQUAL("-25 pts", view.previewText.c_str());
    STRCMP_EQUAL("New balance: 1,215 pts", view.previewLines[0].c_str());
    CHECK_FALSE(view.keypad.okEnabled);
    driver.press(kiosk::ChooseReason{2});
    confirm();
    CHECK(lastRecord.has_value());
    const auto& adjust = std::get<kiosk::AdjustPoints>(lastRecord->what);
    LONGS_EQUAL(-25, adjust.delta);
    STRCMP_EQUAL("Correction by the manager", adjust.reason.c_str());
}

TEST(StaffActions, AnAdjustmentBelowZeroIsRefusedByTheRules) {
    serveAna(StaffRole::Manager);
    driver.press(kiosk::ChooseStaffAction{StaffAction::Adjust});
    driver.type("5000");
    driver.press(kiosk::ToggleSign{});
    driver.press(kiosk::ChooseReason{0});
    confirm();
    CHECK_FALSE(lastRecord.has_value());
    STRCMP_EQUAL("Not enough points", driver.flow.messageView().title.c_str());
    driver.press(kiosk::Confirm{});
    CHECK(driver.flow.screen() == ScreenId::AmountEntry);
}

TEST(StaffActions, TodaysSummaryLoadsAndShowsFigures) {
    serveAna(StaffRole::Cashier);
    const auto outcome = driver.press(kiosk::ChooseStaffAction{StaffAction::Summary});
    const auto load = expectEffect<kiosk::LoadTodaySummary>(outcome);
    CHECK(load.has_value());
    CHECK(driver.flow.screen() == ScreenId::TodaySummary);
    CHECK_TRUE(driver.flow.summaryView().chrome.busy);
    kiosk::TodaySummary summary{42, 1234, 300, std::vector<std::int64_t>(24, 1)};
    driver.send(kiosk::TodaySummaryLoaded{load->request, summary});
    const auto view = driver.flow.summaryView();
    STRCMP_EQUAL("Transactions: 42", view.lines[0].c_str());
    STRCMP_EQUAL("Points issued: 1,234 pts", view.lines[1].c_str());
    STRCMP_EQUAL("Points redeemed: 300 pts", view.lines[2].c_str());
    LONGS_EQUAL(24, view.perHour.size());
    driver.press(kiosk::Done{});
    CHECK(driver.flow.screen() == ScreenId::StaffMenu);
}

TEST(StaffActions, LogoutReturnsToTheCustomer) {
    serveAna(StaffRole::Cashier);
    driver.press(kiosk::StaffLogout{});
    CHECK(driver.flow.screen() == ScreenId::Member);
}

TEST(StaffActions, AFailedWriteSaysNothingWasSaved) {
    serveAna(StaffRole::Cashier);
    driver.press(kiosk::ChooseStaffAction{StaffAction::Award});
    driver.type("1000");
    confirm();
    driver.send(kiosk::DecisionFailed{lastRecord->request});
    CHECK(driver.flow.screen() == ScreenId::ActionRefused);
    STRCMP_EQUAL("Not saved", driver.flow.messageView().title.c_str());
    driver.press(kiosk::Confirm{});
    CHECK(driver.flow.screen() == ScreenId::StaffMenu);
}

TEST(StaffActions, AnotherCustomersCardWhileStaffAreLoggedInStartsOverForThem) {
    serveAna(StaffRole::Cashier);
    driver.press(kiosk::ChooseStaffAction{StaffAction::Award});
    driver.type("999");
    const auto request = driver.tap("tok-other");
    CHECK(request != 0);
    CHECK(driver.flow.screen() == ScreenId::AmountEntry);  // busy until the answer
    auto other = goldMember();
    other.member.memberId = "m-bo";
    other.member.displayName = "Bo";
    driver.send(kiosk::CardLookedUp{request, other});
    CHECK(driver.flow.screen() == ScreenId::StaffMenu);
    STRCMP_EQUAL("Bo \u00b7 1,240 pts", driver.flow.staffMenuView().customerLine.c_str());
    driver.press(kiosk::ChooseStaffAction{StaffAction::Award});
    STRCMP_EQUAL("€0.00", driver.flow.amountEntryView().keypad.entryText.c_str());
}

TEST(StaffActions, ACardTappedWhileADecisionIsSavedIsIgnored) {
    serveAna(StaffRole::Cashier);
    driver.press(kiosk::ChooseStaffAction{StaffAction::Award});
    driver.type("1000");
    confirm();
    CHECK_TRUE(lastRecord.has_value());
    const auto tapped = driver.send(kiosk::Message{card("tok-other")});
    CHECK_FALSE(tapped.changed);
    CHECK_TRUE(tapped.effects.empty());
    CHECK_TRUE(driver.send(kiosk::DecisionRecorded{lastRecord->request, goldMember(), 10, std::nullopt}).changed);
    CHECK(driver.flow.screen() == ScreenId::Confirmation);
}

TEST(StaffActions, AnEnrolledCardThatWasWrittenIsKnownByItsNewTokenFromThenOn) {
    const auto request = driver.tap("u:04A1B2C3D4E5F6");
    driver.send(kiosk::CardLookedUp{request, kiosk::UnknownCard{}});
    driver.login(StaffRole::Cashier);
    driver.press(kiosk::ChooseStaffAction{StaffAction::Enrol});
    driver.press(kiosk::EnterName{"Lucía"});
    confirm();
    kiosk::MemberSnapshot lucia;
    lucia.member.memberId = "m-lucia";
    lucia.member.displayName = "Lucía";
    kiosk::DecisionRecorded done{lastRecord->request, lucia, 0, std::nullopt, std::string("n:00C0FFEE00000001")};
    driver.send(done);
    driver.press(kiosk::Confirm{});
    driver.press(kiosk::ChooseStaffAction{StaffAction::Award});
    driver.type("1000");
    confirm();
    CHECK(std::holds_alternative<kiosk::EarnPurchase>(lastRecord->what));
    STRCMP_EQUAL("n:00C0FFEE00000001", lastRecord->cardToken.c_str());
}

TEST(StaffActions, ACardThatCouldNotBeWrittenSaysWhyAndWhatToDo) {
    const auto request = driver.tap("u:04A1B2C3D4E5F6");
    driver.send(kiosk::CardLookedUp{request, kiosk::UnknownCard{}});
    driver.login(StaffRole::Cashier);
    driver.press(kiosk::ChooseStaffAction{StaffAction::Enrol});
    driver.press(kiosk::EnterName{"Lucía"});
    confirm();
    driver.send(kiosk::DecisionFailed{lastRecord->request, kiosk::FailureReason::CardUnsuitable});
    CHECK(driver.flow.screen() == ScreenId::ActionRefused);
    const auto view = driver.flow.messageView();
    STRCMP_EQUAL("This card cannot be used", view.title.c_str());
    STRCMP_CONTAINS("new blank card", view.whatToDo.c_str());
    driver.press(kiosk::Confirm{});
    CHECK(driver.flow.screen() == ScreenId::StaffMenu);
}
