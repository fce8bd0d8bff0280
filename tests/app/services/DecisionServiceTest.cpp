#include <string>
#include <variant>

#include "config/ProgramLoader.h"
#include "loyalty/EarnCalculator.h"
#include "services/AccountLookup.h"
#include "services/DecisionService.h"
#include "storage/AccountReader.h"
#include "tests/storage/StorageTestDatabase.h"

// CppUTest last: its memory-leak macros redefine new.
#include <CppUTest/TestHarness.h>

using storagetest::dayTime;

namespace {

loyalty::Program demoProgram() {
    auto program = config::ProgramLoader::loadFile(std::string(KIOSK_SOURCE_ASSETS) + "/program.toml");
    if (!program) {
        FAIL("assets/program.toml does not load");
    }
    return program.value();
}

}  // namespace

TEST_GROUP(DecisionService) {
    storagetest::StorageTestDatabase t{"kiosk-decisions"};
    loyalty::Program program = demoProgram();
    services::DecisionService service{t.db, program, [] { return std::string("m-new-1"); }};
    kiosk::RequestId next = 100;

    void setup() override {
        t.addMember("m-ana", 1200);
        t.addCard("card-ana", "m-ana");
    }

    services::DecisionAnswer decide(kiosk::DecisionRequest what, const std::string& card = "card-ana",
                                    const std::string& staff = "s-anna") {
        kiosk::RecordDecision request;
        request.request = ++next;
        request.memberId = "m-ana";
        request.cardToken = card;
        request.staffId = staff;
        request.what = std::move(what);
        return service.record(request, dayTime(0));
    }
    kiosk::DecisionRecorded recorded(const services::DecisionAnswer& answer) {
        const auto* done = std::get_if<kiosk::DecisionRecorded>(&answer);
        if (!done) {
            FAIL("the decision was not recorded");
        }
        LONGS_EQUAL(next, done->request);
        return *done;
    }
    loyalty::RefusalCode refusal(const services::DecisionAnswer& answer) {
        const auto* refused = std::get_if<kiosk::DecisionRefused>(&answer);
        if (!refused) {
            FAIL("the decision was not refused");
        }
        CHECK_FALSE(refused->refusal.message.empty());
        return refused->refusal.code;
    }
};

TEST(DecisionService, AnEarnRecordsWhatTheRulesGiveAndAnswersWithTheNewBalance) {
    auto account = storage::AccountReader(t.db).loadByCardToken("card-ana", storagetest::dateOf(0)).value();
    const auto preview = loyalty::EarnCalculator(program).preview((*account).member, (*account).card,
                                                                  loyalty::PurchaseRequest{1234, {}, "s-anna", false},
                                                                  dayTime(0).at);
    CHECK_TRUE(preview.hasValue());
    const auto& done = recorded(decide(kiosk::EarnPurchase{1234}));
    CHECK_TRUE(done.pointsDelta > 0);
    LONGS_EQUAL(preview->total, done.pointsDelta);
    CHECK_TRUE(done.member.has_value());
    LONGS_EQUAL(1200 + done.pointsDelta, done.member->member.balance());
    LONGS_EQUAL(done.pointsDelta, done.member->member.pendingDelta);
    CHECK_TRUE(done.member->history.at(0).type == loyalty::EventType::Earn);
    CHECK_FALSE(done.rewardCode.has_value());
}

TEST(DecisionService, ADigitalRewardAnswersWithAOneTimeCodeAndAPhysicalOneWithout) {
    const auto& voucher = recorded(decide(kiosk::RedeemReward{"voucher-5"}));
    LONGS_EQUAL(-500, voucher.pointsDelta);
    CHECK_TRUE(voucher.rewardCode.has_value());
    LONGS_EQUAL(14, voucher.rewardCode->size());
    STRCMP_CONTAINS("R-", voucher.rewardCode->c_str());
    const auto& coffee = recorded(decide(kiosk::RedeemReward{"free-coffee"}));
    CHECK_FALSE(coffee.rewardCode.has_value());
    LONGS_EQUAL(1200 - 500 - 150, coffee.member->member.balance());
}

