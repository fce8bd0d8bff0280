// A staff session as a shop lives it, on the whole kiosk: the real binary on
// a real X server (Xvfb), its real card reader (the libnfc worker) talking to
// the PN532 simulator on a pty, a real database file, and real X pointer
// input (xdotool, XTEST) on the buttons the kiosk reported in --ui-trace:
//
//   gold card -> member screen -> cashier's card + PIN -> award 12.34 ->
//   balance updated -> switch to a manager (card + PIN) -> void with a
//   reason -> balance restored -> log out -> left alone -> attract
//
// then the ledger in the SQLite file. Every screen shown is kept as a PNG
// under the build directory (KIOSK_UI_SESSION_DIR) for people to look at.
#include <sodium.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "config/ProgramLoader.h"
#include "loyalty/EarnCalculator.h"
#include "nfc/sim/CardFile.h"
#include "nfc/sim/Pn532Simulator.h"
#include "storage/CardRepository.h"
#include "storage/Database.h"
#include "storage/KioskIdentity.h"
#include "storage/MemberRepository.h"
#include "storage/Migrator.h"
#include "storage/StaffRepository.h"
#include "support/ChildProcess.h"
#include "support/TempDir.h"
#include "support/UiTraceReader.h"
#include "support/XdoTool.h"
#include "support/XvfbServer.h"

// CppUTest last: its memory-leak macros redefine new.
#include <CppUTest/TestHarness.h>

namespace {

using namespace std::chrono_literals;
using testsupport::TracedFrame;

constexpr int kWidth = 1280;
constexpr int kHeight = 800;
constexpr loyalty::Points kOpeningBalance = 4200;
constexpr loyalty::Money kPurchase = 1234;  // typed 1 2 3 4, as on a till
const char* const kMemberToken = "u:A1B2C3D4";  // assets/cards/mifare-classic-uid.json
const char* const kCashierUid = "C1C2C3C4";
const char* const kManagerUid = "D1D2D3D4";
const char* const kCashierPin = "2468";
const char* const kManagerPin = "1357";
const char* const kKeypadStaffId = "2001";
const char* const kKeypadStaffPin = "8642";

loyalty::Instant nowHere() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return loyalty::Instant{static_cast<std::int64_t>(now), static_cast<std::int32_t>(local.tm_gmtoff)};
}

// "4,218 pts", as the English catalogue formats points.
std::string pointsText(loyalty::Points points) {
    const std::string digits = std::to_string(points < 0 ? -points : points);
    std::string text = points < 0 ? "-" : "";
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) {
            text += ',';
        }
        text += digits[i];
    }
    return text + " pts";
}

// An Argon2id hash the kiosk's StaffAuthenticator accepts. The smallest
// limits libsodium allows keep the test quick; verification reads the limits
// from the hash.
std::string pinHash(const std::string& pin) {
    CHECK_TRUE(sodium_init() >= 0);
    char encoded[crypto_pwhash_STRBYTES];
    const int made = crypto_pwhash_str_alg(encoded, pin.data(), pin.size(), crypto_pwhash_OPSLIMIT_MIN,
                                           crypto_pwhash_MEMLIMIT_MIN, crypto_pwhash_ALG_ARGON2ID13);
    CHECK_EQUAL(0, made);
    return encoded;
}

// The gold member as the rules see her; the database below holds the same.
loyalty::MemberState goldMember(const loyalty::Date& today) {
    loyalty::MemberState member;
    member.memberId = "m-ana";
    member.displayName = "Ana";
    member.enrolledOn = loyalty::Date{2024, 3, 2};
    member.confirmedBalance = kOpeningBalance;
    // Earned a month ago: Gold (2000 pts over 12 months in assets/program.toml).
    const loyalty::Date earnedOn = loyalty::dateFromDays(loyalty::daysSinceEpoch(today) - 30);
    member.lots = {loyalty::PointLot{earnedOn, kOpeningBalance}};
    member.earned = {loyalty::EarnedEntry{earnedOn, kOpeningBalance}};
    return member;
}

