// NTAG 424 DNA SUN verification against NXP AN12196's worked example (all
// keys zero), replays, wrong keys, and AN10922 key diversification.

#include <cctype>
#include <string>

#include "drivers/nfc/cards/CardTestSupport.h"
#include "nfc/cards/Hex.h"
#include "nfc/cards/KeyDiversifier.h"
#include "nfc/cards/MemorySunCounterStore.h"
#include "nfc/cards/SunVerifier.h"

#include <CppUTest/TestHarness.h>

using cardtest::hex;
using nfc::Bytes;
using nfc::CardRefusal;
using namespace nfc::cards;

namespace {

const std::string kAn12196Url =
    "https://loyalty.example/sun?picc_data=EF963FF7828658A599F3041510671E88&cmac=94EED9EE65337086";

Aes128::Key key(const std::string& text) {
    const Bytes bytes = hex(text);
    Aes128::Key out{};
    std::copy(bytes.begin(), bytes.end(), out.begin());
    return out;
}

Bytes bytesOf(const Aes128::Block& block) {
    return Bytes(block.begin(), block.end());
}

}  // namespace

TEST_GROUP(SunVerifier) {
    SunVerifier zeroKeys{SunKeys{}};
    MemorySunCounterStore counters;
};

TEST(SunVerifier, TheAn12196StepsGiveTheNotesValues) {
    const auto plain = Aes128::decryptBlock(Aes128::Key{}, key("EF963FF7828658A599F3041510671E88"));
    CHECK(hex("C704DE5F1EACC0403D0000DA5CF60941") == bytesOf(*plain));
    const auto sessionKey = Aes128::cmac(Aes128::Key{}, hex("3CC30001008004DE5F1EACC0403D0000"));
    CHECK(hex("3FB5F6E3A807A03D5E3570ACE393776F") == bytesOf(*sessionKey));
    const auto full = Aes128::cmac(*sessionKey, nullptr, 0);
    CHECK(hex("E194C7EE12D9F7EE8A65C8331B704386") == bytesOf(*full));
    const auto mac = zeroKeys.sdmMac(hex("04DE5F1EACC040"), 61);
    CHECK(hex("94EED9EE65337086") == Bytes(mac->begin(), mac->end()));
}

TEST(SunVerifier, TheAn12196UrlVerifies) {
    const auto reading = zeroKeys.verifyAndAccept(kAn12196Url, counters);
    CHECK_TEXT(reading.hasValue(), reading ? "" : reading.error().detail.c_str());
    STRCMP_EQUAL("04DE5F1EACC040", reading->uidHex().c_str());
    LONGS_EQUAL(61, reading->counter);
    LONGS_EQUAL(61, *counters.last("04DE5F1EACC040"));
}

TEST(SunVerifier, TheSameOrALowerCounterIsAReplay) {
    CHECK(zeroKeys.verifyAndAccept(kAn12196Url, counters).hasValue());
    CHECK_EQUAL(CardRefusal::Replayed, zeroKeys.verifyAndAccept(kAn12196Url, counters).error().refusal);
    MemorySunCounterStore ahead;
    ahead.setLast("04DE5F1EACC040", 62);
    CHECK_EQUAL(CardRefusal::Replayed, zeroKeys.verifyAndAccept(kAn12196Url, ahead).error().refusal);
    MemorySunCounterStore behind;
    behind.setLast("04DE5F1EACC040", 60);
    CHECK(zeroKeys.verifyAndAccept(kAn12196Url, behind).hasValue());
}

TEST(SunVerifier, AWrongFileReadKeyIsABadMac) {
    SunKeys keys;
    keys.fileReadKey[15] = 0x01;
    const auto reading = SunVerifier(keys).verifyAndAccept(kAn12196Url, counters);
    CHECK_EQUAL(CardRefusal::BadMac, reading.error().refusal);
    CHECK_FALSE(counters.last("04DE5F1EACC040").has_value());  // a bad MAC never consumes a counter
}