TEST(DecisionService, TheRulesRefusalComesBackAndNothingIsWritten) {
    t.addMember("m-poor", 10);
    t.addCard("card-poor", "m-poor");
    const auto before = t.count("ledger");
    CHECK_TRUE(refusal(decide(kiosk::RedeemReward{"free-coffee"}, "card-poor")) ==
               loyalty::RefusalCode::InsufficientPoints);
    CHECK_TRUE(refusal(decide(kiosk::RedeemReward{"no-such-reward"})) == loyalty::RefusalCode::UnknownReward);
    LONGS_EQUAL(before, t.count("ledger"));
}

TEST(DecisionService, AVoidRestoresTheBalanceOnceAndOnlyOnce) {
    const auto& earned = recorded(decide(kiosk::EarnPurchase{1234}));
    const std::string eventId = earned.member->history.at(0).eventId;
    const auto& voided = recorded(decide(kiosk::VoidEvent{eventId, "Keyed twice"}, "card-ana", "s-marco"));
    LONGS_EQUAL(-earned.pointsDelta, voided.pointsDelta);
    LONGS_EQUAL(1200, voided.member->member.balance());
    CHECK_TRUE(refusal(decide(kiosk::VoidEvent{eventId, "Again"}, "card-ana", "s-marco")) ==
               loyalty::RefusalCode::AlreadyVoided);
    CHECK_TRUE(refusal(decide(kiosk::VoidEvent{"0190b5c2-0000-7000-8000-000000000000", "?"})) ==
               loyalty::RefusalCode::NothingToVoid);
}

TEST(DecisionService, EnrolmentCreatesTheMemberWithTheCardInHand) {
    kiosk::RecordDecision request;
    request.request = 7;
    request.cardToken = "card-fresh";
    request.staffId = "s-anna";
    request.what = kiosk::EnrolMember{"  Lucía ", "04AABBCC", kiosk::CardKind::Ntag21x};
    const auto answer = service.record(request, dayTime(0));
    const auto* done = std::get_if<kiosk::DecisionRecorded>(&answer);
    CHECK_TRUE(done != nullptr);
    CHECK_TRUE(done->member.has_value());
    STRCMP_EQUAL("m-new-1", done->member->member.memberId.c_str());
    STRCMP_EQUAL("Lucía", done->member->member.displayName.c_str());
    STRCMP_EQUAL("card-fresh", done->member->card.cardId.c_str());
    LONGS_EQUAL(0, done->member->member.balance());
}

TEST(DecisionService, AReplacementCardCarriesTheBalanceAndTheOldCardIsRefused) {
    const auto& replaced =
        recorded(decide(kiosk::ReplaceCard{"card-new", "04DDEEFF", kiosk::CardKind::Ntag424, "Card reported lost"}));
    STRCMP_EQUAL("card-new", replaced.member->card.cardId.c_str());
    LONGS_EQUAL(1200, replaced.member->member.balance());
    services::AccountLookup lookup(t.db);
    const auto old = lookup.lookup(kiosk::LookupCard{1, "card-ana"}, dayTime(0), true);
    CHECK_TRUE(std::holds_alternative<kiosk::RefusedCard>(old.result));
}

TEST(DecisionService, ARatingIsRecordedWithoutPoints) {
    const auto& rated = recorded(decide(kiosk::RateVisit{5}, "card-ana", ""));
    LONGS_EQUAL(0, rated.pointsDelta);
    CHECK_TRUE(rated.member->history.at(0).type == loyalty::EventType::Rating);
    CHECK_TRUE(refusal(decide(kiosk::RateVisit{6}, "card-ana", "")) == loyalty::RefusalCode::InvalidAmount);
}

TEST(DecisionService, AWriteThatFailsAnswersFailedAndLeavesTheLedgerAsItWas) {
    const auto before = t.count("ledger");
    CHECK_TRUE(t.db.exec("PRAGMA query_only = 1").hasValue());
    const auto answer = decide(kiosk::EarnPurchase{1234});
    CHECK_TRUE(std::holds_alternative<kiosk::DecisionFailed>(answer));
    CHECK_TRUE(t.db.exec("PRAGMA query_only = 0").hasValue());
    LONGS_EQUAL(before, t.count("ledger"));
}

TEST(DecisionService, RewardCodesComeFromTheRandomPartOfTheEventId) {
    STRCMP_EQUAL("R-9F3A00C1B2E4", services::DecisionService::rewardCode("0190b5c2-7d1e-7a3b-8c4d-9f3a00c1b2e4").c_str());
}
