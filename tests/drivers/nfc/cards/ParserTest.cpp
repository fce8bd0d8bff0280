// The bounded parsers: Type 2 TLVs, NDEF messages, URI records, hex and SUN
// URLs, with malformed input at every boundary.

#include <string>

#include "drivers/nfc/cards/CardTestSupport.h"
#include "nfc/cards/Hex.h"
#include "nfc/cards/NdefMessage.h"
#include "nfc/cards/SunUrl.h"
#include "nfc/cards/Type2Tlv.h"
#include "nfc/cards/UriRecord.h"

#include <CppUTest/TestHarness.h>

using nfc::Bytes;
using namespace nfc::cards;

namespace {

using cardtest::hex;

// The demo NTAG213's user memory: NDEF TLV with one URI record, terminator.
const std::string kDemoUser = "0323D1011F55046C6F79616C74792E6578616D706C652F632F6E7461673231332D64656D6FFE0000";

}  // namespace

TEST_GROUP(Type2Tlv) {};

TEST(Type2Tlv, FindsTheNdefTlvOfTheDemoCard) {
    const Bytes user = hex(kDemoUser);
    const auto area = Type2Tlv::parse(user);
    CHECK(area.hasValue());
    CHECK(area->terminated);
    const auto ndef = Type2Tlv::firstNdef(*area);
    CHECK(ndef.has_value());
    LONGS_EQUAL(2, ndef->valueOffset);
    LONGS_EQUAL(0x23, ndef->valueLength);
}

TEST(Type2Tlv, SkipsNullLockAndMemoryControlAndProprietaryBlocks) {
    const auto area = Type2Tlv::parse(hex("0000" "0103A01044" "020312345F" "FD0211 22" "0300" "FE"));
    CHECK(area.hasValue());
    LONGS_EQUAL(4, area->blocks.size());
    LONGS_EQUAL(Type2Tlv::kLockControl, area->blocks[0].type);
    LONGS_EQUAL(Type2Tlv::kMemoryControl, area->blocks[1].type);
    LONGS_EQUAL(Type2Tlv::kProprietary, area->blocks[2].type);
    LONGS_EQUAL(Type2Tlv::kNdef, area->blocks[3].type);
    LONGS_EQUAL(0, area->blocks[3].valueLength);
}

TEST(Type2Tlv, ReadsTheThreeByteLengthForm) {
    Bytes user = hex("03FF0100");
    user.resize(user.size() + 0x100, 0xAB);
    user.push_back(0xFE);
    const auto area = Type2Tlv::parse(user);
    CHECK(area.hasValue());
    LONGS_EQUAL(0x100, area->blocks[0].valueLength);
    LONGS_EQUAL(4, area->blocks[0].valueOffset);
}

TEST(Type2Tlv, EveryTruncationOfAValidAreaIsTruncatedOrEndsCleanly) {
    const Bytes user = hex(kDemoUser);
    for (std::size_t size = 0; size < 38; ++size) {
        const auto area = Type2Tlv::parse(user.data(), size);
        if (size == 0 || size == 37) {  // nothing, or the NDEF TLV whole without its terminator
            CHECK(area.hasValue());
            continue;
        }
        CHECK_FALSE_TEXT(area.hasValue(), std::to_string(size).c_str());
        LONGS_EQUAL(static_cast<int>(ParseErrorCode::Truncated), static_cast<int>(area.error().code));
    }
}

TEST(Type2Tlv, RefusesBadLengths) {
    // 3-byte form below FF and the reserved FFFF.
    CHECK_EQUAL(ParseErrorCode::BadLength, Type2Tlv::parse(hex("03FF00FE")).error().code);
    CHECK_EQUAL(ParseErrorCode::BadLength, Type2Tlv::parse(hex("03FFFFFF")).error().code);
    // Control TLVs are exactly 3 bytes.
    CHECK_EQUAL(ParseErrorCode::BadLength, Type2Tlv::parse(hex("010201FE")).error().code);
    CHECK_EQUAL(ParseErrorCode::BadLength, Type2Tlv::parse(hex("0204010203FE")).error().code);
    // Length byte missing, 3-byte length half there.
    CHECK_EQUAL(ParseErrorCode::Truncated, Type2Tlv::parse(hex("03")).error().code);
    CHECK_EQUAL(ParseErrorCode::Truncated, Type2Tlv::parse(hex("03FF01")).error().code);
}

TEST(Type2Tlv, StopsAtTheTerminatorAndIgnoresWhatFollows) {
    const auto area = Type2Tlv::parse(hex("FE03FF"));
    CHECK(area.hasValue());
    CHECK(area->terminated);
    LONGS_EQUAL(0, area->blocks.size());
    LONGS_EQUAL(1, area->end);
}

