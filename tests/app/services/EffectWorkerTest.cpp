#include <chrono>
#include <string>
#include <variant>

#include "config/ProgramLoader.h"
#include "services/EffectWorker.h"
#include "tests/storage/StorageTestDatabase.h"

// CppUTest last: its memory-leak macros redefine new.
#include <CppUTest/TestHarness.h>

using namespace std::chrono_literals;

namespace {

services::EffectWorkerOptions optionsFor(const std::string& path) {
    services::EffectWorkerOptions options;
    options.databasePath = path;
    options.program = config::ProgramLoader::loadFile(std::string(KIOSK_SOURCE_ASSETS) + "/program.toml").value();
    options.lockout = storage::LockoutPolicy{3, 15};
    options.now = [] { return storagetest::dayTime(0); };
    return options;
}

}  // namespace

TEST_GROUP(EffectWorker) {
    storagetest::StorageTestDatabase t{"kiosk-worker"};
    services::Mailbox<kiosk::Message> answers;

    void setup() override {
        t.addMember("m-ana", 1200);
        t.addCard("card-ana", "m-ana");
    }

    kiosk::Message answer() {
        auto message = answers.take(20s);
        if (!message) {
            FAIL("no answer from the worker within 20 s");
        }
        return *message;
    }
};

TEST(EffectWorker, AnswersEachEffectInOrderFromItsOwnConnection) {
    services::EffectWorker worker(optionsFor(t.dir.file("kiosk.db")), answers);
    worker.start();
    CHECK_TRUE(worker.post(kiosk::LookupCard{1, "card-ana"}));
    kiosk::RecordDecision earn;
    earn.request = 2;
    earn.memberId = "m-ana";
    earn.cardToken = "card-ana";
    earn.staffId = "s-anna";
    earn.what = kiosk::EarnPurchase{1234};
    CHECK_TRUE(worker.post(earn));
    CHECK_TRUE(worker.post(kiosk::LookupCard{3, "card-nobody"}));

    const auto first = std::get<kiosk::CardLookedUp>(answer());
    LONGS_EQUAL(1, first.request);
    LONGS_EQUAL(1200, std::get<kiosk::MemberSnapshot>(first.result).member.balance());
    const auto second = std::get<kiosk::DecisionRecorded>(answer());
    LONGS_EQUAL(2, second.request);
    CHECK_TRUE(second.pointsDelta > 0);
    const auto third = std::get<kiosk::CardLookedUp>(answer());
    LONGS_EQUAL(3, third.request);
    CHECK_TRUE(std::holds_alternative<kiosk::UnknownCard>(third.result));
    worker.stop();
    CHECK_FALSE(worker.post(kiosk::LookupCard{4, "card-ana"}));
    // The earn is in the file, written through the worker's connection.
    LONGS_EQUAL(1, t.count("ledger"));
}

TEST(EffectWorker, AWrongPinIsRefusedWithTheTriesLeft) {
    services::EffectWorker worker(optionsFor(t.dir.file("kiosk.db")), answers);
    worker.start();
    worker.post(kiosk::VerifyStaffPin{9, "", "s-nobody", "1234"});
    const auto refused = std::get<kiosk::StaffRefused>(answer());
    LONGS_EQUAL(9, refused.request);
    LONGS_EQUAL(3, refused.attemptsLeft);
}

TEST(EffectWorker, ADatabaseThatCannotBeOpenedAnswersEveryEffectAsFailed) {
    services::EffectWorker worker(optionsFor(t.dir.path() + "/no/such/dir/kiosk.db"), answers);
    worker.start();
    worker.post(kiosk::LookupCard{5, "card-ana"});
    kiosk::RecordDecision rate;
    rate.request = 6;
    rate.cardToken = "card-ana";
    rate.what = kiosk::RateVisit{4};
    worker.post(rate);
    const auto lookup = std::get<kiosk::CardLookedUp>(answer());
    LONGS_EQUAL(5, lookup.request);
    CHECK_TRUE(std::holds_alternative<kiosk::LookupFailed>(lookup.result));
    LONGS_EQUAL(6, std::get<kiosk::DecisionFailed>(answer()).request);
}

TEST(EffectWorker, StopReturnsPromptlyWhenIdle) {
    services::EffectWorker worker(optionsFor(t.dir.file("kiosk.db")), answers);
    worker.start();
    const auto start = std::chrono::steady_clock::now();
    worker.stop();
    CHECK_TRUE(std::chrono::steady_clock::now() - start < 5s);
}

