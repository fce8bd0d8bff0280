// The customer's side of the flow: card read, member / unknown / refused,
// card removal, stale answers, offers, rewards, rating, language.

#include <string>
#include <vector>

#include "FlowTestSupport.h"

#include <CppUTest/TestHarness.h>

using kiosk::ScreenId;
using namespace flowtest;

TEST_GROUP(CustomerFlow) {
    FlowDriver driver;
};

TEST(CustomerFlow, ATapAsksForALookupAndShowsBusyUntilTheAnswer) {
    const auto outcome = driver.send(kiosk::Message{card("tok-ana")});
    CHECK_TRUE(outcome.changed);
    const auto lookup = expectEffect<kiosk::LookupCard>(outcome);
    CHECK(lookup.has_value());
    STRCMP_EQUAL("tok-ana", lookup->token.c_str());
    CHECK(driver.flow.screen() == ScreenId::CardReading);
    CHECK_TRUE(driver.flow.busy());
    const auto view = driver.flow.messageView();
    CHECK_TRUE(view.chrome.busy);
    STRCMP_EQUAL("One moment", view.title.c_str());
}

TEST(CustomerFlow, AMemberCardShowsTheMemberScreen) {
    driver.tapMember();
    CHECK(driver.flow.screen() == ScreenId::Member);
    CHECK_FALSE(driver.flow.busy());
    const auto view = driver.flow.memberView();
    STRCMP_EQUAL("Hello, Ana", view.greeting.c_str());  // first name only
    STRCMP_EQUAL("1,240 pts", view.balanceText.c_str());
    STRCMP_EQUAL("40 pending", view.pendingText.c_str());
    STRCMP_EQUAL("Gold", view.tierName.c_str());
    STRCMP_EQUAL("2,500 pts to Platinum", view.tierProgressText.c_str());
    LONGS_EQUAL(166, view.tierProgressPerMille);  // (2500-2000)/(5000-2000)
    STRCMP_EQUAL("50 pts expire on 10 January 2027", view.expiryText.c_str());
}

TEST(CustomerFlow, TheMemberScreenListsOffersRewardsAndHistoryWithReasons) {
    driver.tapMember();
    const auto view = driver.flow.memberView();
    LONGS_EQUAL(1, view.offers.size());
    STRCMP_EQUAL("winter-bonus", view.offers[0].id.c_str());
    STRCMP_EQUAL("Activate", view.offers[0].actionLabel.c_str());
    CHECK_FALSE(view.offers[0].active);
    // Affordable now (cheapest first), then the ones within reach.
    LONGS_EQUAL(3, view.rewards.size());
    STRCMP_EQUAL("Free coffee", view.rewards[0].name.c_str());
    STRCMP_EQUAL("Ask staff", view.rewards[0].statusText.c_str());
    STRCMP_EQUAL("Cinema voucher", view.rewards[1].name.c_str());
    STRCMP_EQUAL("Get it now", view.rewards[1].statusText.c_str());
    STRCMP_EQUAL("Tote bag", view.rewards[2].name.c_str());
    CHECK_FALSE(view.rewards[2].affordable);
    STRCMP_EQUAL("260 pts to go", view.rewards[2].statusText.c_str());
    STRCMP_EQUAL("260 pts to go for Tote bag", view.nextRewardText.c_str());
    LONGS_EQUAL(2, view.history.size());
    STRCMP_EQUAL("Purchase of €20.00", view.history[0].reasonText.c_str());
    STRCMP_EQUAL("+30 pts", view.history[0].pointsText.c_str());
    STRCMP_EQUAL("1 December 2026", view.history[0].dateText.c_str());
    STRCMP_EQUAL("Reward: Free coffee", view.history[1].reasonText.c_str());
    STRCMP_EQUAL("-150 pts", view.history[1].pointsText.c_str());
}