void prepareDatabase(const std::string& path, const loyalty::MemberState& gold) {
    auto db = storage::Database::open({path});
    CHECK_TRUE(db.hasValue());
    CHECK_TRUE(storage::Migrator::migrate(*db).hasValue());
    CHECK_TRUE(storage::KioskIdentity(*db).provision("test-kiosk", 0).hasValue());

    storage::MemberRecord member;
    member.id = gold.memberId;
    member.displayName = gold.displayName;
    member.enrolledOn = gold.enrolledOn;
    member.confirmedBalance = gold.confirmedBalance;
    storage::MemberRepository members(*db);
    CHECK_TRUE(members.upsert(member, 0).hasValue());
    CHECK_TRUE(members.replaceLots(gold.memberId, gold.lots).hasValue());
    // Points earned in the qualification window (no repository writes them
    // outside a recorded decision).
    auto earned = db->prepare("INSERT INTO earned_points (member_id, earned_day, points) VALUES (?1, ?2, ?3)");
    CHECK_TRUE(earned.hasValue());
    CHECK_TRUE(earned->bind(1, gold.memberId)
                   .bind(2, loyalty::daysSinceEpoch(gold.earned.front().on))
                   .bind(3, gold.earned.front().points)
                   .run()
                   .hasValue());
    CHECK_TRUE(storage::CardRepository(*db).link(kMemberToken, gold.memberId, storage::CardKind::Uid, 0).hasValue());

    storage::StaffRepository staff(*db);
    const auto add = [&staff](const char* id, const char* name, storage::StaffRole role, const char* pin,
                              std::optional<std::string> card) {
        storage::StaffRecord record;
        record.id = id;
        record.displayName = name;
        record.role = role;
        record.pinHash = pinHash(pin);
        record.cardToken = std::move(card);
        CHECK_TRUE(staff.upsert(record, 0).hasValue());
    };
    add("s-carl", "Carl", storage::StaffRole::Cashier, kCashierPin, std::string("u:") + kCashierUid);
    add("s-mia", "Mia", storage::StaffRole::Manager, kManagerPin, std::string("u:") + kManagerUid);
    // Logs in without a card: her staff code is her staff id.
    add(kKeypadStaffId, "Cleo", storage::StaffRole::Cashier, kKeypadStaffPin, std::nullopt);
}

std::shared_ptr<nfcsim::VirtualCard> uidCard(const std::string& uid) {
    auto card = nfcsim::CardFile::parse(R"({"type": "mifare-classic", "uid": ")" + uid + R"("})", "test card");
    CHECK_TRUE(card.hasValue());
    return card.value();
}

bool screenIs(const TracedFrame& frame, const char* name) { return frame.screen == name; }

}  // namespace

