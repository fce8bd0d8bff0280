// The demo's card tray (app/demo/DemoCards): the shipped index and its nine
// card files, their agreement with the head office's demo data, clear
// messages for a broken index, and the present / toggle / remove semantics
// on the real PN532 simulator, read back through real libnfc.
#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "demo/DemoCards.h"
#include "drivers/nfc/LibnfcSession.h"
#include "nfc/sim/Bytes.h"
#include "support/TempDir.h"

// CppUTest last: its memory-leak macros redefine new.
#include <CppUTest/TestHarness.h>

namespace {

const std::string kTray = std::string(KIOSK_SOURCE_ASSETS) + "/cards/demo/tray.json";

void write(const std::string& path, const std::string& text) {
    std::ofstream out(path);
    out << text;
}

std::string hex(const nfcsim::Bytes& bytes) { return nfcsim::toHex(bytes, ""); }

// The UID real libnfc selects on the simulator, or "none".
std::string uidSeenByLibnfc(const std::string& connstring) {
    nfctest::LibnfcSession session;
    if (!session.open(connstring) || session.initiatorInit() < 0) {
        return "libnfc failed: " + session.lastErrorText();
    }
    session.setInfiniteSelect(false);
    const auto target = session.select();
    return target ? hex(target->uid) : std::string("none");
}

}  // namespace

TEST_GROUP(DemoTrayIndex) {
    std::unique_ptr<testsupport::TempDir> dir;
    void setup() override { dir = std::make_unique<testsupport::TempDir>("demo-tray"); }
    void teardown() override { dir.reset(); }

    // Loads an index written with `cards` (JSON) and returns the error text.
    std::string errorFor(const std::string& index) {
        const std::string path = dir->file("tray.json");
        write(path, index);
        auto loaded = demo::DemoCards::loadTray(path);
        CHECK_FALSE_TEXT(loaded.hasValue(), ("accepted: " + index).c_str());
        return loaded.hasValue() ? std::string() : loaded.error();
    }
};

TEST(DemoTrayIndex, TheShippedTrayHasNineCardsOnKeysOneToNine) {
    auto tray = demo::DemoCards::loadTray(kTray);
    CHECK_TRUE_TEXT(tray.hasValue(), tray.hasValue() ? "" : tray.error().c_str());
    LONGS_EQUAL(9, tray->size());
    const std::vector<std::pair<std::string, std::string>> expected{
        {"mifare-classic", "04A1B2C3"},       {"ntag213", "04517A3C219E80"}, {"mifare-classic", "A1B2C3D4"},
        {"ntag213", "04A1B2C3D4E5F6"},        {"ntag424", "0424D0A1B2C3D4"}, {"ntag215", "04C10E5D6A7B8C"},
        {"ntag213", "04C1D2E3F40A0B"},        {"ntag215", "04B1C2D3E4F506"}, {"ntag213", "045B1A7C3E9180"}};
    for (std::size_t i = 0; i < tray->size(); ++i) {
        const auto& card = (*tray)[i];
        LONGS_EQUAL(static_cast<long>(i + 1), card.key);
        CHECK_FALSE(card.label.empty());
        STRCMP_EQUAL(expected[i].first.c_str(), card.card->kind().c_str());
        STRCMP_EQUAL(expected[i].second.c_str(), hex(card.card->uid()).c_str());
    }
}