TEST(Type2Tlv, EncodesShortAndLongNdefTlvs) {
    CHECK(hex("0302AABBFE") == *Type2Tlv::encodeNdef(hex("AABB")));
    const auto longTlv = Type2Tlv::encodeNdef(Bytes(0x1234, 0x00));
    CHECK(hex("03FF1234") == Bytes(longTlv->begin(), longTlv->begin() + 4));
    CHECK_FALSE(Type2Tlv::encodeNdef(Bytes(0xFFFF, 0x00)).has_value());
}

TEST_GROUP(NdefMessage) {};

TEST(NdefMessage, ParsesAShortUriRecord) {
    const Bytes user = hex(kDemoUser);
    const auto message = NdefMessage::parse(user.data() + 2, 0x23);
    CHECK(message.hasValue());
    LONGS_EQUAL(1, message->records().size());
    STRCMP_EQUAL("https://loyalty.example/c/ntag213-demo", UriRecord::firstUri(*message)->c_str());
}

TEST(NdefMessage, EveryTruncationFails) {
    const Bytes message = hex("D1011F55046C6F79616C74792E6578616D706C652F632F6E7461673231332D64656D6F");
    for (std::size_t size = 0; size < message.size(); ++size) {
        CHECK_FALSE_TEXT(NdefMessage::parse(message.data(), size).hasValue(), std::to_string(size).c_str());
    }
    CHECK(NdefMessage::parse(message).hasValue());
}

TEST(NdefMessage, RoundTripsRecordsWithIdsAndLongPayloads) {
    NdefRecord a{Tnf::Media, {'t', '/', 'p'}, {'i', 'd'}, Bytes(300, 0x5A)};
    NdefRecord b{Tnf::External, {'a', '.', 'b', ':', 'c'}, {}, {1, 2, 3}};
    const auto bytes = NdefMessage({a, b}).encode();
    CHECK(bytes.has_value());
    const auto parsed = NdefMessage::parse(*bytes);
    CHECK(parsed.hasValue());
    LONGS_EQUAL(2, parsed->records().size());
    CHECK(parsed->records()[0].payload == a.payload);
    CHECK(parsed->records()[0].id == a.id);
    CHECK(parsed->find(Tnf::External, "A.B:C") != nullptr);  // external types ignore case
}

TEST(NdefMessage, RefusesChunkedRecords) {
    CHECK_EQUAL(ParseErrorCode::Chunked, NdefMessage::parse(hex("B101015541")).error().code);   // CF set
    CHECK_EQUAL(ParseErrorCode::Chunked, NdefMessage::parse(hex("D6000100")).error().code);     // TNF 6
}

TEST(NdefMessage, RefusesBadFlagsAndTypes) {
    CHECK_EQUAL(ParseErrorCode::BadStructure, NdefMessage::parse(hex("51010155 41")).error().code);       // no MB
    CHECK_EQUAL(ParseErrorCode::BadStructure, NdefMessage::parse(hex("9101015541D1010155 41")).error().code);  // MB twice
    CHECK_EQUAL(ParseErrorCode::Truncated, NdefMessage::parse(hex("9101015541")).error().code);         // no ME
    CHECK_EQUAL(ParseErrorCode::BadStructure, NdefMessage::parse(hex("D101015541 00")).error().code);     // trailing
    CHECK_EQUAL(ParseErrorCode::BadStructure, NdefMessage::parse(hex("D7000000")).error().code);        // TNF 7
    CHECK_EQUAL(ParseErrorCode::BadLength, NdefMessage::parse(hex("D0010055")).error().code);           // empty with type
    CHECK_EQUAL(ParseErrorCode::BadLength, NdefMessage::parse(hex("D1000100")).error().code);           // no type
    CHECK_EQUAL(ParseErrorCode::BadLength, NdefMessage::parse(hex("D5010055")).error().code);           // unknown with type
}

TEST(NdefMessage, BoundsTheFourByteAndIdLengths) {
    // Long payload length that runs past the message, and one above any tag.
    CHECK_EQUAL(ParseErrorCode::Truncated, NdefMessage::parse(hex("C1010000001055 00")).error().code);
    CHECK_EQUAL(ParseErrorCode::BadLength, NdefMessage::parse(hex("C101FFFFFFFF55")).error().code);
    // ID length that runs past the message.
    CHECK_EQUAL(ParseErrorCode::Truncated, NdefMessage::parse(hex("D90101FF5500")).error().code);
    // Header cut in the middle of the 4-byte length.
    CHECK_EQUAL(ParseErrorCode::Truncated, NdefMessage::parse(hex("C1010000")).error().code);
}