TEST(CustomerFlow, TheMemberScreenSpeaksSpanishWhenChosen) {
    driver.press(kiosk::ChooseLanguage{"es"});
    driver.tapMember();
    const auto view = driver.flow.memberView();
    STRCMP_EQUAL("Hola, Ana", view.greeting.c_str());
    STRCMP_EQUAL("1.240 puntos", view.balanceText.c_str());
    STRCMP_EQUAL("40 pendientes", view.pendingText.c_str());
    STRCMP_EQUAL("50 puntos caducan el 10 de enero de 2027", view.expiryText.c_str());
    STRCMP_EQUAL("Compra de 20,00 €", view.history[0].reasonText.c_str());
    CHECK_TRUE(view.languages[1].selected);
}

TEST(CustomerFlow, NoPendingTextWhenEverythingIsConfirmed) {
    auto snapshot = goldMember();
    snapshot.member.confirmedBalance = 1240;
    snapshot.member.pendingDelta = 0;
    driver.tapMember(snapshot);
    STRCMP_EQUAL("", driver.flow.memberView().pendingText.c_str());
}

TEST(CustomerFlow, AnUnknownCardShowsHowToJoin) {
    const auto request = driver.tap("tok-new");
    driver.send(kiosk::CardLookedUp{request, kiosk::UnknownCard{}});
    CHECK(driver.flow.screen() == ScreenId::UnknownCard);
    const auto view = driver.flow.messageView();
    STRCMP_EQUAL("We don't know this card yet", view.title.c_str());
    STRCMP_EQUAL("Call staff", view.secondaryLabel.c_str());
    driver.press(kiosk::StartStaffLogin{});
    CHECK(driver.flow.screen() == ScreenId::StaffLogin);
}

TEST(CustomerFlow, ARefusedCardSaysOnePlainThingWhateverTheReason) {
    std::string first;
    for (const auto reason : {kiosk::CardRefusalReason::Blocked, kiosk::CardRefusalReason::Lost,
                              kiosk::CardRefusalReason::Forged, kiosk::CardRefusalReason::Replayed}) {
        const auto request = driver.tap("tok-bad");
        driver.send(kiosk::CardLookedUp{request, kiosk::RefusedCard{reason}});
        CHECK(driver.flow.screen() == ScreenId::RefusedCard);
        const auto view = driver.flow.messageView();
        const std::string all = view.title + view.message + view.whatToDo;
        if (first.empty()) {
            first = all;
        }
        STRCMP_EQUAL(first.c_str(), all.c_str());
        // Nothing that tells a fraudster what gave the card away.
        CHECK(all.find("forg") == std::string::npos && all.find("replay") == std::string::npos &&
              all.find("lost") == std::string::npos && all.find("block") == std::string::npos);
        driver.press(kiosk::Done{});
        CHECK(driver.flow.screen() == ScreenId::Attract);
    }
    STRCMP_EQUAL("This card can't be usedSorry, we can't accept this card.Please ask a member of staff.",
                 first.c_str());
}

TEST(CustomerFlow, ACardTheReaderRefusedNeedsNoLookup) {
    auto forged = card("");
    forged.refusedByReader = true;
    const auto outcome = driver.send(kiosk::Message{forged});
    CHECK_TRUE(outcome.effects.empty());
    CHECK(driver.flow.screen() == ScreenId::RefusedCard);
    STRCMP_EQUAL("Sorry, we can't accept this card.", driver.flow.messageView().message.c_str());
}

TEST(CustomerFlow, RemovingTheCardWhileItIsReadGoesBackAndIgnoresTheLateAnswer) {
    const auto request = driver.tap("tok-ana");
    CHECK_TRUE(driver.send(kiosk::CardRemoved{}).changed);
    CHECK(driver.flow.screen() == ScreenId::Attract);
    CHECK_FALSE(driver.flow.busy());
    const auto late = driver.send(kiosk::CardLookedUp{request, goldMember()});
    CHECK_FALSE(late.changed);
    CHECK(driver.flow.screen() == ScreenId::Attract);
    CHECK_FALSE(driver.flow.holdsPersonalData());
}