TEST(EffectWorker, TodaysSummaryDiagnosticsAndTheReaderTestAreAnswered) {
    auto options = optionsFor(t.dir.file("kiosk.db"));
    services::LogRing log(10, false);
    log.add("reader: ready (PN532 v1.6)");
    options.log = &log;
    options.version = "9.9.9";
    int recorded = 0;
    options.onRecorded = [&recorded] { ++recorded; };
    options.testReader = [](kiosk::RequestId request) { return kiosk::ReaderTested{request, true, "PN532 v1.6"}; };
    services::EffectWorker worker(std::move(options), answers);
    worker.start();
    kiosk::RecordDecision earn;
    earn.request = 1;
    earn.cardToken = "card-ana";
    earn.what = kiosk::EarnPurchase{2500};
    worker.post(earn);
    worker.post(kiosk::LoadTodaySummary{2});
    worker.post(kiosk::LoadDiagnostics{3});
    worker.post(kiosk::TestReader{4});

    CHECK_TRUE(std::holds_alternative<kiosk::DecisionRecorded>(answer()));
    const auto summary = std::get<kiosk::TodaySummaryLoaded>(answer());
    LONGS_EQUAL(2, summary.request);
    LONGS_EQUAL(1, summary.summary.transactions);
    CHECK_TRUE(summary.summary.pointsIssued > 0);
    LONGS_EQUAL(24, summary.summary.transactionsPerHour.size());
    const auto diagnostics = std::get<kiosk::DiagnosticsLoaded>(answer()).diagnostics;
    CHECK_TRUE(diagnostics.databaseOk);
    STRCMP_EQUAL("ok", diagnostics.databaseCheck.c_str());
    CHECK_TRUE(diagnostics.databaseBytes > 0);
    CHECK_TRUE(diagnostics.diskFreeBytes > 0);
    STRCMP_EQUAL("9.9.9", diagnostics.version.c_str());
    LONGS_EQUAL(1, diagnostics.logLines.size());
    STRCMP_CONTAINS("reader: ready", diagnostics.logLines[0].c_str());
    const auto tested = std::get<kiosk::ReaderTested>(answer());
    LONGS_EQUAL(4, tested.request);
    CHECK_TRUE(tested.ok);
    worker.stop();
    LONGS_EQUAL(1, recorded);
}

namespace {

// Head office's answer for one card: Ben, enrolled at another kiosk.
kiosksync::CardLookupResult headOfficeKnowsBen(loyalty::CardStatus status) {
    kiosksync::CardLookupResult answer;
    answer.source = kiosksync::CardLookupResult::Source::Online;
    answer.member.id = "m-ben";
    answer.member.displayName = "Ben";
    answer.member.enrolledOn = loyalty::Date{2026, 11, 20};
    answer.member.confirmedBalance = 300;
    answer.card.token = "card-ben";
    answer.card.memberId = "m-ben";
    answer.card.kind = storage::CardKind::Uid;
    answer.card.status = status;
    return answer;
}

}  // namespace

TEST(EffectWorker, OnlineATapAsksHeadOfficeFirstAndKeepsItsAnswerForNextTime) {
    auto options = optionsFor(t.dir.file("kiosk.db"));
    int asked = 0;
    options.onlineLookup = [&asked](const std::string& token) {
        ++asked;
        return token == "card-ben" ? headOfficeKnowsBen(loyalty::CardStatus::Active) : kiosksync::CardLookupResult{};
    };
    services::EffectWorker worker(std::move(options), answers);
    worker.setOnline(true);
    worker.start();
    CHECK_TRUE(worker.post(kiosk::LookupCard{1, "card-ben"}));
    const auto ben = std::get<kiosk::CardLookedUp>(answer());
    const auto& snapshot = std::get<kiosk::MemberSnapshot>(ben.result);
    STRCMP_EQUAL("Ben", snapshot.member.displayName.c_str());
    LONGS_EQUAL(300, snapshot.member.balance());
    // No answer in time: the local copy answers, and it has Ana.
    CHECK_TRUE(worker.post(kiosk::LookupCard{2, "card-ana"}));
    LONGS_EQUAL(1200, std::get<kiosk::MemberSnapshot>(std::get<kiosk::CardLookedUp>(answer()).result).member.balance());
    // Offline, head office is not asked, and Ben is known from the first tap.
    worker.setOnline(false);
    CHECK_TRUE(worker.post(kiosk::LookupCard{3, "card-ben"}));
    CHECK_TRUE(std::holds_alternative<kiosk::MemberSnapshot>(std::get<kiosk::CardLookedUp>(answer()).result));
    worker.stop();
    LONGS_EQUAL(2, asked);
}

TEST(EffectWorker, ACardBlockedAtHeadOfficeIsRefusedOnItsNextTapHere) {
    t.addMember("m-ben", 300);
    t.addCard("card-ben", "m-ben");
    auto options = optionsFor(t.dir.file("kiosk.db"));
    options.onlineLookup = [](const std::string&) { return headOfficeKnowsBen(loyalty::CardStatus::Blocked); };
    services::EffectWorker worker(std::move(options), answers);
    worker.setOnline(true);
    worker.start();
    CHECK_TRUE(worker.post(kiosk::LookupCard{1, "card-ben"}));
    const auto refused = std::get<kiosk::CardLookedUp>(answer());
    CHECK_TRUE(std::holds_alternative<kiosk::RefusedCard>(refused.result));
    worker.stop();
}