TEST(NdefMessage, AcceptsAnEmptyRecord) {
    const auto message = NdefMessage::parse(hex("D00000"));
    CHECK(message.hasValue());
    CHECK(message->records()[0].tnf == Tnf::Empty);
}

TEST_GROUP(UriRecord) {};

TEST(UriRecord, ExpandsPrefixCodesAndRefusesReservedOnes) {
    NdefRecord record{Tnf::WellKnown, {'U'}, {}, hex("23") };
    record.payload.push_back('x');
    STRCMP_EQUAL("urn:nfc:x", UriRecord::decode(record)->c_str());
    record.payload[0] = 0x24;
    CHECK_EQUAL(ParseErrorCode::Unsupported, UriRecord::decode(record).error().code);
    record.payload.clear();
    CHECK_EQUAL(ParseErrorCode::BadLength, UriRecord::decode(record).error().code);
    const NdefRecord text{Tnf::WellKnown, {'T'}, {}, hex("02656E")};
    CHECK_FALSE(UriRecord::decode(text).hasValue());
}

TEST(UriRecord, EncodesWithTheLongestPrefix) {
    const NdefRecord record = UriRecord::encode("https://www.example.com/");
    LONGS_EQUAL(0x02, record.payload[0]);
    STRCMP_EQUAL("https://www.example.com/", UriRecord::decode(record)->c_str());
    LONGS_EQUAL(0x00, UriRecord::encode("custom:thing").payload[0]);
}

TEST_GROUP(Hex) {};

TEST(Hex, DecodesOnlyWholeBoundedPairs) {
    CHECK(Hex::decode("04a1B2", 3).has_value());
    CHECK_FALSE(Hex::decode("04A", 3).has_value());
    CHECK_FALSE(Hex::decode("04A1B2", 2).has_value());
    CHECK_FALSE(Hex::decode("04 A1", 3).has_value());
    CHECK_FALSE(Hex::decode("0x04", 3).has_value());
    CHECK_FALSE(Hex::decodeExact("04A1", 3).has_value());
    STRCMP_EQUAL("04A1", Hex::encode(Bytes{0x04, 0xA1}).c_str());
}

TEST_GROUP(SunUrl) {};

TEST(SunUrl, FindsBothParametersWhereverTheyAre) {
    const auto fields = SunUrl::parse(
        "https://x.example/t?a=1&cmac=94EED9EE65337086&picc_data=EF963FF7828658A599F3041510671E88#top", {});
    CHECK(fields.hasValue());
    LONGS_EQUAL(0xEF, fields->encryptedPiccData[0]);
    LONGS_EQUAL(0x86, fields->mac[7]);
}

TEST(SunUrl, UsesConfiguredNames) {
    SunParameterNames names;
    names.piccData = "e";
    names.cmac = "c";
    CHECK(SunUrl::parse("https://x/?e=EF963FF7828658A599F3041510671E88&c=94EED9EE65337086", names).hasValue());
    CHECK_FALSE(SunUrl::parse("https://x/?e=EF963FF7828658A599F3041510671E88&c=94EED9EE65337086", {}).hasValue());
}

TEST(SunUrl, RefusesMissingDuplicateAndMalformedParameters) {
    const std::string picc = "picc_data=EF963FF7828658A599F3041510671E88";
    const std::string mac = "cmac=94EED9EE65337086";
    CHECK_EQUAL(ParseErrorCode::BadStructure, SunUrl::parse("https://x/" + picc, {}).error().code);
    CHECK_EQUAL(ParseErrorCode::BadStructure, SunUrl::parse("https://x/?" + picc, {}).error().code);
    CHECK_EQUAL(ParseErrorCode::BadStructure, SunUrl::parse("https://x/?" + picc + "&" + mac + "&" + mac, {}).error().code);
    CHECK_EQUAL(ParseErrorCode::BadValue, SunUrl::parse("https://x/?" + picc + "0&" + mac, {}).error().code);
    CHECK_EQUAL(ParseErrorCode::BadValue, SunUrl::parse("https://x/?" + picc + "&cmac=94EED9EE6533708", {}).error().code);
    CHECK_EQUAL(ParseErrorCode::BadValue, SunUrl::parse("https://x/?" + picc + "&cmac=94EED9EE6533708G", {}).error().code);
    CHECK_EQUAL(ParseErrorCode::BadLength, SunUrl::parse(std::string(1025, 'a'), {}).error().code);
}