TEST(CustomerFlow, ASecondCardTakenAwayBeforeItIsReadLeavesTheMemberServed) {
    driver.tapMember();
    const auto staffTap = driver.tap("tok-staff");  // staff tap theirs and lift it at once
    CHECK(driver.flow.screen() == ScreenId::CardReading);
    CHECK_TRUE(driver.send(kiosk::CardRemoved{}).changed);
    CHECK(driver.flow.screen() == ScreenId::Member);
    CHECK_FALSE(driver.flow.busy());
    CHECK_TRUE(driver.flow.holdsPersonalData());
    CHECK_FALSE(driver.send(kiosk::CardLookedUp{staffTap, kiosk::UnknownCard{}}).changed);  // late: ignored
    CHECK(driver.flow.screen() == ScreenId::Member);
}

TEST(CustomerFlow, RemovingTheCardOnTheMemberScreenKeepsTheScreen) {
    driver.tapMember();
    CHECK_FALSE(driver.send(kiosk::CardRemoved{}).changed);
    CHECK(driver.flow.screen() == ScreenId::Member);
}

TEST(CustomerFlow, ASecondTapSupersedesTheFirstLookup) {
    const auto first = driver.tap("tok-one");
    const auto second = driver.tap("tok-two");
    CHECK(first != second);
    CHECK_FALSE(driver.send(kiosk::CardLookedUp{first, goldMember()}).changed);
    CHECK(driver.flow.screen() == ScreenId::CardReading);
    CHECK_TRUE(driver.send(kiosk::CardLookedUp{second, kiosk::UnknownCard{}}).changed);
    CHECK(driver.flow.screen() == ScreenId::UnknownCard);
}

TEST(CustomerFlow, AnAnswerForAnotherKindOfRequestIsIgnored) {
    const auto request = driver.tap("tok-ana");
    CHECK_FALSE(driver.send(kiosk::DecisionRecorded{request, goldMember(), 10, std::nullopt}).changed);
    CHECK_FALSE(driver.send(kiosk::StaffVerified{request, "s", "S", kiosk::StaffRole::Manager}).changed);
    CHECK(driver.flow.screen() == ScreenId::CardReading);
}

TEST(CustomerFlow, ALookupFailureSaysTryAgain) {
    const auto request = driver.tap("tok-ana");
    driver.send(kiosk::CardLookedUp{request, kiosk::LookupFailed{}});
    CHECK(driver.flow.screen() == ScreenId::ActionRefused);
    STRCMP_EQUAL("Please tap your card again.", driver.flow.messageView().whatToDo.c_str());
    driver.press(kiosk::Confirm{});
    CHECK(driver.flow.screen() == ScreenId::Attract);
}

TEST(CustomerFlow, ActivatingAnOfferRecordsItAndSaysSo) {
    driver.tapMember();
    const auto outcome = driver.press(kiosk::ActivateOfferIntent{"winter-bonus"});
    const auto record = expectEffect<kiosk::RecordDecision>(outcome);
    CHECK(record.has_value());
    STRCMP_EQUAL("m-ana", record->memberId.c_str());
    STRCMP_EQUAL("tok-ana", record->cardToken.c_str());
    STRCMP_EQUAL("", record->staffId.c_str());
    CHECK_TRUE(std::holds_alternative<kiosk::ActivateOffer>(record->what));
    CHECK_TRUE(driver.flow.memberView().chrome.busy);
    auto after = goldMember();
    after.member.activeOffers = {"winter-bonus"};
    driver.send(kiosk::DecisionRecorded{record->request, after, 0, std::nullopt});
    CHECK(driver.flow.screen() == ScreenId::Member);
    const auto view = driver.flow.memberView();
    STRCMP_EQUAL("Activated for your next purchase: Winter bonus", view.notice.c_str());
    LONGS_EQUAL(1, view.offers.size());
    CHECK_TRUE(view.offers[0].active);
    STRCMP_EQUAL("Activated", view.offers[0].actionLabel.c_str());
}

TEST(CustomerFlow, AnOfferTheRulesRefuseIsRefusedWithoutAnEffect) {
    auto snapshot = goldMember();
    snapshot.member.activeOffers = {"winter-bonus"};
    driver.tapMember(snapshot);
    const auto outcome = driver.press(kiosk::ActivateOfferIntent{"winter-bonus"});
    CHECK_TRUE(outcome.effects.empty());
    CHECK(driver.flow.screen() == ScreenId::ActionRefused);
    STRCMP_EQUAL("Already activated", driver.flow.messageView().title.c_str());
    driver.press(kiosk::Confirm{});
    CHECK(driver.flow.screen() == ScreenId::Member);
}