TEST(DemoTrayIndex, TheCardsAreTheOnesTheHeadOfficeDemoDataKnows) {
    std::ifstream in(std::string(KIOSK_SOURCE_ASSETS) + "/headoffice/demo.json");
    const auto office = nlohmann::json::parse(in, nullptr, false);
    CHECK_FALSE(office.is_discarded());
    std::map<std::string, std::pair<std::string, std::string>> cards;  // token -> member, status
    for (const auto& card : office["cards"]) {
        cards[card["token"].get<std::string>()] = {card["member_id"].get<std::string>(), card["status"].get<std::string>()};
    }
    std::map<std::string, std::string> staffCards;  // token -> staff id
    for (const auto& staff : office["staff"]) {
        if (staff["card_token"].is_string()) {
            staffCards[staff["card_token"].get<std::string>()] = staff["id"].get<std::string>();
        }
    }
    // UID-only cards (1, 3, 4, 7, 8): the token is u: and the UID.
    CHECK_TRUE(cards["u:04A1B2C3"] == std::make_pair(std::string("m-gold"), std::string("active")));
    CHECK_TRUE(cards["u:A1B2C3D4"] == std::make_pair(std::string("m-near"), std::string("active")));
    CHECK_TRUE(cards["u:04A1B2C3D4E5F6"].second == "blocked");
    STRCMP_EQUAL("1001", staffCards["u:04C1D2E3F40A0B"].c_str());
    STRCMP_EQUAL("1002", staffCards["u:04B1C2D3E4F506"].c_str());
    // Signed and SUN cards (2, 5) carry the tokens head office knows; the
    // clone's (6) UID is nobody's.
    CHECK_TRUE(cards["n:0000000000010001"].first == "m-new");
    CHECK_TRUE(cards["s:0424D0A1B2C3D4"].first == "m-near");
    CHECK_TRUE(cards.count("u:04C10E5D6A7B8C") == 0 && staffCards.count("u:04C10E5D6A7B8C") == 0);
    // The blank card (9) is nobody's until staff enrol it.
    CHECK_TRUE(cards.count("u:045B1A7C3E9180") == 0 && staffCards.count("u:045B1A7C3E9180") == 0);
}

TEST(DemoTrayIndex, ABrokenIndexIsRefusedWithAMessageNamingTheFileAndTheEntry) {
    const std::string path = dir->file("tray.json");
    auto missing = demo::DemoCards::loadTray(dir->file("absent.json"));
    CHECK_FALSE(missing.hasValue());
    STRCMP_CONTAINS("absent.json: cannot open", missing.error().c_str());

    STRCMP_CONTAINS("tray.json: not a JSON object", errorFor("[1, 2").c_str());
    STRCMP_CONTAINS("\"cards\" must be a non-empty list", errorFor("{\"cards\": []}").c_str());
    STRCMP_CONTAINS("card 1: \"key\" must be a whole number from 1 to 9",
                    errorFor(R"({"cards": [{"key": 0, "label": "A", "file": "a.json"}]})").c_str());
    STRCMP_CONTAINS("card 1: \"key\" must be a whole number from 1 to 9",
                    errorFor(R"({"cards": [{"key": "1", "label": "A", "file": "a.json"}]})").c_str());
    STRCMP_CONTAINS("card 1: \"label\" must be text",
                    errorFor(R"({"cards": [{"key": 1, "label": "", "file": "a.json"}]})").c_str());
    STRCMP_CONTAINS("card 1: \"file\" must name a card file", errorFor(R"({"cards": [{"key": 1, "label": "A"}]})").c_str());

    write(dir->file("a.json"), R"({"type": "mifare-classic", "uid": "04A1B2C3"})");
    write(dir->file("bad.json"), R"({"type": "floppy-disk", "uid": "04A1B2C3"})");
    STRCMP_CONTAINS("card 2: key 1 is used twice",
                    errorFor(R"({"cards": [{"key": 1, "label": "A", "file": "a.json"},
                                           {"key": 1, "label": "B", "file": "a.json"}]})").c_str());
    const auto badCard = errorFor(R"({"cards": [{"key": 1, "label": "A", "file": "a.json"},
                                                {"key": 2, "label": "B", "file": "bad.json"}]})");
    STRCMP_CONTAINS("card 2 (key 2)", badCard.c_str());
    STRCMP_CONTAINS("bad.json", badCard.c_str());
    STRCMP_CONTAINS("unknown \"type\" floppy-disk", badCard.c_str());
    const auto noCard = errorFor(R"({"cards": [{"key": 4, "label": "A", "file": "gone.json"}]})");
    STRCMP_CONTAINS("gone.json", noCard.c_str());
    STRCMP_CONTAINS("cannot open", noCard.c_str());
    // start() refuses the same way, before any simulator runs.
    write(path, "{}");
    auto started = demo::DemoCards::start(path);
    CHECK_FALSE(started.hasValue());
    STRCMP_CONTAINS("\"cards\" must be a non-empty list", started.error().c_str());
}

