// Demo mode as a presenter meets it: the real kiosk binary with --demo on a
// real X server (Xvfb), its reader the in-process PN532 simulator, a real
// database prepared the way head office's change feed leaves it, and real X
// input (xdotool, XTEST): a click on the demo tray's tab and on its card 3
// (Carla, by the rectangle the --ui-trace reports), then key 7 (Anna's staff
// card) and key 0.
#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>

#include <nlohmann/json.hpp>

#include "storage/CardRepository.h"
#include "storage/Database.h"
#include "storage/KioskIdentity.h"
#include "storage/MemberRepository.h"
#include "storage/Migrator.h"
#include "storage/StaffRepository.h"
#include "support/ChildProcess.h"
#include "support/TempDir.h"
#include "support/XvfbServer.h"

// CppUTest last: its memory-leak macros redefine new.
#include <CppUTest/TestHarness.h>

namespace {

using namespace std::chrono_literals;

constexpr const char* kXdotool = "/usr/bin/xdotool";

struct Button {
    std::string label;
    float x = 0, y = 0, w = 0, h = 0;
};

struct DemoFrame {
    std::string screen;
    std::vector<std::string> texts;
    std::vector<Button> buttons;
    bool shows(const std::string& part) const {
        for (const auto& text : texts) {
            if (text.find(part) != std::string::npos) {
                return true;
            }
        }
        return false;
    }
    const Button* button(const std::string& label) const {
        for (const auto& b : buttons) {
            if (b.label == label) {
                return &b;
            }
        }
        return nullptr;
    }
};

std::vector<DemoFrame> readFrames(const std::string& path) {
    std::vector<DemoFrame> frames;
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
        auto json = nlohmann::json::parse(line, nullptr, false);
        if (json.is_discarded()) {
            continue;  // a line being written
        }
        DemoFrame frame{json.value("screen", ""), json.value("texts", std::vector<std::string>{}), {}};
        if (json.contains("buttons") && json["buttons"].is_array()) {
            for (const auto& b : json["buttons"]) {
                frame.buttons.push_back({b.value("label", ""), b.value("x", 0.0f), b.value("y", 0.0f), b.value("w", 0.0f),
                                         b.value("h", 0.0f)});
            }
        }
        frames.push_back(std::move(frame));
    }
    return frames;
}

// Carla with a UID-only card (demo card 3's UID) and Anna with a staff card
// (demo card 7's), as the change feed stores them.
void prepareDatabase(const std::string& path) {
    auto db = storage::Database::open({path});
    CHECK_TRUE(db.hasValue());
    CHECK_TRUE(storage::Migrator::migrate(*db).hasValue());
    CHECK_TRUE(storage::KioskIdentity(*db).provision("demo-test-kiosk", 0).hasValue());
    storage::MemberRecord member;
    member.id = "m-near";
    member.displayName = "Carla";
    member.enrolledOn = loyalty::Date{2025, 6, 14};
    member.confirmedBalance = 140;
    storage::MemberRepository members(*db);
    CHECK_TRUE(members.upsert(member, 0).hasValue());
    CHECK_TRUE(members.replaceLots("m-near", {loyalty::PointLot{loyalty::Date{2026, 10, 1}, 140}}).hasValue());
    CHECK_TRUE(storage::CardRepository(*db).link("u:A1B2C3D4", "m-near", storage::CardKind::Uid, 0).hasValue());
    storage::StaffRecord anna;
    anna.id = "s-anna";
    anna.displayName = "Anna";
    anna.role = storage::StaffRole::Cashier;
    anna.cardToken = "u:04C1D2E3F40A0B";
    CHECK_TRUE(storage::StaffRepository(*db).upsert(anna, 0).hasValue());
}

}  // namespace

TEST_GROUP(DemoMode) {
    std::unique_ptr<testsupport::XvfbServer> xvfb;
    std::unique_ptr<testsupport::TempDir> dir;

    void setup() override {
        if (access(kXdotool, X_OK) != 0) {
            FAIL("xdotool is missing: run scripts/install-deps");
        }
        xvfb = std::make_unique<testsupport::XvfbServer>(1280, 800);
        dir = std::make_unique<testsupport::TempDir>("kiosk-demo-mode");
        if (!xvfb->running()) {
            FAIL(xvfb->error().c_str());
        }
    }
    void teardown() override {
        dir.reset();
        xvfb.reset();
    }

    // Runs xdotool on the test's display; its output, or nullopt.
    std::optional<std::string> xdotool(const std::vector<std::string>& args) {
        std::vector<std::string> argv{kXdotool};
        argv.insert(argv.end(), args.begin(), args.end());
        const std::string out = dir->file("xdotool.out");
        const auto code = testsupport::ChildProcess::run(argv, {{"DISPLAY", xvfb->display()}}, out, 30000);
        std::ifstream in(out);
        std::ostringstream text;
        text << in.rdbuf();
        lastXdotool = text.str();
        return code && *code == 0 ? std::optional(text.str()) : std::nullopt;
    }
    std::string lastXdotool;

    // The first frame matching `wanted` drawn after frame `after`, waiting up to `limit`.
    template <class Predicate>
    std::optional<DemoFrame> waitFor(const std::string& trace, std::size_t after, Predicate wanted,
                                     std::chrono::seconds limit, std::size_t* at = nullptr) {
        const auto deadline = std::chrono::steady_clock::now() + limit;
        while (std::chrono::steady_clock::now() < deadline) {
            const auto frames = readFrames(trace);
            for (std::size_t i = after; i < frames.size(); ++i) {
                if (wanted(frames[i])) {
                    if (at) {
                        *at = i;
                    }
                    return frames[i];
                }
            }
            std::this_thread::sleep_for(100ms);
        }
        return std::nullopt;
    }
};