TEST(CustomerFlow, APhysicalRewardAsksForStaff) {
    driver.tapMember();
    const auto outcome = driver.press(kiosk::ChooseReward{"coffee"});
    CHECK_TRUE(outcome.effects.empty());
    CHECK(driver.flow.screen() == ScreenId::Member);
    STRCMP_EQUAL("Ask a member of staff for Free coffee.", driver.flow.memberView().notice.c_str());
}

TEST(CustomerFlow, ADigitalRewardIsConfirmedAndShowsItsOneTimeCode) {
    driver.tapMember();
    driver.press(kiosk::ChooseReward{"voucher"});
    CHECK(driver.flow.screen() == ScreenId::ConfirmAction);
    const auto confirm = driver.flow.confirmActionView();
    STRCMP_EQUAL("Redeem this reward?", confirm.title.c_str());
    STRCMP_EQUAL("Cinema voucher for 500 pts", confirm.lines[0].c_str());
    STRCMP_EQUAL("Balance afterwards: 740 pts", confirm.lines[1].c_str());
    CHECK_TRUE(confirm.confirmEnabled);
    const auto outcome = driver.press(kiosk::Confirm{});
    const auto record = expectEffect<kiosk::RecordDecision>(outcome);
    CHECK(record.has_value());
    const auto* redeem = std::get_if<kiosk::RedeemReward>(&record->what);
    CHECK(redeem != nullptr);
    STRCMP_EQUAL("voucher", redeem->rewardId.c_str());
    CHECK_FALSE(record->offline);
    auto after = goldMember();
    after.member.pendingDelta -= 500;
    driver.send(kiosk::DecisionRecorded{record->request, after, -500, std::string("K7Q-42XD")});
    CHECK(driver.flow.screen() == ScreenId::RewardCode);
    const auto view = driver.flow.rewardCodeView();
    STRCMP_EQUAL("Cinema voucher", view.rewardName.c_str());
    STRCMP_EQUAL("K7Q-42XD", view.code.c_str());
    STRCMP_EQUAL("K7Q-42XD", view.qrPayload.c_str());
    driver.press(kiosk::Done{});
    CHECK(driver.flow.screen() == ScreenId::Member);
    STRCMP_EQUAL("740 pts", driver.flow.memberView().balanceText.c_str());
}

TEST(CustomerFlow, CancellingTheCustomersConfirmationGoesBackToTheMemberScreen) {
    driver.tapMember();
    driver.press(kiosk::ChooseReward{"voucher"});
    CHECK_TRUE(driver.press(kiosk::Cancel{}).effects.empty());
    CHECK(driver.flow.screen() == ScreenId::Member);
}

TEST(CustomerFlow, DoneWithoutAnInteractionGoesStraightToAttract) {
    driver.tapMember();
    driver.press(kiosk::Done{});
    CHECK(driver.flow.screen() == ScreenId::Attract);
    CHECK_FALSE(driver.flow.holdsPersonalData());
}

TEST(CustomerFlow, AfterAnInteractionDoneAsksForARatingWhichIsRecorded) {
    driver.tapMember();
    const auto activate = driver.press(kiosk::ActivateOfferIntent{"winter-bonus"});
    driver.send(kiosk::DecisionRecorded{expectEffect<kiosk::RecordDecision>(activate)->request, goldMember(), 0,
                                        std::nullopt});
    driver.press(kiosk::Done{});
    CHECK(driver.flow.screen() == ScreenId::Rating);
    const auto view = driver.flow.ratingView();
    STRCMP_EQUAL("How was your visit today?", view.question.c_str());
    LONGS_EQUAL(5, view.starLabels.size());
    CHECK_TRUE(driver.press(kiosk::Rate{0}).effects.empty());
    CHECK_TRUE(driver.press(kiosk::Rate{6}).effects.empty());
    const auto outcome = driver.press(kiosk::Rate{4});
    const auto record = expectEffect<kiosk::RecordDecision>(outcome);
    CHECK(record.has_value());
    LONGS_EQUAL(4, std::get<kiosk::RateVisit>(record->what).rating);
    STRCMP_EQUAL("m-ana", record->memberId.c_str());
    // Nothing waits for the rating's answer: the customer is done.
    CHECK(driver.flow.screen() == ScreenId::Attract);
    CHECK_FALSE(driver.flow.busy());
    CHECK_FALSE(driver.send(kiosk::DecisionRecorded{record->request, goldMember(), 0, std::nullopt}).changed);
    CHECK_FALSE(driver.flow.holdsPersonalData());
}

