// Offline and velocity limits say which limit and what to do; idle timeouts
// return to attract at their boundary and clear personal data.

#include <string>
#include <vector>

#include "FlowTestSupport.h"

#include <CppUTest/TestHarness.h>

using kiosk::ScreenId;
using kiosk::StaffRole;
using namespace flowtest;

TEST_GROUP(OfflineLimits) {
    FlowDriver driver;

    // The customer redeems a digital reward with the kiosk offline.
    kiosk::MessageView redeemOffline(kiosk::MemberSnapshot snapshot, const std::string& reward) {
        driver.send(kiosk::SyncStatusChanged{false, 5, 1000, std::nullopt});
        driver.tapMember(snapshot);
        const auto outcome = driver.press(kiosk::ChooseReward{reward});
        CHECK_TRUE(outcome.effects.empty());
        CHECK(driver.flow.screen() == ScreenId::ActionRefused);
        return driver.flow.messageView();
    }
};

TEST(OfflineLimits, OfflineTooLong) {
    auto snapshot = goldMember();
    snapshot.kiosk.lastSyncAt = at(2026, 12, 18);
    const auto view = redeemOffline(snapshot, "voucher");
    STRCMP_EQUAL("Offline for too long", view.title.c_str());
    STRCMP_EQUAL("Reconnect the network, then try again. Points can still be collected.", view.whatToDo.c_str());
}

TEST(OfflineLimits, TooManyOfflineRedemptionsOnThisCard) {
    auto snapshot = goldMember();
    snapshot.card.consecutiveOfflineRedemptions = 2;
    const auto view = redeemOffline(snapshot, "voucher");
    STRCMP_EQUAL("Offline limit: too many rewards on this card", view.title.c_str());
    STRCMP_EQUAL("Try again when the network is back.", view.whatToDo.c_str());
}

TEST(OfflineLimits, RewardAboveTheOfflineCap) {
    const auto view = redeemOffline(goldMember(), "voucher");
    STRCMP_EQUAL("Offline limit: reward too large", view.title.c_str());
    STRCMP_EQUAL("Choose a smaller reward, or try again when the network is back.", view.whatToDo.c_str());
    // Which limit, never its value.
    CHECK(view.message.find("300") == std::string::npos);
}

TEST(OfflineLimits, KioskTotalReached) {
    auto snapshot = goldMember();
    snapshot.kiosk.unsyncedRedeemedPoints = 900;
    driver.send(kiosk::SyncStatusChanged{false, 5, 1000, std::nullopt});
    driver.tapMember(snapshot);
    driver.login(StaffRole::Cashier);
    driver.press(kiosk::ChooseStaffAction{kiosk::StaffAction::Redeem});
    driver.press(kiosk::ChooseReward{"coffee"});
    CHECK(driver.flow.screen() == ScreenId::ActionRefused);
    const auto view = driver.flow.messageView();
    STRCMP_EQUAL("Offline limit: kiosk total reached", view.title.c_str());
    STRCMP_EQUAL("Try again when the network is back, or use another kiosk.", view.whatToDo.c_str());
}

TEST(OfflineLimits, AUidOnlyCardMayNotRedeem) {
    auto snapshot = goldMember();
    snapshot.card.assurance = loyalty::Assurance::Low;
    driver.tapMember(snapshot);
    driver.press(kiosk::ChooseReward{"voucher"});
    STRCMP_EQUAL("Ask staff to replace it with a secure card.", driver.flow.messageView().whatToDo.c_str());
}

TEST(OfflineLimits, EarningWorksOfflineAndTheEffectSaysSo) {
    driver.send(kiosk::SyncStatusChanged{false, 5, 1000, std::nullopt});
    driver.tapMember();
    driver.login(StaffRole::Cashier);
    driver.press(kiosk::ChooseStaffAction{kiosk::StaffAction::Award});
    driver.type("1000");
    const auto record = expectEffect<kiosk::RecordDecision>(driver.press(kiosk::Confirm{}));
    CHECK(record.has_value());
    CHECK_TRUE(record->offline);
}

TEST(OfflineLimits, EveryRefusalTheAppReportsHasATitleAMessageAndWhatToDoInBothLanguages) {
    for (const char* language : {"en", "es"}) {
        FlowDriver fresh;
        fresh.press(kiosk::ChooseLanguage{language});
        fresh.tapMember();
        for (int code = 0; code <= static_cast<int>(loyalty::RefusalCode::ReasonRequired); ++code) {
            const auto outcome = fresh.press(kiosk::ActivateOfferIntent{"winter-bonus"});
            const auto record = expectEffect<kiosk::RecordDecision>(outcome);
            CHECK(record.has_value());
            fresh.send(kiosk::DecisionRefused{record->request, {static_cast<loyalty::RefusalCode>(code), "x"}});
            CHECK(fresh.flow.screen() == ScreenId::ActionRefused);
            const auto view = fresh.flow.messageView();
            for (const auto* text : {&view.title, &view.message, &view.whatToDo}) {
                CHECK_FALSE(text->empty());
                CHECK_TEXT(text->find('[') == std::string::npos, text->c_str());
            }
            fresh.press(kiosk::Confirm{});
            CHECK(fresh.flow.screen() == ScreenId::Member);
        }
    }
}

