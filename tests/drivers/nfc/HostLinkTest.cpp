#include <chrono>
#include <memory>

#include "nfc/sim/CardFile.h"
#include "nfc/sim/FrameCodec.h"
#include "nfc/sim/FrameParser.h"
#include "nfc/sim/HostLink.h"

#include <CppUTest/TestHarness.h>

using nfcsim::Bytes;
using nfcsim::FrameCodec;
using nfcsim::HostLink;
using namespace std::chrono_literals;

namespace {

struct Answer {
    bool acked = false;
    bool nacked = false;
    bool errorFrame = false;
    std::optional<Bytes> data;  // the answer frame's data (code + 1 first)
    bool badChecksum = false;
    std::size_t bytes = 0;
};

Answer decode(const Bytes& wire) {
    Answer answer;
    answer.bytes = wire.size();
    nfcsim::FrameParser parser;
    for (const auto b : wire) {
        const auto event = parser.feed(b);
        if (!event) {
            continue;
        }
        switch (event->kind) {
            case nfcsim::FrameEvent::Kind::Ack:
                answer.acked = true;
                break;
            case nfcsim::FrameEvent::Kind::Nack:
                answer.nacked = true;
                break;
            case nfcsim::FrameEvent::Kind::Information:
                if (event->tfi == 0x7F) {
                    answer.errorFrame = true;
                } else {
                    answer.data = event->data;
                }
                break;
            case nfcsim::FrameEvent::Kind::DataChecksum:
                answer.badChecksum = true;
                break;
            default:
                break;
        }
    }
    return answer;
}

struct LinkFixture {
    HostLink link;
    HostLink::Clock::time_point now = HostLink::Clock::time_point{} + 1h;

    Answer command(const Bytes& data, std::chrono::milliseconds after = 0ms) {
        const Bytes frame = FrameCodec::information(FrameCodec::kHostToChip, data);
        link.receive(frame.data(), frame.size(), now);
        now += after;
        link.onTimer(now);
        return decode(link.takeDue(now));
    }
};

}  // namespace

TEST_GROUP(HostLink) {
    LinkFixture f;
};

TEST(HostLink, AnswersTheWakeUpAndSamConfigurationWithAckAndAnswer) {
    Bytes wire{0x55, 0x55};
    wire.insert(wire.end(), 14, 0x00);
    const Bytes sam = FrameCodec::information(FrameCodec::kHostToChip, {0x14, 0x01});
    wire.insert(wire.end(), sam.begin(), sam.end());
    f.link.receive(wire.data(), wire.size(), f.now);
    const Bytes out = f.link.takeDue(f.now);
    Bytes expected = FrameCodec::ack();
    const Bytes answer = FrameCodec::information(FrameCodec::kChipToHost, {0x15});
    expected.insert(expected.end(), answer.begin(), answer.end());
    CHECK(out == expected);
}

TEST(HostLink, EchoesDiagnoseAndReportsPn532Firmware) {
    const auto diagnose = f.command({0x00, 0x00, 'l', 'i', 'b', 'n', 'f', 'c'});
    CHECK(diagnose.acked);
    CHECK(*diagnose.data == (Bytes{0x01, 0x00, 'l', 'i', 'b', 'n', 'f', 'c'}));
    CHECK(*f.command({0x02}).data == (Bytes{0x03, 0x32, 0x01, 0x06, 0x07}));
}

TEST(HostLink, KeepsARealRegisterFile) {
    f.command({0x08, 0x63, 0x05, 0x40, 0xFF, 0xB0, 0x12});
    const auto read = f.command({0x06, 0x63, 0x05, 0xFF, 0xB0, 0x63, 0x02});
    CHECK(*read.data == (Bytes{0x07, 0x40, 0x12, 0x80}));  // TxMode starts with CRC on
}

TEST(HostLink, AnswersSyntaxErrorsWithTheErrorFrame) {
    const auto unknown = f.command({0x7A});
    CHECK(unknown.acked);
    CHECK(unknown.errorFrame);
    CHECK(f.command({0x06, 0x63}).errorFrame);  // half a register address
}

TEST(HostLink, IgnoresAFrameWithABadChecksum) {
    Bytes frame = FrameCodec::information(FrameCodec::kHostToChip, {0x02});
    frame[frame.size() - 2] ^= 0x10;
    f.link.receive(frame.data(), frame.size(), f.now);
    LONGS_EQUAL(0, f.link.takeDue(f.now).size());
    LONGS_EQUAL(1, f.link.badFrames());
}

TEST(HostLink, RepeatsTheLastAnswerOnNack) {
    const auto first = f.command({0x02});
    const Bytes nack = FrameCodec::nack();
    f.link.receive(nack.data(), nack.size(), f.now);
    const auto again = decode(f.link.takeDue(f.now));
    CHECK_FALSE(again.acked);
    CHECK(*again.data == *first.data);
}

