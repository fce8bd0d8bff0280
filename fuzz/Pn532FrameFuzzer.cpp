// libFuzzer target: the PN532 simulator's host side. The input is a byte
// stream as a host could write it on the pty. It goes through
//  1. FrameParser alone, checking that every information frame it reports
//     fits the chip's buffer and survives re-encoding unchanged;
//  2. a whole HostLink (parser, command interpreter, register file, field
//     and a card: NTAG213, NTAG 424 DNA or UID-only Classic by input size),
//     so every command a malformed stream can produce is executed.
// Any crash, sanitizer report or failed invariant (abort) is a finding.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>

#include "nfc/sim/FrameCodec.h"
#include "nfc/sim/FrameParser.h"
#include "nfc/sim/HostLink.h"
#include "nfc/sim/Ntag424Card.h"
#include "nfc/sim/NtagCard.h"
#include "nfc/sim/UidOnlyCard.h"

namespace {

void checkParser(const std::uint8_t* data, std::size_t size) {
    nfcsim::FrameParser parser;
    for (std::size_t i = 0; i < size; ++i) {
        const auto event = parser.feed(data[i]);
        if (!event || event->kind != nfcsim::FrameEvent::Kind::Information) {
            continue;
        }
        if (event->data.size() + 1 > nfcsim::FrameParser::kMaxFrameLength) {
            std::abort();
        }
        const nfcsim::Bytes again = nfcsim::FrameCodec::information(event->tfi, event->data);
        nfcsim::FrameParser second;
        std::optional<nfcsim::FrameEvent> reparsed;
        for (const auto b : again) {
            if (auto e = second.feed(b)) {
                reparsed = e;
            }
        }
        if (!reparsed || reparsed->kind != event->kind || reparsed->tfi != event->tfi || reparsed->data != event->data) {
            std::abort();
        }
    }
}

std::shared_ptr<nfcsim::VirtualCard> cardFor(std::size_t size) {
    const nfcsim::Bytes uid{0x04, 0xA1, 0xB2, 0xC3, 0xD4, 0xE5, 0xF6};
    switch (size % 3) {
        case 0: {
            const auto model = *nfcsim::NtagModel::byKind("ntag213");
            return std::make_shared<nfcsim::NtagCard>(model, nfcsim::NtagCard::factoryMemory(model, uid, {}),
                                                      nfcsim::Bytes{});
        }
        case 1: {
            nfcsim::Ntag424Config config;
            config.uid = uid;
            config.urlTemplate = "https://x.example/?e={picc}&c={cmac}";
            config.padding = nfcsim::Bytes(5, 0x00);
            return std::make_shared<nfcsim::Ntag424Card>(config);
        }
        default:
            return std::make_shared<nfcsim::UidOnlyCard>(nfcsim::Bytes{0xA1, 0xB2, 0xC3, 0xD4});
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    checkParser(data, size);

    nfcsim::HostLink link;
    link.chip().field().insert(cardFor(size));
    const auto start = nfcsim::HostLink::Clock::time_point{} + std::chrono::hours(1);
    link.receive(data, size, start);
    link.fieldChanged(start);
    const auto later = start + std::chrono::hours(1);
    link.onTimer(later);
    const nfcsim::Bytes out = link.takeDue(later);
    // Whatever the chip said must itself be a stream of well-formed frames.
    nfcsim::FrameParser parser;
    for (const auto b : out) {
        const auto event = parser.feed(b);
        if (event && (event->kind == nfcsim::FrameEvent::Kind::DataChecksum ||
                      event->kind == nfcsim::FrameEvent::Kind::LengthChecksum)) {
            std::abort();
        }
    }
    return 0;
}