TEST_GROUP(ScriptedSession) {
    std::unique_ptr<testsupport::XvfbServer> xvfb;
    std::unique_ptr<testsupport::TempDir> dir;
    std::unique_ptr<nfcsim::Pn532Simulator> simulator;
    std::unique_ptr<testsupport::ChildProcess> kiosk;
    std::unique_ptr<testsupport::UiTraceReader> trace;
    std::unique_ptr<testsupport::XdoTool> xdo;
    testsupport::WindowOrigin origin;
    std::size_t seen = 0;  // frames before this index are history for waitFor()

    void setup() override {
        if (!testsupport::XdoTool::available()) {
            FAIL("/usr/bin/xdotool is missing (Debian package xdotool)");
        }
        xvfb = std::make_unique<testsupport::XvfbServer>(kWidth, kHeight);
        dir = std::make_unique<testsupport::TempDir>("scripted-session");
        if (!xvfb->running()) {
            FAIL(xvfb->error().c_str());
        }
        auto started = nfcsim::Pn532Simulator::start();
        if (!started) {
            FAIL(started.error().c_str());
        }
        simulator = std::move(started.value());
        xdo = std::make_unique<testsupport::XdoTool>(xvfb->display(), dir->path());
    }
    void teardown() override {
        if (kiosk) {
            kiosk->terminate();
        }
        kiosk.reset();
        simulator.reset();
        dir.reset();
        xvfb.reset();
    }

    // What a failure message needs: the last frame and the kiosk's log.
    std::string context() {
        const auto& frames = trace->poll();
        std::string text = frames.empty() ? "no frame traced" : "last " + frames.back().describe();
        return text + "\nkiosk log:\n" + kiosk->stderrText();
    }

    // Waits for a frame from `seen` on that satisfies `wanted` (each frame
    // is offered once, in order); fails naming `what`. The matching frame and
    // those after it stay to be seen by the next wait.
    const TracedFrame& waitFor(const std::string& what, const std::function<bool(const TracedFrame&)>& wanted,
                               std::chrono::seconds limit = 60s) {
        const auto deadline = std::chrono::steady_clock::now() + limit;
        std::size_t next = seen;
        while (true) {
            const auto& frames = trace->poll();
            for (; next < frames.size(); ++next) {
                if (wanted(frames[next])) {
                    seen = next;
                    return frames[next];
                }
            }
            if (std::chrono::steady_clock::now() >= deadline) {
                FAIL(("waited in vain for " + what + "; " + context()).c_str());
            }
            std::this_thread::sleep_for(50ms);
        }
    }
    const TracedFrame& waitForScreen(const char* screen,
                                     const std::function<bool(const TracedFrame&)>& also = [](const TracedFrame&) {
                                         return true;
                                     }) {
        return waitFor(std::string("the ") + screen + " screen",
                       [&](const TracedFrame& frame) { return frame.screen == screen && also(frame); });
    }

    // Clicks the centre of the button labelled `label` in the newest frame
    // (real X pointer events) and waits for a frame showing its effect.
    // Waiting for the effect, not for a number of frames, is what keeps taps
    // apart: X delivers the click to the kiosk some time after xdotool
    // returns, and the kiosk reads the pointer's position when it draws, so
    // moving on to the next button before this click was read would send
    // the click there.
    void tap(const std::string& label, const std::string& effect,
             const std::function<bool(const TracedFrame&)>& shown) {
        click(label);
        waitFor(effect + " after tapping '" + label + "'", shown);
    }
    void tap(const std::string& label, const char* screen) {
        tap(label, std::string("the ") + screen + " screen", [&](const TracedFrame& f) { return f.screen == screen; });
    }
    // A tap whose effect the trace does not show (a reason chip's selection):
    // the kiosk is left to go quiet before and after it.
    void tapAndSettle(const std::string& label) {
        settle();
        const std::size_t before = trace->poll().size();
        click(label);
        waitFor("a frame after tapping '" + label + "'",
                [&](const TracedFrame& frame) { return &frame - trace->frames().data() >= static_cast<long>(before); });
        settle();
    }
    // Types on the number pad, waiting after each key for the entry to read
    // entries[i].
    void typeOnKeypad(const std::string& digits, const std::vector<std::string>& entries) {
        CHECK_EQUAL(digits.size(), entries.size());
        for (std::size_t i = 0; i < digits.size(); ++i) {
            const std::string& entry = entries[i];
            tap(std::string(1, digits[i]), "the entry '" + entry + "'", [&](const TracedFrame& f) {
                for (const auto& text : f.texts) {
                    if (text == entry) {
                        return true;
                    }
                }
                return false;
            });
        }
    }

    void click(const std::string& label) {
        const auto& frames = trace->poll();
        if (frames.empty()) {
            FAIL(("nothing traced to tap '" + label + "' on; " + context()).c_str());
        }
        seen = frames.size() - 1;  // the effect shows from here on
        const testsupport::TracedButton* button = frames.back().button(label);
        if (!button) {
            FAIL(("no button '" + label + "' to tap; " + context()).c_str());
        }
        const int x = origin.x + static_cast<int>(button->centreX());
        const int y = origin.y + static_cast<int>(button->centreY());
        if (!xdo->click(x, y)) {
            FAIL((xdo->error() + "; " + context()).c_str());
        }
    }
    // Waits until no frame has been drawn for a while (three times the last
    // frame's drawing time, at least half a second).
    void settle() {
        const auto deadline = std::chrono::steady_clock::now() + 60s;
        std::size_t count = trace->poll().size();
        auto changed = std::chrono::steady_clock::now();
        while (true) {
            const auto& frames = trace->poll();
            const auto now = std::chrono::steady_clock::now();
            if (frames.size() != count) {
                count = frames.size();
                changed = now;
            }
            const double drawMs = frames.empty() ? 0.0 : frames.back().drawMs;
            const auto quiet = std::max(500ms, std::chrono::milliseconds(static_cast<long>(3.0 * drawMs)));
            if (now - changed >= quiet) {
                return;
            }
            if (now >= deadline) {
                FAIL(("the kiosk never stopped drawing; " + context()).c_str());
            }
            std::this_thread::sleep_for(50ms);
        }
    }

    void present(const std::shared_ptr<nfcsim::VirtualCard>& card) { simulator->present(card); }

    // Starts the kiosk on the simulator's reader with these extra options;
    // returns once it shows the attract screen and its reader is ready.
    void startKiosk(const std::string& database, const std::string& shots, const std::vector<std::string>& extra) {
        const std::string tracePath = dir->file("trace.jsonl");
        trace = std::make_unique<testsupport::UiTraceReader>(tracePath);
        std::vector<std::string> argv{KIOSK_BINARY, "--assets", KIOSK_SOURCE_ASSETS, "--windowed",
                                      std::to_string(kWidth) + "x" + std::to_string(kHeight), "--database", database,
                                      "--reader", simulator->connstring(), "--nfc-worker", KIOSK_NFC_WORKER,
                                      "--staff-idle", "60", "--ui-trace", tracePath, "--screenshot-dir", shots};
        argv.insert(argv.end(), extra.begin(), extra.end());
        kiosk = std::make_unique<testsupport::ChildProcess>(
            argv,
            std::map<std::string, std::string>{{"DISPLAY", xvfb->display()}, {"SDL_VIDEODRIVER", "x11"},
                                               {"KIOSK_HEAD_OFFICE", ""}},
            dir->file("kiosk.log"));

        // The window's place on the screen: button rectangles are in window pixels.
        waitForScreen("attract");
        const auto where = xdo->windowOrigin("loyalty-kiosk");
        if (!where) {
            FAIL((xdo->error() + "; " + context()).c_str());
        }
        origin = *where;

        // The reader is up once the kiosk says so (reader: ready).
        const auto readyBy = std::chrono::steady_clock::now() + 60s;
        while (kiosk->stderrText().find("reader: ready") == std::string::npos) {
            if (std::chrono::steady_clock::now() > readyBy) {
                FAIL(("the reader never became ready; " + context()).c_str());
            }
            std::this_thread::sleep_for(100ms);
        }
    }
};