TEST(HostLink, WaitsForACardWithInfiniteRetriesAndAnswersWhenOneComes) {
    const auto waiting = f.command({0x4A, 0x01, 0x00});
    CHECK(waiting.acked);
    CHECK_FALSE(waiting.data.has_value());
    CHECK(f.link.chip().hasPending());
    f.link.chip().field().insert(*nfcsim::CardFile::load(KIOSK_SOURCE_ASSETS "/cards/ntag213.json"));
    f.link.fieldChanged(f.now);
    const auto found = decode(f.link.takeDue(f.now));
    const Bytes expected{0x4B, 0x01, 0x01, 0x00, 0x44, 0x00, 0x07, 0x04, 0xA1, 0xB2, 0xC3, 0xD4, 0xE5, 0xF6};
    CHECK(*found.data == expected);
}

TEST(HostLink, AnswersNoTargetAtOnceWithFiniteRetries) {
    f.command({0x32, 0x05, 0x00, 0x01, 0x02});
    CHECK(*f.command({0x4A, 0x01, 0x00}).data == (Bytes{0x4B, 0x00}));
    CHECK(*f.command({0x4A, 0x01, 0x03, 0x00}).data == (Bytes{0x4B, 0x00}));  // type B: none simulated
}

TEST(HostLink, HostAckAbortsAWaitingCommand) {
    f.command({0x4A, 0x01, 0x00});
    const Bytes ack = FrameCodec::ack();
    f.link.receive(ack.data(), ack.size(), f.now);
    CHECK_FALSE(f.link.chip().hasPending());
    LONGS_EQUAL(1, f.link.aborts());
    f.link.chip().field().insert(*nfcsim::CardFile::load(KIOSK_SOURCE_ASSETS "/cards/ntag213.json"));
    f.link.fieldChanged(f.now);
    LONGS_EQUAL(0, f.link.takeDue(f.now).size());
}

TEST(HostLink, InAutoPollGivesUpAfterItsPollingTime) {
    // PollNr 2, period 1 (150 ms), two types: 600 ms.
    const auto started = f.command({0x60, 0x02, 0x01, 0x20, 0x10}, 599ms);
    CHECK_FALSE(started.data.has_value());
    f.now += 1ms;
    f.link.onTimer(f.now);
    CHECK(*decode(f.link.takeDue(f.now)).data == (Bytes{0x61, 0x00}));
}

TEST(HostLink, InAutoPollReportsAnIsoDepCardWithItsAts) {
    f.link.chip().field().insert(*nfcsim::CardFile::load(KIOSK_SOURCE_ASSETS "/cards/ntag424-sun.json"));
    const auto found = f.command({0x60, 0x01, 0x01, 0x20, 0x10});
    const Bytes expected{0x61, 0x01, 0x20, 0x12, 0x01, 0x03, 0x44, 0x20, 0x07, 0x04, 0xDE, 0x5F,
                         0x1E, 0xAC, 0xC0, 0x40, 0x06, 0x77, 0x77, 0x71, 0x02, 0x80};
    CHECK(*found.data == expected);
}

TEST(HostLink, FaultsReplaceOrDelayTheAnswer) {
    f.link.faults().set({nfcsim::FaultKind::Nack, 0, false});
    const auto nacked = f.command({0x02});
    CHECK(nacked.nacked);
    CHECK_FALSE(nacked.data.has_value());
    CHECK(f.command({0x02}).data.has_value());  // a one-shot fault is gone

    f.link.faults().set({nfcsim::FaultKind::Silent, 0, true});
    CHECK_EQUAL(0u, f.command({0x02}).bytes);
    CHECK_EQUAL(0u, f.command({0x02}).bytes);
    f.link.faults().clear();

    f.link.faults().set({nfcsim::FaultKind::ErrorFrame, 0, false});
    const auto error = f.command({0x02});
    CHECK(error.acked && error.errorFrame);

    f.link.faults().set({nfcsim::FaultKind::BadChecksum, 0, false});
    const auto corrupt = f.command({0x02});
    CHECK(corrupt.acked && corrupt.badChecksum);

    f.link.faults().set({nfcsim::FaultKind::Garbage, 9, false});
    const auto noise = f.command({0x02});
    LONGS_EQUAL(9, noise.bytes);

    f.link.faults().set({nfcsim::FaultKind::Slow, 500, false});
    const auto slow = f.command({0x02}, 499ms);
    CHECK(slow.acked && !slow.data.has_value());
    f.now += 1ms;
    CHECK(decode(f.link.takeDue(f.now)).data.has_value());

    f.link.faults().set({nfcsim::FaultKind::Unplug, 0, false});
    f.command({0x02});
    CHECK(f.link.takeUnplugRequest());
}
