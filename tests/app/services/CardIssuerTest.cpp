// Enrolling onto a blank NTAG21x, through the effect worker: the kiosk writes
// its signed record first (here a recording double stands in for the
// reader: the real reader writing real cards on the PN532 simulator is
// tests/drivers/nfc/reader/SupervisedCardKeysTest.cpp), the member is linked
// by the written card's token, and a write that fails records nothing and
// says why.

#include <chrono>
#include <string>
#include <variant>
#include <vector>

#include "config/ProgramLoader.h"
#include "services/AccountLookup.h"
#include "services/CardIssuer.h"
#include "services/EffectWorker.h"
#include "tests/storage/StorageTestDatabase.h"

// CppUTest last: its memory-leak macros redefine new.
#include <CppUTest/TestHarness.h>

using namespace std::chrono_literals;

namespace {

struct WriteCall {
    std::string uid;
    std::uint32_t serial = 0;
};

}  // namespace

TEST_GROUP(CardIssuer) {
    storagetest::StorageTestDatabase t{"kiosk-issuer"};
    services::Mailbox<kiosk::Message> answers;
    std::vector<WriteCall> calls;
    nfc::CardWriteError outcome = nfc::CardWriteError::None;

    void setup() override {
        t.addMember("m-ana", 1200);
        t.addCard("card-ana", "m-ana");
    }

    services::EffectWorkerOptions options() {
        services::EffectWorkerOptions options;
        options.databasePath = t.dir.file("kiosk.db");
        options.program = config::ProgramLoader::loadFile(std::string(KIOSK_SOURCE_ASSETS) + "/program.toml").value();
        options.now = [] { return storagetest::dayTime(0); };
        options.writeCard = [this](const std::string& uid, std::uint32_t serial, std::uint64_t) {
            calls.push_back({uid, serial});
            nfc::CardWritten written;
            written.uid = uid;
            written.error = outcome;
            if (outcome == nfc::CardWriteError::None) {
                written.identity = "n:00C0FFEE" + std::string(8 - std::to_string(serial).size(), '0') + std::to_string(serial);
            }
            written.detail = "test double";
            return written;
        };
        return options;
    }

    kiosk::Message decide(kiosk::RecordDecision request) {
        services::EffectWorker worker(options(), answers);
        worker.start();
        CHECK_TRUE(worker.post(std::move(request)));
        auto message = answers.take(20s);
        if (!message) {
            FAIL("no answer from the worker within 20 s");
        }
        return *message;
    }

    static kiosk::RecordDecision enrol(const std::string& token, kiosk::CardKind kind) {
        kiosk::RecordDecision request;
        request.request = 9;
        request.cardToken = token;
        request.staffId = "s-anna";
        request.what = kiosk::EnrolMember{"Lucía", "04AABBCCDDEE80", kind};
        return request;
    }

    bool linked(const std::string& token) {
        services::AccountLookup lookup(t.db);
        return std::holds_alternative<kiosk::MemberSnapshot>(
            lookup.lookup(kiosk::LookupCard{1, token}, storagetest::dayTime(0), true).result);
    }
};

TEST(CardIssuer, ABlankNtagIsWrittenFirstAndTheMemberIsLinkedByItsSignedToken) {
    const auto answer = std::get<kiosk::DecisionRecorded>(decide(enrol("u:04AABBCCDDEE80", kiosk::CardKind::Ntag21x)));
    LONGS_EQUAL(1, calls.size());
    STRCMP_EQUAL("04AABBCCDDEE80", calls[0].uid.c_str());
    LONGS_EQUAL(1, calls[0].serial);  // the test clock is before 2026: one past the last serial (0)
    CHECK_TRUE(answer.cardToken.has_value());
    STRCMP_EQUAL("n:00C0FFEE00000001", answer.cardToken->c_str());
    STRCMP_EQUAL("n:00C0FFEE00000001", answer.member->card.cardId.c_str());
    CHECK_TRUE(linked("n:00C0FFEE00000001"));
    CHECK_FALSE(linked("u:04AABBCCDDEE80"));
    // The next card gets the next serial.
    decide(enrol("u:04AABBCCDDEE81", kiosk::CardKind::Ntag21x));
    LONGS_EQUAL(2, calls.at(1).serial);
}

TEST(CardIssuer, AFailedWriteRecordsNothingAndSaysWhatToDo) {
    const struct {
        nfc::CardWriteError error;
        kiosk::FailureReason reason;
    } cases[] = {{nfc::CardWriteError::NotInField, kiosk::FailureReason::CardNotOnReader},
                 {nfc::CardWriteError::CardMoved, kiosk::FailureReason::CardMoved},
                 {nfc::CardWriteError::Unsuitable, kiosk::FailureReason::CardUnsuitable},
                 {nfc::CardWriteError::NoKioskKey, kiosk::FailureReason::CannotIssueCards},
                 {nfc::CardWriteError::ReaderUnavailable, kiosk::FailureReason::ReaderUnavailable}};
    const auto events = t.count("ledger");
    const auto members = t.count("members");
    for (const auto& c : cases) {
        outcome = c.error;
        const auto failed = std::get<kiosk::DecisionFailed>(decide(enrol("u:04AABBCCDDEE80", kiosk::CardKind::Ntag21x)));
        LONGS_EQUAL(9, failed.request);
        CHECK_TRUE(failed.reason == c.reason);
    }
    LONGS_EQUAL(events, t.count("ledger"));
    LONGS_EQUAL(members, t.count("members"));
    CHECK_FALSE(linked("u:04AABBCCDDEE80"));
}

TEST(CardIssuer, CardsThatNeedNoRecordAreLinkedAsTheyAre) {
    // A MIFARE (UID-only) card, and an NTAG that already carries a verified record.
    const auto uidOnly = std::get<kiosk::DecisionRecorded>(decide(enrol("u:04112233", kiosk::CardKind::UidOnly)));
    CHECK_FALSE(uidOnly.cardToken.has_value());
    CHECK_TRUE(linked("u:04112233"));
    const auto signedCard =
        std::get<kiosk::DecisionRecorded>(decide(enrol("n:0000000000010009", kiosk::CardKind::Ntag21x)));
    CHECK_FALSE(signedCard.cardToken.has_value());
    LONGS_EQUAL(0, calls.size());
}

TEST(CardIssuer, AReplacementOntoABlankNtagIsWrittenToo) {
    kiosk::RecordDecision request;
    request.request = 9;
    request.memberId = "m-ana";
    request.cardToken = "card-ana";
    request.staffId = "s-anna";
    request.what = kiosk::ReplaceCard{"u:04DDEEFF001122", "04DDEEFF001122", kiosk::CardKind::Ntag21x, "Card reported lost"};
    const auto answer = std::get<kiosk::DecisionRecorded>(decide(request));
    STRCMP_EQUAL("04DDEEFF001122", calls.at(0).uid.c_str());
    STRCMP_EQUAL("n:00C0FFEE00000001", answer.cardToken.value().c_str());
    LONGS_EQUAL(1200, answer.member->member.balance());
    CHECK_TRUE(linked("n:00C0FFEE00000001"));
}