TEST(ScriptedSession, AwardThenVoidByAManagerThenLogOutAndIdleBackToAttract) {
    // The points 12.34 earns this member today, from the programme's rules.
    const loyalty::Instant now = nowHere();
    const loyalty::MemberState gold = goldMember(loyalty::localDate(now));
    auto program = config::ProgramLoader::loadFile(std::string(KIOSK_SOURCE_ASSETS) + "/program.toml");
    if (!program) {
        FAIL(program.error().describe().c_str());
    }
    loyalty::CardState card;
    card.cardId = kMemberToken;
    loyalty::PurchaseRequest purchase;
    purchase.amount = kPurchase;
    purchase.staffId = "s-carl";
    const auto earn = loyalty::EarnCalculator(program.value()).preview(gold, card, purchase, now);
    CHECK_TRUE(earn.hasValue());
    STRCMP_EQUAL("Gold", earn->tierName.c_str());
    const loyalty::Points earned = earn->total;
    CHECK_TRUE(earned > 0);
    const std::string before = pointsText(kOpeningBalance);
    const std::string after = pointsText(kOpeningBalance + earned);

    const std::string database = dir->file("kiosk.db");
    prepareDatabase(database, gold);
    const std::string shots = KIOSK_UI_SESSION_DIR;
    std::filesystem::remove_all(shots);  // only this run's screens
    // Customer idle 6 s: long enough for staff to tap their card after the
    // member screen on a loaded machine, short enough to wait for at the end.
    startKiosk(database, shots, {"--customer-idle", "6"});
    present(uidCard("A1B2C3D4"));
    const TracedFrame& member = waitForScreen("member", [](const TracedFrame& f) { return f.shows("Ana"); });
    CHECK_TRUE_TEXT(member.shows(before), ("no " + before + " on " + member.describe()).c_str());
    CHECK_TRUE_TEXT(member.shows("Gold"), member.describe().c_str());

    // The cashier's card, kept on the reader until the kiosk asks for the PIN
    // (taken off during its read, a card ends the session), then the PIN.
    present(uidCard(kCashierUid));
    waitForScreen("staff_login", [](const TracedFrame& f) { return f.shows("Carl"); });
    simulator->remove();
    typeOnKeypad(kCashierPin, {"•", "••", "•••", "••••"});
    tap("OK", "staff_menu");
    const TracedFrame& menu = waitForScreen("staff_menu");
    CHECK_TRUE_TEXT(menu.shows("Carl"), menu.describe().c_str());
    CHECK_TRUE_TEXT(menu.shows("Ana · " + before), menu.describe().c_str());

    // Award 12.34: the preview, then OK records it.
    tap("Award points", "amount_entry");
    typeOnKeypad("1234", {"€0.01", "€0.12", "€1.23", "€12.34"});
    const TracedFrame& preview = waitForScreen("amount_entry", [](const TracedFrame& f) { return f.shows("€12.34"); });
    CHECK_TRUE_TEXT(preview.shows("+" + pointsText(earned)), preview.describe().c_str());
    tap("OK", "confirmation");
    const TracedFrame& added = waitForScreen("confirmation");
    CHECK_TRUE_TEXT(added.shows("Points added"), added.describe().c_str());
    CHECK_TRUE_TEXT(added.shows("New balance: " + after), ("expected " + after + " on " + added.describe()).c_str());
    tap("OK", "staff_menu");
    const TracedFrame& updated = waitForScreen("staff_menu");
    CHECK_TRUE_TEXT(updated.shows("Ana · " + after), updated.describe().c_str());

    // A cashier may not void: switch to the manager (card, PIN).
    tap("Switch staff", "staff_login");
    present(uidCard(kManagerUid));
    waitForScreen("staff_login", [](const TracedFrame& f) { return f.shows("Mia"); });
    simulator->remove();
    typeOnKeypad(kManagerPin, {"•", "••", "•••", "••••"});
    tap("OK", "Mia's staff menu", [](const TracedFrame& f) { return f.screen == "staff_menu" && f.shows("Mia"); });

    // Void the award, with a reason.
    tap("Void last transaction", "confirm_action");
    const TracedFrame& confirmVoid = waitForScreen("confirm_action");
    CHECK_TRUE_TEXT(confirmVoid.shows("+" + pointsText(earned)), confirmVoid.describe().c_str());
    tapAndSettle("Wrong amount");
    tap("Confirm", "confirmation");
    const TracedFrame& voided = waitForScreen("confirmation");
    CHECK_TRUE_TEXT(voided.shows("Transaction voided"), voided.describe().c_str());
    CHECK_TRUE_TEXT(voided.shows("New balance: " + before), ("expected " + before + " on " + voided.describe()).c_str());
    tap("OK", "staff_menu");
    const TracedFrame& restored = waitForScreen("staff_menu");
    CHECK_TRUE_TEXT(restored.shows("Ana · " + before), restored.describe().c_str());
    CHECK_TRUE_TEXT(restored.shows("Nothing to void"), restored.describe().c_str());

    // Log out: the member's screen with the restored balance; then nobody
    // touches the kiosk and it goes back to attract, showing nothing of her.
    tap("Log out", "member");
    const TracedFrame& customer = waitForScreen("member");
    CHECK_TRUE_TEXT(customer.shows(before), customer.describe().c_str());
    const TracedFrame& attract = waitForScreen("attract");
    CHECK_FALSE_TEXT(attract.shows("Ana"), attract.describe().c_str());
    CHECK_FALSE_TEXT(attract.shows(before), attract.describe().c_str());
    // The settled frames too (the screenshot is taken from the last of them).
    const auto& frames = trace->poll();
    for (std::size_t i = seen; i < frames.size(); ++i) {
        CHECK_TRUE_TEXT(screenIs(frames[i], "attract"), frames[i].describe().c_str());
        CHECK_FALSE_TEXT(frames[i].shows("Ana"), frames[i].describe().c_str());
    }
    kiosk->terminate();

    // The ledger: one earn by the cashier and its void by the manager; the
    // balance back where it was.
    auto db = storage::Database::open({database});
    CHECK_TRUE(db.hasValue());
    auto rows = db->prepare(
        "SELECT type, points_delta, purchase_amount, staff_id, voids_event_id, id FROM ledger ORDER BY seq");
    CHECK_TRUE(rows.hasValue());
    std::vector<std::vector<std::string>> ledger;
    while (true) {
        auto step = rows->step();
        CHECK_TRUE(step.hasValue());
        if (!step.value()) {
            break;
        }
        ledger.push_back({rows->columnText(0), std::to_string(rows->columnInt64(1)),
                          std::to_string(rows->columnInt64(2)), rows->columnOptionalText(3).value_or(""),
                          rows->columnOptionalText(4).value_or(""), rows->columnText(5)});
    }
    LONGS_EQUAL(2, ledger.size());
    STRCMP_EQUAL("earn", ledger[0][0].c_str());
    STRCMP_EQUAL(std::to_string(earned).c_str(), ledger[0][1].c_str());
    STRCMP_EQUAL(std::to_string(kPurchase).c_str(), ledger[0][2].c_str());
    STRCMP_EQUAL("s-carl", ledger[0][3].c_str());
    STRCMP_EQUAL("void", ledger[1][0].c_str());
    STRCMP_EQUAL(std::to_string(-earned).c_str(), ledger[1][1].c_str());
    STRCMP_EQUAL("s-mia", ledger[1][3].c_str());
    STRCMP_EQUAL(ledger[0][5].c_str(), ledger[1][4].c_str());
    auto stored = storage::MemberRepository(*db).get(gold.memberId);
    CHECK_TRUE(stored.hasValue() && stored->has_value());
    LONGS_EQUAL(kOpeningBalance, (*stored)->confirmedBalance + (*stored)->pendingDelta);

    // Every screen of the session stays under the build directory.
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(shots)) {
        names.push_back(entry.path().filename().string());
    }
    for (const char* screen : {"member", "staff_login", "staff_menu", "amount_entry", "confirm_action",
                               "confirmation", "attract"}) {
        bool found = false;
        for (const auto& name : names) {
            found = found || name.find(std::string("-") + screen + ".png") != std::string::npos;
        }
        CHECK_TRUE_TEXT(found, (std::string("no screenshot of ") + screen + " in " + shots).c_str());
    }
}

