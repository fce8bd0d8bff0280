// Every screen, in every shipped language, shows no missing catalogue key
// ("[key]") and no empty label where a label is drawn.

#include <string>
#include <vector>

#include "FlowTestSupport.h"

#include <CppUTest/TestHarness.h>

using kiosk::ScreenId;
using kiosk::StaffAction;
using kiosk::StaffRole;
using namespace flowtest;

namespace {

void checkTexts(const std::vector<std::string>& texts, const char* screen, const std::string& language) {
    for (const auto& text : texts) {
        const std::string where = language + " " + screen + ": " + text;
        CHECK_TEXT(text.find('[') == std::string::npos, where.c_str());
    }
}

std::vector<std::string> texts(const kiosk::Chrome& chrome) {
    return {chrome.offlineBanner, chrome.readerBanner, chrome.busyText};
}

void add(std::vector<std::string>& out, const std::vector<std::string>& more) {
    out.insert(out.end(), more.begin(), more.end());
}

void addKeypad(std::vector<std::string>& out, const kiosk::KeypadView& keypad) {
    add(out, {keypad.entryText, keypad.okLabel, keypad.backLabel, keypad.clearLabel});
}

void checkAllScreens(const std::string& language) {
    FlowDriver driver;
    driver.press(kiosk::ChooseLanguage{language});
    driver.send(kiosk::SyncStatusChanged{false, 1, 1000, std::nullopt});
    driver.send(kiosk::ReaderStatusChanged{kiosk::ReaderState::Reopening, "", "gone"});
    const char* lang = language.c_str();

    auto attract = driver.flow.attractView();
    std::vector<std::string> all = texts(attract.chrome);
    add(all, {attract.title, attract.subtitle, attract.hint, attract.chooseLanguage, attract.readerLabel});
    checkTexts(all, "attract", language);

    const auto request = driver.tap("tok-ana");
    auto reading = driver.flow.messageView();
    add(all, texts(reading.chrome));
    add(all, {reading.title, reading.message});
    driver.send(kiosk::CardLookedUp{request, goldMember()});

    auto member = driver.flow.memberView();
    all = texts(member.chrome);
    add(all, {member.greeting, member.balanceText, member.pendingText, member.tierProgressText, member.expiryText,
              member.offersTitle, member.rewardsTitle, member.nextRewardText, member.historyTitle, member.doneLabel,
              member.staffLabel});
    for (const auto& offer : member.offers) add(all, {offer.actionLabel});
    for (const auto& reward : member.rewards) add(all, {reward.costText, reward.statusText});
    for (const auto& entry : member.history) add(all, {entry.dateText, entry.pointsText, entry.reasonText});
    checkTexts(all, "member", language);
    STRCMP_EQUAL(lang, driver.flow.language().c_str());

    driver.press(kiosk::ChooseReward{"coffee"});
    checkTexts({driver.flow.memberView().notice}, "member notice", language);

    driver.press(kiosk::StartStaffLogin{});
    auto login = driver.flow.staffLoginView();
    all = {login.title, login.prompt, login.cancelLabel};
    addKeypad(all, login.keypad);
    checkTexts(all, "staff_login", language);
    driver.press(kiosk::Cancel{});
    driver.login(StaffRole::Manager);

    auto menu = driver.flow.staffMenuView();
    all = {menu.staffLine, menu.customerLine, menu.switchStaffLabel, menu.logoutLabel};
    for (const auto& action : menu.actions) add(all, {action.label, action.disabledReason});
    checkTexts(all, "staff_menu", language);

    driver.press(kiosk::ChooseStaffAction{StaffAction::Award});
    driver.type("1234");
    auto award = driver.flow.amountEntryView();
    all = {award.title, award.prompt, award.previewText, award.error, award.cancelLabel};
    add(all, award.previewLines);
    addKeypad(all, award.keypad);
    checkTexts(all, "amount_entry award", language);
    driver.press(kiosk::Cancel{});

    driver.press(kiosk::ChooseStaffAction{StaffAction::Adjust});
    driver.type("5");
    auto adjust = driver.flow.amountEntryView();
    all = {adjust.title, adjust.prompt, adjust.previewText, adjust.signLabel};
    add(all, adjust.reasons);
    add(all, adjust.previewLines);
    checkTexts(all, "amount_entry adjust", language);
    driver.press(kiosk::Cancel{});

    driver.press(kiosk::ChooseStaffAction{StaffAction::Redeem});
    auto choice = driver.flow.rewardChoiceView();
    all = {choice.title, choice.cancelLabel};
    for (const auto& reward : choice.rewards) add(all, {reward.costText, reward.statusText});
    checkTexts(all, "reward_choice", language);
    driver.press(kiosk::ChooseReward{"coffee"});
    auto confirm = driver.flow.confirmActionView();
    all = {confirm.title, confirm.confirmLabel, confirm.cancelLabel};
    add(all, confirm.lines);
    checkTexts(all, "confirm redeem", language);
    driver.press(kiosk::Cancel{});

    for (const auto action : {StaffAction::Block, StaffAction::Void}) {
        driver.press(kiosk::ChooseStaffAction{action});
        confirm = driver.flow.confirmActionView();
        all = {confirm.title};
        add(all, confirm.lines);
        add(all, confirm.reasons);
        checkTexts(all, "confirm_action", language);
        driver.press(kiosk::Cancel{});
    }
    driver.press(kiosk::ChooseStaffAction{StaffAction::Replace});
    auto tap = driver.flow.tapNewCardView();
    checkTexts({tap.title, tap.message, tap.secondaryLabel}, "tap_new_card", language);
    driver.send(kiosk::Message{card("tok-new-2")});
    confirm = driver.flow.confirmActionView();
    all = {confirm.title};
    add(all, confirm.lines);
    add(all, confirm.reasons);
    checkTexts(all, "confirm replace", language);
    driver.press(kiosk::ChooseReason{0});
    auto record = expectEffect<kiosk::RecordDecision>(driver.press(kiosk::Confirm{}));
    CHECK_TRUE(record.has_value());
    driver.send(kiosk::DecisionRecorded{record->request, goldMember(), 0, std::nullopt});
    auto done = driver.flow.messageView();
    checkTexts({done.title, done.message, done.primaryLabel}, "confirmation", language);
    driver.press(kiosk::Confirm{});

    const auto load = expectEffect<kiosk::LoadTodaySummary>(driver.press(kiosk::ChooseStaffAction{StaffAction::Summary}));
    driver.send(kiosk::TodaySummaryLoaded{load->request, kiosk::TodaySummary{3, 10, 5, {}}});
    auto summary = driver.flow.summaryView();
    all = {summary.title, summary.chartLabel, summary.backLabel};
    add(all, summary.lines);
    checkTexts(all, "today_summary", language);
    driver.press(kiosk::Done{});
    driver.press(kiosk::StaffLogout{});

    driver.send(kiosk::SyncStatusChanged{true, 0, std::nullopt, 1});
    driver.press(kiosk::ChooseReward{"voucher"});
    record = expectEffect<kiosk::RecordDecision>(driver.press(kiosk::Confirm{}));
    CHECK_TRUE(record.has_value());
    driver.send(kiosk::DecisionRecorded{record->request, goldMember(), -500, std::string("CODE-1")});
    auto code = driver.flow.rewardCodeView();
    checkTexts({code.title, code.hint, code.doneLabel}, "reward_code", language);
    driver.press(kiosk::Done{});
    driver.press(kiosk::Done{});
    auto rating = driver.flow.ratingView();
    all = {rating.question, rating.skipLabel};
    add(all, rating.starLabels);
    checkTexts(all, "rating", language);
    driver.press(kiosk::SkipRating{});

    for (const auto result : {0, 1}) {
        driver.press(kiosk::ChooseLanguage{language});
        const auto id = driver.tap("tok-x");
        if (result == 0) {
            driver.send(kiosk::CardLookedUp{id, kiosk::UnknownCard{}});
        } else {
            driver.send(kiosk::CardLookedUp{id, kiosk::RefusedCard{}});
        }
        auto message = driver.flow.messageView();
        checkTexts({message.title, message.message, message.whatToDo, message.primaryLabel, message.secondaryLabel},
                   "unknown/refused", language);
        driver.press(kiosk::Done{});
    }

    driver.press(kiosk::ChooseLanguage{language});
    driver.press(kiosk::StartStaffLogin{});
    driver.type("9");
    driver.press(kiosk::KeypadOk{});
    driver.type("1234");
    const auto verify = expectEffect<kiosk::VerifyStaffPin>(driver.press(kiosk::KeypadOk{}));
    driver.send(kiosk::StaffVerified{verify->request, "s-t", "Tess", StaffRole::Technician});
    auto technician = driver.flow.technicianView();
    all = {technician.title, technician.testReaderLabel, technician.refreshLabel, technician.logoutLabel};
    for (const auto& row : technician.rows) add(all, {row.label, row.value});
    checkTexts(all, "technician", language);
}

}  // namespace

TEST_GROUP(CatalogueCoverage){};

TEST(CatalogueCoverage, EveryScreenInEnglishHasAllItsTexts) { checkAllScreens("en"); }

TEST(CatalogueCoverage, EveryScreenInSpanishHasAllItsTexts) { checkAllScreens("es"); }