TEST_GROUP(DemoCards) {
    std::unique_ptr<demo::DemoCards> cards;
    void setup() override {
        auto started = demo::DemoCards::start(kTray);
        if (!started) {
            FAIL(started.error().c_str());
        }
        cards = std::move(started.value());
    }
    void teardown() override { cards.reset(); }
    std::string inField() { return cards->simulator().status().card; }
};

TEST(DemoCards, StartsWithAnEmptyReaderThatLibnfcOpens) {
    STRCMP_EQUAL("none", inField().c_str());
    CHECK_FALSE(cards->onReader().has_value());
    STRCMP_CONTAINS("pn532_uart:", cards->connstring().c_str());
    STRCMP_EQUAL("none", uidSeenByLibnfc(cards->connstring()).c_str());
}

TEST(DemoCards, AKeyPresentsItsCardTheSameKeyTakesItAwayAndAnotherKeySwapsTheCard) {
    CHECK_TRUE(cards->toggle(3));
    LONGS_EQUAL(3, cards->onReader().value_or(-1));
    STRCMP_EQUAL("mifare-classic uid=A1B2C3D4", inField().c_str());
    STRCMP_EQUAL("A1B2C3D4", uidSeenByLibnfc(cards->connstring()).c_str());

    CHECK_TRUE(cards->toggle(7));  // card 3 off the reader, Anna's on
    LONGS_EQUAL(7, cards->onReader().value_or(-1));
    STRCMP_EQUAL("04C1D2E3F40A0B", uidSeenByLibnfc(cards->connstring()).c_str());

    CHECK_TRUE(cards->toggle(7));  // the same key again: taken away
    CHECK_FALSE(cards->onReader().has_value());
    STRCMP_EQUAL("none", inField().c_str());
    STRCMP_EQUAL("none", uidSeenByLibnfc(cards->connstring()).c_str());
}

TEST(DemoCards, ZeroTakesAnyCardAwayAndAKeyOffTheTrayChangesNothing) {
    CHECK_TRUE(cards->toggle(8));
    CHECK_FALSE(cards->toggle(10));  // no card 10 on the tray
    LONGS_EQUAL(8, cards->onReader().value_or(-1));
    STRCMP_EQUAL("04B1C2D3E4F506", uidSeenByLibnfc(cards->connstring()).c_str());
    CHECK_TRUE(cards->toggle(0));
    CHECK_FALSE(cards->onReader().has_value());
    STRCMP_EQUAL("none", inField().c_str());
    CHECK_TRUE(cards->toggle(0));  // nothing on the reader: still nothing
    STRCMP_EQUAL("none", inField().c_str());
}

TEST(DemoCards, PresentPutsTheCardOnEvenWhenItIsAlreadyThere) {
    CHECK_TRUE(cards->present(1));
    CHECK_TRUE(cards->present(1));  // present() is not a toggle
    LONGS_EQUAL(1, cards->onReader().value_or(-1));
    STRCMP_EQUAL("04A1B2C3", uidSeenByLibnfc(cards->connstring()).c_str());
    CHECK_FALSE(cards->present(0));
    LONGS_EQUAL(1, cards->onReader().value_or(-1));
    cards->remove();
    CHECK_FALSE(cards->onReader().has_value());
    STRCMP_EQUAL("none", inField().c_str());
}