TEST(CustomerFlow, TheRatingCanBeSkipped) {
    driver.tapMember();
    const auto activate = driver.press(kiosk::ActivateOfferIntent{"winter-bonus"});
    driver.send(kiosk::DecisionRecorded{expectEffect<kiosk::RecordDecision>(activate)->request, goldMember(), 0,
                                        std::nullopt});
    driver.press(kiosk::Done{});
    const auto outcome = driver.press(kiosk::SkipRating{});
    CHECK_TRUE(outcome.effects.empty());
    CHECK(driver.flow.screen() == ScreenId::Attract);
}

TEST(CustomerFlow, IntentsWhileBusyAreIgnored) {
    driver.tapMember();
    const auto first = driver.press(kiosk::ActivateOfferIntent{"winter-bonus"});
    CHECK(expectEffect<kiosk::RecordDecision>(first).has_value());
    const auto second = driver.press(kiosk::ActivateOfferIntent{"winter-bonus"});
    CHECK_FALSE(second.changed);
    CHECK_TRUE(second.effects.empty());
    CHECK_FALSE(driver.press(kiosk::Done{}).changed);
}

TEST(CustomerFlow, TheLanguageGoesBackToTheDefaultAtAttract) {
    driver.press(kiosk::ChooseLanguage{"es"});
    driver.tapMember();
    STRCMP_EQUAL("es", driver.flow.language().c_str());
    driver.press(kiosk::Done{});
    CHECK(driver.flow.screen() == ScreenId::Attract);
    STRCMP_EQUAL("en", driver.flow.language().c_str());
}

TEST(CustomerFlow, ALanguageLeftChosenAtAttractResetsAfterTheCustomerTimeout) {
    driver.tick(1000);
    driver.press(kiosk::ChooseLanguage{"es"});
    driver.tick(1000 + 19'999);
    STRCMP_EQUAL("es", driver.flow.language().c_str());
    CHECK_TRUE(driver.tick(1000 + 20'000).changed);
    STRCMP_EQUAL("en", driver.flow.language().c_str());
}

TEST(CustomerFlow, TheOfflineBannerShowsOnEveryScreenWhileHeadOfficeIsUnreachable) {
    CHECK_TRUE(driver.send(kiosk::SyncStatusChanged{false, 12, 60'000, std::nullopt}).changed);
    STRCMP_EQUAL("Offline: points are saved here and sent to head office later",
                 driver.flow.attractView().chrome.offlineBanner.c_str());
    driver.tapMember();
    CHECK_FALSE(driver.flow.memberView().chrome.offlineBanner.empty());
    CHECK_TRUE(driver.send(kiosk::SyncStatusChanged{true, 0, std::nullopt, 5}).changed);
    STRCMP_EQUAL("", driver.flow.memberView().chrome.offlineBanner.c_str());
    CHECK_FALSE(driver.send(kiosk::SyncStatusChanged{true, 0, std::nullopt, 5}).changed);
}

TEST(CustomerFlow, AReaderProblemShowsABanner) {
    CHECK_TRUE(driver.send(kiosk::ReaderStatusChanged{kiosk::ReaderState::Ready, "PN532 v1.6", ""}).changed);
    STRCMP_EQUAL("", driver.flow.attractView().chrome.readerBanner.c_str());
    driver.send(kiosk::ReaderStatusChanged{kiosk::ReaderState::Unavailable, "", "no device"});
    STRCMP_EQUAL("The card reader is not working. Please ask a member of staff.",
                 driver.flow.attractView().chrome.readerBanner.c_str());
}
