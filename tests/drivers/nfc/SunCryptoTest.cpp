#include <string>

#include "nfc/sim/CardFile.h"
#include "nfc/sim/Ntag424Card.h"
#include "nfc/sim/SunCrypto.h"

#include <CppUTest/TestHarness.h>

using nfcsim::Bytes;
using nfcsim::SunCrypto;

namespace {

Bytes hex(const char* text) {
    return *nfcsim::parseHex(text);
}

const SunCrypto::Key kZeroKey{};
const Bytes kUid = hex("04DE5F1EACC040");
constexpr std::uint32_t kCounter = 61;

}  // namespace

// The worked example of NXP AN12196 (all keys zero), as in nfc-cards.md.
TEST_GROUP(SunCrypto){};

TEST(SunCrypto, DecryptsThePiccDataOfTheApplicationNote) {
    const auto plain = SunCrypto::aesDecryptBlock(kZeroKey, hex("EF963FF7828658A599F3041510671E88"));
    CHECK(plain.has_value());
    CHECK(*plain == hex("C704DE5F1EACC0403D0000DA5CF60941"));
    const auto picc = SunCrypto::decryptPiccData(kZeroKey, hex("EF963FF7828658A599F3041510671E88"));
    CHECK(picc.has_value());
    CHECK(picc->uid == kUid);
    LONGS_EQUAL(kCounter, picc->counter);
}

TEST(SunCrypto, EncryptsPiccDataBackToTheApplicationNote) {
    const auto encrypted = SunCrypto::encryptPiccData(kZeroKey, kUid, kCounter, hex("DA5CF60941"));
    CHECK(encrypted.has_value());
    CHECK(*encrypted == hex("EF963FF7828658A599F3041510671E88"));
}

TEST(SunCrypto, DerivesTheSessionMacKey) {
    CHECK(SunCrypto::sessionVector2(kUid, kCounter) == hex("3CC30001008004DE5F1EACC0403D0000"));
    const auto key = SunCrypto::sessionMacKey(kZeroKey, kUid, kCounter);
    CHECK(key.has_value());
    CHECK(*key == hex("3FB5F6E3A807A03D5E3570ACE393776F"));
}

TEST(SunCrypto, ComputesTheFullAndTruncatedSdmMac) {
    const auto full = SunCrypto::fullMac(kZeroKey, kUid, kCounter, {});
    CHECK(full.has_value());
    CHECK(*full == hex("E194C7EE12D9F7EE8A65C8331B704386"));
    CHECK(SunCrypto::truncateMac(*full) == hex("94EED9EE65337086"));
    CHECK(*SunCrypto::sdmMac(kZeroKey, kUid, kCounter, {}) == hex("94EED9EE65337086"));
}

TEST(SunCrypto, CmacMatchesTheNistSp80038bExample) {
    // SP 800-38B / RFC 4493 example 2: AES-128 key 2b7e1516..., message 6bc1bee2...
    const auto key = SunCrypto::keyFromBytes(hex("2B7E151628AED2A6ABF7158809CF4F3C"));
    const auto mac = SunCrypto::cmac(*key, hex("6BC1BEE22E409F96E93D7E117393172A"));
    CHECK(*mac == hex("070A16B46B4D4144F79BDD9DD04A287C"));
}

TEST(SunCrypto, RejectsPiccDataWithoutTheMirrorTag) {
    const auto encrypted = SunCrypto::aesEncryptBlock(kZeroKey, Bytes(16, 0x00));
    CHECK_FALSE(SunCrypto::decryptPiccData(kZeroKey, *encrypted).has_value());
}

TEST_GROUP(Ntag424Card){};

TEST(Ntag424Card, RendersTheApplicationNoteUrlOnItsFirstSelection) {
    const auto card = nfcsim::CardFile::parse(
        R"({"type": "ntag424", "uid": "04DE5F1EACC040", "sdm_meta_read_key": "00000000000000000000000000000000",
            "sdm_file_read_key": "00000000000000000000000000000000", "read_counter": 60,
            "picc_padding": "DA5CF60941", "url": "https://x.example/?e={picc}&c={cmac}"})",
        "test");
    CHECK(card.hasValue());
    auto& tag = static_cast<nfcsim::Ntag424Card&>(**card);
    const auto selected = tag.apdu(hex("00A4040007D276000085010100"));
    CHECK(*selected == hex("9000"));
    STRCMP_EQUAL("https://x.example/?e=EF963FF7828658A599F3041510671E88&c=94EED9EE65337086", tag.lastUrl().c_str());
    LONGS_EQUAL(61, tag.readCounter());
}

TEST(Ntag424Card, ServesTheType4NdefSequence) {
    const auto card = nfcsim::CardFile::load(KIOSK_SOURCE_ASSETS "/cards/ntag424-sun.json");
    CHECK(card.hasValue());
    auto& tag = **card;
    CHECK(*tag.apdu(hex("00A4000C02E104")) == hex("6A82"));  // application not selected yet
    CHECK(*tag.apdu(hex("00A4040007D276000085010100")) == hex("9000"));
    CHECK(*tag.apdu(hex("00A4000C02E103")) == hex("9000"));
    const auto cc = *tag.apdu(hex("00B000000F"));
    LONGS_EQUAL(17, cc.size());
    CHECK(Bytes(cc.begin() + 7, cc.begin() + 11) == hex("0406E104"));
    CHECK(*tag.apdu(hex("00A4000C02E104")) == hex("9000"));
    const auto nlen = *tag.apdu(hex("00B0000002"));
    LONGS_EQUAL(4, nlen.size());
    const std::size_t length = (static_cast<std::size_t>(nlen[0]) << 8) | nlen[1];
    const auto message = *tag.apdu(Bytes{0x00, 0xB0, 0x00, 0x02, static_cast<std::uint8_t>(length)});
    LONGS_EQUAL(length + 2, message.size());
    BYTES_EQUAL(0xD1, message[0]);  // one short well-known record
    BYTES_EQUAL(0x55, message[3]);  // 'U'
    BYTES_EQUAL(0x04, message[4]);  // https://
    const std::string url(message.begin() + 5, message.end() - 2);
    CHECK(url.rfind("loyalty.example/sun?picc_data=", 0) == 0);
    CHECK(*tag.apdu(hex("00B07F0001")) == hex("6B00"));
    CHECK(*tag.apdu(hex("00CA000000")) == hex("6D00"));
    CHECK(*tag.apdu(hex("90600000")) == hex("6E00"));
}

TEST(Ntag424Card, EachSelectionIncrementsTheCounterAndChangesTheUrl) {
    const auto card = nfcsim::CardFile::load(KIOSK_SOURCE_ASSETS "/cards/ntag424-sun.json");
    auto& tag = static_cast<nfcsim::Ntag424Card&>(**card);
    tag.apdu(hex("00A4040007D276000085010100"));
    const std::string first = tag.lastUrl();
    tag.apdu(hex("00A4040007D276000085010100"));
    LONGS_EQUAL(62, tag.readCounter());
    CHECK(first != tag.lastUrl());
}