TEST_GROUP(IdleTimeouts) {
    FlowDriver driver;

    void checkCleared() {
        CHECK(driver.flow.screen() == ScreenId::Attract);
        CHECK_FALSE(driver.flow.holdsPersonalData());
        CHECK_FALSE(driver.flow.busy());
        const auto member = driver.flow.memberView();
        STRCMP_EQUAL("", member.greeting.c_str());
        STRCMP_EQUAL("", member.balanceText.c_str());
        LONGS_EQUAL(0, member.history.size());
        STRCMP_EQUAL("No card", driver.flow.staffMenuView().customerLine.c_str());
        STRCMP_EQUAL("", driver.flow.staffMenuView().staffLine.c_str());
        STRCMP_EQUAL("", driver.flow.staffLoginView().staffName.c_str());
        STRCMP_EQUAL("", driver.flow.rewardCodeView().code.c_str());
        STRCMP_EQUAL("en", driver.flow.language().c_str());
    }
};

TEST(IdleTimeouts, TheMemberScreenReturnsToAttractAfterTwentySecondsExactly) {
    driver.tick(5'000);
    driver.tapMember();
    CHECK_FALSE(driver.tick(5'000 + 19'999).changed);
    CHECK(driver.flow.screen() == ScreenId::Member);
    CHECK_TRUE(driver.tick(5'000 + 20'000).changed);
    checkCleared();
}

TEST(IdleTimeouts, ATouchRestartsTheCustomerTimer) {
    driver.tick(1'000);
    driver.tapMember();
    driver.tick(15'000);
    driver.press(kiosk::ChooseReward{"coffee"});  // a touch
    driver.tick(15'000 + 19'999);
    CHECK(driver.flow.screen() == ScreenId::Member);
    driver.tick(15'000 + 20'000);
    CHECK(driver.flow.screen() == ScreenId::Attract);
}

TEST(IdleTimeouts, StaffHaveSixtySeconds) {
    driver.tick(1'000);
    driver.tapMember();
    driver.login(StaffRole::Cashier);
    driver.tick(1'000 + 20'000);
    CHECK(driver.flow.screen() == ScreenId::StaffMenu);
    driver.tick(1'000 + 59'999);
    CHECK(driver.flow.screen() == ScreenId::StaffMenu);
    driver.tick(1'000 + 60'000);
    checkCleared();
}

TEST(IdleTimeouts, TheStaffLoginUsesTheStaffTimeout) {
    driver.tick(1'000);
    driver.press(kiosk::StartStaffLogin{});
    driver.type("12");
    driver.tick(1'000 + 59'999);
    CHECK(driver.flow.screen() == ScreenId::StaffLogin);
    driver.tick(1'000 + 60'000);
    checkCleared();
}

TEST(IdleTimeouts, TimeoutsAreConfigurable) {
    kiosk::FlowSettings settings;
    settings.customerIdleMs = 5'000;
    settings.staffIdleMs = 8'000;
    FlowDriver custom(settings);
    custom.tapMember();
    custom.tick(4'999);
    CHECK(custom.flow.screen() == ScreenId::Member);
    custom.tick(5'000);
    CHECK(custom.flow.screen() == ScreenId::Attract);
    custom.tapMember();
    custom.login(StaffRole::Cashier);
    custom.tick(5'000 + 7'999);
    CHECK(custom.flow.screen() == ScreenId::StaffMenu);
    custom.tick(5'000 + 8'000);
    CHECK(custom.flow.screen() == ScreenId::Attract);
}

TEST(IdleTimeouts, AnAnswerArrivingAfterTheTimeoutIsIgnored) {
    driver.tick(1'000);
    driver.tapMember();
    const auto outcome = driver.press(kiosk::ActivateOfferIntent{"winter-bonus"});
    const auto record = expectEffect<kiosk::RecordDecision>(outcome);
    driver.tick(1'000 + 20'000);
    checkCleared();
    CHECK_FALSE(driver.send(kiosk::DecisionRecorded{record->request, goldMember(), 0, std::nullopt}).changed);
    CHECK_FALSE(driver.send(kiosk::DecisionRefused{record->request, {loyalty::RefusalCode::Overflow, ""}}).changed);
    checkCleared();
}

TEST(IdleTimeouts, ALookupThatNeverAnswersTimesOut) {
    driver.tick(1'000);
    const auto request = driver.tap("tok-ana");
    driver.tick(1'000 + 20'000);
    checkCleared();
    CHECK_FALSE(driver.send(kiosk::CardLookedUp{request, goldMember()}).changed);
    checkCleared();
}

TEST(IdleTimeouts, TheNextDeadlineIsAnnouncedOnlyWhenSomethingIsDue) {
    CHECK_FALSE(driver.flow.nextDeadlineMs().has_value());
    driver.tick(2'000);
    driver.tapMember();
    CHECK(driver.flow.nextDeadlineMs().has_value());
    LONGS_EQUAL(22'000, *driver.flow.nextDeadlineMs());
    driver.login(StaffRole::Cashier);
    LONGS_EQUAL(62'000, *driver.flow.nextDeadlineMs());
}

TEST(IdleTimeouts, BackToStartClearsEverythingAtOnce) {
    driver.tapMember();
    driver.login(StaffRole::Manager);
    driver.press(kiosk::ChooseStaffAction{kiosk::StaffAction::Award});
    driver.type("1234");
    driver.press(kiosk::BackToStart{});
    checkCleared();
}
