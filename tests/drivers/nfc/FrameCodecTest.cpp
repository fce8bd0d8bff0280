#include <vector>

#include "nfc/sim/FrameCodec.h"
#include "nfc/sim/FrameParser.h"

#include <CppUTest/TestHarness.h>

using nfcsim::Bytes;
using nfcsim::FrameCodec;
using nfcsim::FrameEvent;
using nfcsim::FrameParser;

namespace {

std::vector<FrameEvent> parseAll(const Bytes& bytes) {
    FrameParser parser;
    std::vector<FrameEvent> events;
    for (const auto b : bytes) {
        if (auto event = parser.feed(b)) {
            events.push_back(*event);
        }
    }
    return events;
}

// A host frame as libnfc's pn53x_build_frame makes it (TFI D4).
Bytes hostFrame(const Bytes& data) {
    return FrameCodec::information(FrameCodec::kHostToChip, data);
}

}  // namespace

TEST_GROUP(FrameCodec){};

TEST(FrameCodec, BuildsTheFirmwareVersionAnswer) {
    const Bytes expected{0x00, 0x00, 0xFF, 0x06, 0xFA, 0xD5, 0x03, 0x32, 0x01, 0x06, 0x07, 0xE8, 0x00};
    CHECK(FrameCodec::information(FrameCodec::kChipToHost, {0x03, 0x32, 0x01, 0x06, 0x07}) == expected);
}

TEST(FrameCodec, BuildsTheSamConfigurationCommandLibnfcSends) {
    const Bytes expected{0x00, 0x00, 0xFF, 0x03, 0xFD, 0xD4, 0x14, 0x01, 0x17, 0x00};
    CHECK(hostFrame({0x14, 0x01}) == expected);
}

TEST(FrameCodec, AckNackAndErrorFramesAreTheReferenceBytes) {
    CHECK(FrameCodec::ack() == (Bytes{0x00, 0x00, 0xFF, 0x00, 0xFF, 0x00}));
    CHECK(FrameCodec::nack() == (Bytes{0x00, 0x00, 0xFF, 0xFF, 0x00, 0x00}));
    CHECK(FrameCodec::syntaxError() == (Bytes{0x00, 0x00, 0xFF, 0x01, 0xFF, 0x7F, 0x81, 0x00}));
}

TEST(FrameCodec, UsesAnExtendedFrameAbove254DataBytes) {
    Bytes data(300, 0x5A);
    data[0] = 0x41;
    const Bytes frame = FrameCodec::information(FrameCodec::kChipToHost, Bytes(data.begin(), data.begin() + 255));
    BYTES_EQUAL(0xFF, frame[3]);
    BYTES_EQUAL(0xFF, frame[4]);
    BYTES_EQUAL(0x01, frame[5]);  // LEN = 256 = TFI + 255
    BYTES_EQUAL(0x00, frame[6]);
    BYTES_EQUAL(0x00, (frame[5] + frame[6] + frame[7]) & 0xFF);
    LONGS_EQUAL(255 + 11, frame.size());
    const Bytes normal = FrameCodec::information(FrameCodec::kChipToHost, Bytes(data.begin(), data.begin() + 254));
    BYTES_EQUAL(0xFF, normal[3]);  // 254 data + TFI still fits a normal frame
    BYTES_EQUAL(0x01, normal[4]);
}

TEST(FrameCodec, BadChecksumChangesOnlyTheDataChecksum) {
    const Bytes good = FrameCodec::information(FrameCodec::kChipToHost, {0x15});
    const Bytes bad = FrameCodec::withBadDataChecksum(good);
    LONGS_EQUAL(good.size(), bad.size());
    CHECK(good[good.size() - 2] != bad[bad.size() - 2]);
    const auto events = parseAll(bad);
    LONGS_EQUAL(1, events.size());
    CHECK(events[0].kind == FrameEvent::Kind::DataChecksum);
}