TEST(DemoMode, TheTrayAndTheKeysPresentTheDemoCardsToTheKiosksReader) {
    const std::string database = dir->file("kiosk.db");
    prepareDatabase(database);
    const std::string trace = dir->file("trace.jsonl");
    testsupport::ChildProcess kiosk(
        {KIOSK_BINARY, "--demo", "--assets", KIOSK_SOURCE_ASSETS, "--windowed", "1280x800", "--database", database,
         "--nfc-worker", KIOSK_NFC_WORKER, "--ui-trace", trace, "--screenshot-dir", dir->file("shots")},
        {{"DISPLAY", xvfb->display()}, {"SDL_VIDEODRIVER", "x11"}, {"KIOSK_HEAD_OFFICE", ""},
         {"KIOSK_READER", "pn532_uart:/dev/null-not-a-reader"}},  // --demo ignores it
        dir->file("kiosk.log"));

    // Attract with the collapsed tray, and the reader ready (no warning).
    std::size_t at = 0;
    auto attract = waitFor(
        trace, 0, [](const DemoFrame& f) { return f.screen == "attract" && f.shows("Tap your card") && f.button("DEMO cards"); },
        60s, &at);
    CHECK_TRUE_TEXT(attract.has_value(), ("no attract screen with the demo tab; kiosk log:\n" + kiosk.stderrText()).c_str());
    std::this_thread::sleep_for(2s);  // the worker opens the reader

    auto window = xdotool({"search", "--onlyvisible", "--name", "^Corner Rewards$", "getwindowgeometry"});
    CHECK_TRUE_TEXT(window.has_value(), ("xdotool found no kiosk window: " + lastXdotool).c_str());
    int originX = 0;
    int originY = 0;
    const auto position = window->find("Position:");
    CHECK_TRUE(position != std::string::npos &&
               std::sscanf(window->c_str() + position, "Position: %d,%d", &originX, &originY) == 2);
    const auto click = [&](const Button& b) {
        const int x = originX + static_cast<int>(b.x + b.w * 0.5f);
        const int y = originY + static_cast<int>(b.y + b.h * 0.5f);
        CHECK_TRUE_TEXT(xdotool({"mousemove", "--sync", std::to_string(x), std::to_string(y), "click", "1"}).has_value(),
                        lastXdotool.c_str());
    };

    // The tab opens the tray; its card 3 (Carla, near a reward) goes on the reader.
    click(*attract->button("DEMO cards"));
    auto open = waitFor(trace, at, [](const DemoFrame& f) { return f.button("3 Carla near") != nullptr; }, 20s, &at);
    CHECK_TRUE_TEXT(open.has_value(), ("the tray did not open; kiosk log:\n" + kiosk.stderrText()).c_str());
    CHECK_TRUE(open->button("1 Gold Ana") && open->button("8 Mgr Marco"));
    click(*open->button("3 Carla near"));
    auto member = waitFor(trace, at, [](const DemoFrame& f) { return f.screen == "member" && f.shows("Carla"); }, 30s, &at);
    CHECK_TRUE_TEXT(member.has_value(), ("no member screen for Carla; kiosk log:\n" + kiosk.stderrText()).c_str());
    CHECK_TRUE(member->shows("140"));
    // The strip closed again (the screen's buttons are free) and the tab says which card is on.
    auto closed = waitFor(trace, at, [](const DemoFrame& f) { return f.button("DEMO cards: 3 on reader") != nullptr; }, 20s);
    CHECK_TRUE_TEXT(closed.has_value(), "the tab does not show card 3 on the reader");
    CHECK_TRUE(closed->button("3 Carla near") == nullptr);

    // Key 7: Carla's card off, Anna's staff card on: the PIN prompt for Anna.
    CHECK_TRUE_TEXT(xdotool({"key", "7"}).has_value(), lastXdotool.c_str());
    auto login = waitFor(trace, at, [](const DemoFrame& f) { return f.screen == "staff_login" && f.shows("Anna"); }, 30s,
                         &at);
    CHECK_TRUE_TEXT(login.has_value(), ("no staff login for Anna after key 7; kiosk log:\n" + kiosk.stderrText()).c_str());
    CHECK_TRUE(login->button("DEMO cards: 7 on reader") != nullptr || waitFor(trace, at, [](const DemoFrame& f) {
                   return f.button("DEMO cards: 7 on reader") != nullptr;
               }, 20s).has_value());

    // Key 0 takes it away: the tab no longer names a card.
    CHECK_TRUE_TEXT(xdotool({"key", "0"}).has_value(), lastXdotool.c_str());
    auto removed = waitFor(trace, at, [](const DemoFrame& f) { return f.button("DEMO cards") != nullptr; }, 20s);
    CHECK_TRUE_TEXT(removed.has_value(), "key 0 did not take the card away");
    kiosk.terminate();
}

TEST(DemoMode, DemoAndReaderExcludeEachOther) {
    const auto code = testsupport::ChildProcess::run(
        {KIOSK_BINARY, "--demo", "--reader", "pn532_uart:/dev/ttyUSB0", "--assets", KIOSK_SOURCE_ASSETS, "--database",
         dir->file("kiosk.db")},
        {{"DISPLAY", xvfb->display()}, {"SDL_VIDEODRIVER", "x11"}}, dir->file("refused.log"), 30000);
    CHECK_TRUE(code.has_value());
    LONGS_EQUAL(1, *code);
    std::ifstream in(dir->file("refused.log"));
    std::ostringstream text;
    text << in.rdbuf();
    STRCMP_CONTAINS("--demo and --reader exclude each other", text.str().c_str());
}