// A new customer's blank NTAG213 stays on the reader while staff log in on
// the keypad and enrol it: the kiosk writes its signed record onto the card
// (kiosk key in the reader worker), links the member by the record's card id,
// and the same card read again is that member.
TEST(ScriptedSession, EnrollingABlankNtagWritesItsSignedRecordAndTheCardIsThatMemberFromThenOn) {
    const loyalty::Instant now = nowHere();
    const std::string database = dir->file("kiosk.db");
    prepareDatabase(database, goldMember(loyalty::localDate(now)));
    const std::string shots = dir->file("shots");
    const std::string keys = std::string(KIOSK_SOURCE_ASSETS) + "/keys/";
    startKiosk(database, shots,
               {"--customer-idle", "60", "--head-office-key", keys + "demo-head-office.json", "--kiosk-key",
                keys + "demo-kiosk.json"});

    const auto blank = nfcsim::CardFile::load(std::string(KIOSK_SOURCE_ASSETS) + "/cards/ntag213.json");
    CHECK_TRUE(blank.hasValue());
    present(blank.value());
    waitForScreen("unknown_card");
    tap("Call staff", "staff_login");
    tapAndSettle("2");
    typeOnKeypad("001", {"20", "200", "2001"});
    tap("OK", "the PIN step", [](const TracedFrame& f) { return f.shows("Enter your PIN"); });
    typeOnKeypad(kKeypadStaffPin, {"•", "••", "•••", "••••"});
    tap("OK", "staff_menu");
    const TracedFrame& menu = waitForScreen("staff_menu");
    CHECK_TRUE_TEXT(menu.shows("Cleo"), menu.describe().c_str());
    CHECK_TRUE_TEXT(menu.shows("New card"), menu.describe().c_str());

    tap("Enrol new card", "confirm_action");
    tapAndSettle("L");
    tap("e", "the name 'Le'", [](const TracedFrame& f) { return f.shows("Le"); });
    tap("a", "the name 'Lea'", [](const TracedFrame& f) { return f.shows("Lea"); });
    tap("Confirm", "confirmation");
    const TracedFrame& enrolled = waitForScreen("confirmation");
    CHECK_TRUE_TEXT(enrolled.shows("Lea is now a member. Balance: 0 pts"), enrolled.describe().c_str());
    tap("OK", "staff_menu");

    // The card now answers with this kiosk's signed record: taken off and
    // read again, it is Lea's card (a lookup by its n: token).
    simulator->remove();
    present(blank.value());
    const TracedFrame& again =
        waitFor("Lea's card read again", [](const TracedFrame& f) { return f.screen == "staff_menu" && f.shows("Lea · 0 pts"); });
    CHECK_TRUE_TEXT(again.shows("Cleo"), again.describe().c_str());
    kiosk->terminate();

    auto db = storage::Database::open({database});
    CHECK_TRUE(db.hasValue());
    auto cards = db->prepare(
        "SELECT c.token, c.kind, m.display_name FROM cards c JOIN members m ON m.id = c.member_id "
        "WHERE m.display_name = 'Lea'");
    CHECK_TRUE(cards.hasValue());
    const auto first = cards->step();
    CHECK_TRUE(first.hasValue() && first.value());
    const std::string token = cards->columnText(0);
    STRCMP_EQUAL("n:", token.substr(0, 2).c_str());
    STRCMP_EQUAL("ntag21x", cards->columnText(1).c_str());
    const auto second = cards->step();
    CHECK_TRUE(second.hasValue());
    CHECK_FALSE(second.value());  // one card, not also its UID
    LONGS_EQUAL(1, db->queryInt("SELECT count(*) FROM ledger WHERE type = 'enrol'").value());
    LONGS_EQUAL(0, db->queryInt("SELECT count(*) FROM cards WHERE token LIKE 'u:04A1B2%'").value());
}
