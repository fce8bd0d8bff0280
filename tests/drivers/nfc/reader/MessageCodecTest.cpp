#include <cstdint>
#include <string>
#include <vector>

#include "nfc/reader/MessageCodec.h"

#include <CppUTest/TestHarness.h>

using nfc::MessageCodec;

namespace {

nfc::CardPresented sampleCard() {
    nfc::CardPresented card;
    card.uid = "04A1B2C3D4E5F6";
    card.kind = nfc::CardKind::Ntag424;
    card.assurance = loyalty::Assurance::SecureMessaging;
    card.identity = "s:04A1B2C3D4E5F6";
    card.refusal = nfc::CardRefusal::Replayed;
    card.detail = "counter 61 not above 61";
    return card;
}

}  // namespace

TEST_GROUP(MessageCodec) {
    MessageCodec codec;

    void feed(const std::vector<std::uint8_t>& bytes) { codec.feed(bytes.data(), bytes.size()); }
};

TEST(MessageCodec, CardPresentedRoundTrips) {
    feed(MessageCodec::encode(sampleCard()));
    auto message = codec.next();
    CHECK(message.has_value());
    const auto card = std::get<nfc::CardPresented>(*message);
    STRCMP_EQUAL("04A1B2C3D4E5F6", card.uid.c_str());
    CHECK(card.kind == nfc::CardKind::Ntag424);
    CHECK(card.assurance == loyalty::Assurance::SecureMessaging);
    STRCMP_EQUAL("s:04A1B2C3D4E5F6", card.identity.c_str());
    CHECK(card.refusal == nfc::CardRefusal::Replayed);
    STRCMP_EQUAL("counter 61 not above 61", card.detail.c_str());
    CHECK_FALSE(codec.next().has_value());
}

TEST(MessageCodec, StatusAndRemovalRoundTripByteByByte) {
    nfc::ReaderStatus status{nfc::ReaderState::Reopening, "PN532 v1.6", "poll: timeout", "pn532_uart:/dev/pts/3"};
    auto bytes = MessageCodec::encode(status);
    const auto removal = MessageCodec::encode(nfc::CardRemoved{});
    bytes.insert(bytes.end(), removal.begin(), removal.end());
    std::vector<nfc::WireMessage> out;
    for (const auto byte : bytes) {
        codec.feed(&byte, 1);
        while (auto message = codec.next()) {
            out.push_back(*message);
        }
    }
    LONGS_EQUAL(2, out.size());
    const auto decoded = std::get<nfc::ReaderStatus>(out[0]);
    CHECK(decoded.state == nfc::ReaderState::Reopening);
    STRCMP_EQUAL("PN532 v1.6", decoded.firmware.c_str());
    STRCMP_EQUAL("poll: timeout", decoded.lastError.c_str());
    STRCMP_EQUAL("pn532_uart:/dev/pts/3", decoded.connstring.c_str());
    CHECK(std::holds_alternative<nfc::CardRemoved>(out[1]));
    CHECK_FALSE(codec.corrupt());
}

TEST(MessageCodec, LongStringsAreCutToTheLimit) {
    auto card = sampleCard();
    card.detail = std::string(10000, 'x');
    feed(MessageCodec::encode(card));
    const auto decoded = std::get<nfc::CardPresented>(*codec.next());
    LONGS_EQUAL(MessageCodec::kMaxString, decoded.detail.size());
}

TEST(MessageCodec, AnUnknownTypeIsCorruptForGood) {
    feed({2, 0, 0, 0, 9, 0});
    CHECK_FALSE(codec.next().has_value());
    CHECK(codec.corrupt());
    feed(MessageCodec::encode(nfc::CardRemoved{}));
    CHECK_FALSE(codec.next().has_value());
}

TEST(MessageCodec, AnOversizedFrameIsCorrupt) {
    feed({0xFF, 0xFF, 0xFF, 0x7F});
    CHECK_FALSE(codec.next().has_value());
    CHECK(codec.corrupt());
}

TEST(MessageCodec, AnOutOfRangeEnumIsCorrupt) {
    auto bytes = MessageCodec::encode(nfc::ReaderStatus{});
    bytes[5] = 42;  // state
    feed(bytes);
    CHECK_FALSE(codec.next().has_value());
    CHECK(codec.corrupt());
}

TEST(MessageCodec, AStringRunningPastItsFrameIsCorrupt) {
    auto bytes = MessageCodec::encode(sampleCard());
    bytes[5] = 0xFF;  // uid length low byte
    feed(bytes);
    CHECK_FALSE(codec.next().has_value());
    CHECK(codec.corrupt());
}

TEST(MessageCodec, TrailingBytesInAFrameAreCorrupt) {
    feed({2, 0, 0, 0, 2, 0});
    CHECK_FALSE(codec.next().has_value());
    CHECK(codec.corrupt());
}

TEST(MessageCodec, TheWriteCommandAndItsAnswerRoundTrip) {
    feed(MessageCodec::encode(nfc::WriteCardRecord{0x01020304u, "04A1B2C3D4E5F6", 0xFFFFFFFEu, 0x0123456789ABCDEFull}));
    nfc::CardWritten answer;
    answer.request = 0x01020304u;
    answer.uid = "04A1B2C3D4E5F6";
    answer.error = nfc::CardWriteError::CardMoved;
    answer.identity = "";
    answer.detail = "card not written: write failed";
    feed(MessageCodec::encode(answer));
    const auto command = std::get<nfc::WriteCardRecord>(*codec.next());
    LONGS_EQUAL(0x01020304u, command.request);
    STRCMP_EQUAL("04A1B2C3D4E5F6", command.uid.c_str());
    CHECK(command.serial == 0xFFFFFFFEu);
    CHECK(command.issuedAt == 0x0123456789ABCDEFull);
    const auto written = std::get<nfc::CardWritten>(*codec.next());
    LONGS_EQUAL(0x01020304u, written.request);
    CHECK(written.error == nfc::CardWriteError::CardMoved);
    STRCMP_EQUAL("card not written: write failed", written.detail.c_str());
    CHECK_FALSE(codec.corrupt());
}

TEST(MessageCodec, AWriteAnswerWithAnUnknownErrorIsCorrupt) {
    nfc::CardWritten answer;
    answer.uid = "04";
    auto bytes = MessageCodec::encode(answer);
    bytes[4 + 1 + 4 + 2 + 2] = 42;  // type, request, uid length, uid: then the error
    feed(bytes);
    CHECK_FALSE(codec.next().has_value());
    CHECK(codec.corrupt());
}

TEST(MessageCodec, TheReaderTestAndItsAnswerRoundTrip) {
    feed(MessageCodec::encode(nfc::SelfTestRequest{77}));
    feed(MessageCodec::encode(nfc::SelfTestResult{77, true, "PN532 v1.6 answered in 3 ms; no card on the reader"}));
    LONGS_EQUAL(77, std::get<nfc::SelfTestRequest>(*codec.next()).request);
    const auto result = std::get<nfc::SelfTestResult>(*codec.next());
    LONGS_EQUAL(77, result.request);
    CHECK_TRUE(result.ok);
    STRCMP_EQUAL("PN532 v1.6 answered in 3 ms; no card on the reader", result.detail.c_str());
    auto bytes = MessageCodec::encode(nfc::SelfTestResult{1, false, ""});
    bytes[4 + 1 + 4] = 2;  // ok must be 0 or 1
    feed(bytes);
    CHECK_FALSE(codec.next().has_value());
    CHECK(codec.corrupt());
}