TEST(SunVerifier, AWrongMetaReadKeyIsABadMac) {
    SunKeys keys;
    keys.metaReadKey[0] = 0x01;
    CHECK_EQUAL(CardRefusal::BadMac, SunVerifier(keys).verify(kAn12196Url).error().refusal);
}

TEST(SunVerifier, AChangedMacOrPiccDataIsABadMac) {
    for (std::size_t at = kAn12196Url.find("picc_data=") + 10; at < kAn12196Url.size(); ++at) {
        if (!std::isxdigit(static_cast<unsigned char>(kAn12196Url[at])) || std::islower(static_cast<unsigned char>(kAn12196Url[at]))) {
            continue;
        }
        std::string url = kAn12196Url;
        url[at] = url[at] == '0' ? '1' : '0';
        const auto reading = zeroKeys.verify(url);
        CHECK_FALSE_TEXT(reading.hasValue(), url.c_str());
        CHECK_EQUAL_TEXT(CardRefusal::BadMac, reading.error().refusal, url.c_str());
    }
}

TEST(SunVerifier, AUrlWithoutSunParametersIsAnUnknownFormat) {
    CHECK_EQUAL(CardRefusal::UnknownFormat, zeroKeys.verify("https://loyalty.example/c/x").error().refusal);
}

TEST(SunVerifier, ACounterStoreFailureRefusesTheCard) {
    struct BrokenStore : SunCounterStore {
        loyalty::Expected<bool, std::string> acceptCounter(const std::string&, std::uint32_t) override {
            return loyalty::unexpected(std::string("disk full"));
        }
    } broken;
    const auto reading = zeroKeys.verifyAndAccept(kAn12196Url, broken);
    CHECK_EQUAL(CardRefusal::Unreadable, reading.error().refusal);
}

TEST_GROUP(KeyDiversifier) {};

TEST(KeyDiversifier, MatchesTheAn10922Aes128Example) {
    // AN10922 §2.2.1: M = UID 04782E21801D80 || AID 3042F5 || "NXP Abu".
    const auto diversified = KeyDiversifier::diversify(key("00112233445566778899AABBCCDDEEFF"),
                                                       hex("04782E21801D80"), hex("3042F54E585020416275"));
    CHECK(diversified.has_value());
    STRCMP_EQUAL("A8DD63A3B89D54B37CA802473FDA9175", Hex::encode(diversified->data(), 16).c_str());
}

TEST(KeyDiversifier, GivesEachUidItsOwnKeyAndRefusesLongInput) {
    const Aes128::Key master = key("000102030405060708090A0B0C0D0E0F");
    const Bytes system{'C', 'R'};
    CHECK(KeyDiversifier::diversify(master, hex("04000000000001"), system) !=
          KeyDiversifier::diversify(master, hex("04000000000002"), system));
    CHECK_FALSE(KeyDiversifier::diversify(master, hex("04000000000001"), Bytes(25, 0x41)).has_value());
    CHECK(KeyDiversifier::diversify(master, hex("04000000000001"), Bytes(24, 0x41)).has_value());  // D = 32 bytes, K1
}

TEST(KeyDiversifier, TheDiversifiedDemoCardVerifiesWithItsMasterKey) {
    SunKeys keys;
    keys.metaReadKey = key("00000000000000000000000000000000");
    keys.fileReadKey = key("000102030405060708090A0B0C0D0E0F");
    keys.diversifyFileKey = true;
    const SunVerifier verifier(keys);
    const Bytes uid = hex("04DE5F1EACC040");
    const auto mac = verifier.sdmMac(uid, 61);
    SunKeys perCard = keys;
    perCard.diversifyFileKey = false;
    perCard.fileReadKey = *KeyDiversifier::diversify(keys.fileReadKey, uid, keys.systemIdentifier);
    CHECK(mac == SunVerifier(perCard).sdmMac(uid, 61));
    CHECK(mac != SunVerifier(SunKeys{}).sdmMac(uid, 61));
}