TEST_GROUP(FrameParser){};

TEST(FrameParser, SkipsTheWakeUpPreambleAndReadsSamConfiguration) {
    Bytes wire{0x55, 0x55};
    wire.insert(wire.end(), 14, 0x00);
    const Bytes frame = hostFrame({0x14, 0x01});
    wire.insert(wire.end(), frame.begin(), frame.end());
    const auto events = parseAll(wire);
    LONGS_EQUAL(1, events.size());
    CHECK(events[0].kind == FrameEvent::Kind::Information);
    BYTES_EQUAL(0xD4, events[0].tfi);
    CHECK(events[0].data == (Bytes{0x14, 0x01}));
}

TEST(FrameParser, ReadsBackToBackFramesAckAndNack) {
    Bytes wire = hostFrame({0x02});
    const Bytes ack = FrameCodec::ack();
    const Bytes nack = FrameCodec::nack();
    const Bytes second = hostFrame({0x4A, 0x01, 0x00});
    for (const auto* part : {&ack, &nack, &second}) {
        wire.insert(wire.end(), part->begin(), part->end());
    }
    const auto events = parseAll(wire);
    LONGS_EQUAL(4, events.size());
    CHECK(events[0].data == (Bytes{0x02}));
    CHECK(events[1].kind == FrameEvent::Kind::Ack);
    CHECK(events[2].kind == FrameEvent::Kind::Nack);
    CHECK(events[3].data == (Bytes{0x4A, 0x01, 0x00}));
}

TEST(FrameParser, ReadsAnExtendedFrame) {
    Bytes data{0x40, 0x01};
    data.resize(262, 0xA5);
    const auto events = parseAll(hostFrame(data));
    LONGS_EQUAL(1, events.size());
    CHECK(events[0].kind == FrameEvent::Kind::Information);
    CHECK(events[0].data == data);
}

TEST(FrameParser, ReportsALengthChecksumErrorAndResynchronises) {
    Bytes wire{0x00, 0x00, 0xFF, 0x03, 0xFC, 0xD4, 0x14, 0x01, 0x17, 0x00};  // LCS off by one
    const Bytes good = hostFrame({0x02});
    wire.insert(wire.end(), good.begin(), good.end());
    const auto events = parseAll(wire);
    LONGS_EQUAL(2, events.size());
    CHECK(events[0].kind == FrameEvent::Kind::LengthChecksum);
    CHECK(events[1].kind == FrameEvent::Kind::Information);
    CHECK(events[1].data == (Bytes{0x02}));
}

TEST(FrameParser, ReportsADataChecksumError) {
    Bytes frame = hostFrame({0x02});
    frame[frame.size() - 2] ^= 0x01;
    const auto events = parseAll(frame);
    LONGS_EQUAL(1, events.size());
    CHECK(events[0].kind == FrameEvent::Kind::DataChecksum);
}

TEST(FrameParser, RejectsLengthsTheChipCannotHold) {
    // Extended frame announcing 0x0200 bytes: LENm 02, LENl 00, LCS FE.
    const auto events = parseAll({0x00, 0x00, 0xFF, 0xFF, 0xFF, 0x02, 0x00, 0xFE});
    LONGS_EQUAL(1, events.size());
    CHECK(events[0].kind == FrameEvent::Kind::BadLength);
    const auto zero = parseAll({0x00, 0x00, 0xFF, 0xFF, 0xFF, 0x00, 0x00, 0x00});
    LONGS_EQUAL(1, zero.size());
    CHECK(zero[0].kind == FrameEvent::Kind::BadLength);
}

TEST(FrameParser, CountsNoiseItSkips) {
    FrameParser parser;
    for (const std::uint8_t b : Bytes{0x12, 0x34, 0x56}) {
        CHECK_FALSE(parser.feed(b).has_value());
    }
    LONGS_EQUAL(3, parser.skippedBytes());
}
