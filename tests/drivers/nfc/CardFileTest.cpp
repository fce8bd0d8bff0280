#include <string>

#include "nfc/sim/CardFile.h"
#include "nfc/sim/NtagCard.h"

#include <CppUTest/TestHarness.h>

using nfcsim::CardFile;

namespace {

std::string asset(const char* name) {
    return std::string(KIOSK_SOURCE_ASSETS) + "/cards/" + name;
}

void checkRefused(const char* json, const char* expectedPart) {
    const auto result = CardFile::parse(json, "card.json");
    CHECK_FALSE(result.hasValue());
    if (result.error().find(expectedPart) == std::string::npos) {
        FAIL(("message \"" + result.error() + "\" should mention " + expectedPart).c_str());
    }
}

}  // namespace

TEST_GROUP(CardFile){};

TEST(CardFile, LoadsEveryDemoCard) {
    const struct {
        const char* file;
        const char* kind;
        const char* uid;
    } cards[] = {{"mifare-classic-uid.json", "mifare-classic", "A1B2C3D4"},
                 {"ntag213.json", "ntag213", "04A1B2C3D4E5F6"},
                 {"ntag215.json", "ntag215", "04B1C2D3E4F506"},
                 {"ntag216.json", "ntag216", "04C1D2E3F40617"},
                 {"ntag424-sun.json", "ntag424", "04DE5F1EACC040"}};
    for (const auto& expected : cards) {
        const auto card = CardFile::load(asset(expected.file));
        if (!card) {
            FAIL(card.error().c_str());
        }
        STRCMP_EQUAL(expected.kind, (*card)->kind().c_str());
        STRCMP_EQUAL(expected.uid, nfcsim::toHex((*card)->uid()).c_str());
    }
}

TEST(CardFile, NtagFilesCarryTheirWholeMemory) {
    const auto card = CardFile::load(asset("ntag216.json"));
    const auto& tag = static_cast<const nfcsim::NtagCard&>(**card);
    LONGS_EQUAL(231 * 4, tag.memory().size());
    BYTES_EQUAL(0x6D, tag.memory()[14]);  // CC size byte of an NTAG216
    BYTES_EQUAL(0x03, tag.memory()[16]);  // NDEF TLV
}

TEST(CardFile, BuildsFactoryMemoryFromUserData) {
    const auto card = CardFile::parse(R"({"type": "ntag213", "uid": "04010203040506", "user_data": "0303D00000FE"})",
                                      "card.json");
    CHECK(card.hasValue());
    const auto& tag = static_cast<const nfcsim::NtagCard&>(**card);
    BYTES_EQUAL(0xD0, tag.memory()[18]);
}

TEST(CardFile, RefusesBrokenFilesWithAMessage) {
    checkRefused("[1, 2", "not a JSON object");
    checkRefused(R"({"uid": "A1B2C3D4"})", "\"type\"");
    checkRefused(R"({"type": "felica", "uid": "A1B2C3D4"})", "unknown \"type\"");
    checkRefused(R"({"type": "mifare-classic", "uid": "A1B2C3"})", "\"uid\"");
    checkRefused(R"({"type": "ntag213", "uid": "05A1B2C3D4E5F6"})", "starting with 04");
    checkRefused(R"({"type": "ntag213", "uid": "04A1B2C3D4E5F6", "pages": ["04A1B29F"]})", "all 45 pages");
    checkRefused(R"({"type": "ntag424", "uid": "04DE5F1EACC040", "sdm_meta_read_key": "00",
                     "sdm_file_read_key": "00000000000000000000000000000000", "url": "https://x/{picc}{cmac}"})",
                 "16 bytes");
    checkRefused(R"({"type": "ntag424", "uid": "04DE5F1EACC040",
                     "sdm_meta_read_key": "00000000000000000000000000000000",
                     "sdm_file_read_key": "00000000000000000000000000000000", "url": "https://x/"})",
                 "placeholders");
    const auto missing = CardFile::load("/nonexistent/card.json");
    CHECK_FALSE(missing.hasValue());
}

TEST(CardFile, RefusesPagesWhoseCheckBytesDoNotMatchTheUid) {
    std::string json = R"({"type": "ntag213", "uid": "04A1B2C3D4E5F6", "pages": ["04A1B200")";
    for (int i = 1; i < 45; ++i) {
        json += R"(, "00000000")";
    }
    json += "]}";
    const auto result = CardFile::parse(json, "card.json");
    CHECK_FALSE(result.hasValue());
    CHECK(result.error().find("BCC") != std::string::npos);
}
