#pragma once
// Incremental parser for frames the host sends to the chip. Feed it bytes as
// they arrive; it reports one event per complete frame. It synchronises on
// the start code 00 FF, so wake-up bytes (55 55 00 00 ...), preamble zeros,
// postambles and line noise before a frame are skipped. Its memory is
// bounded: a frame longer than the chip's buffer is reported and dropped.

#include <cstddef>
#include <cstdint>
#include <optional>

#include "nfc/sim/Bytes.h"

namespace nfcsim {

struct FrameEvent {
    enum class Kind {
        Information,     // a well-formed information frame: tfi and data
        Ack,             // 00 00 FF 00 FF 00 (host aborts the running command)
        Nack,            // 00 00 FF FF 00 00 (host asks for the last answer again)
        LengthChecksum,  // LEN + LCS (or LENm + LENl + LCS) not zero mod 256
        DataChecksum,    // TFI + DATA + DCS not zero mod 256
        BadLength,       // zero length, or longer than the chip accepts
    };
    Kind kind = Kind::Information;
    std::uint8_t tfi = 0;
    Bytes data;  // information frames: the bytes after TFI (command code first)
};

class FrameParser {
public:
    // TFI + data bytes the chip accepts in one frame (PN532: 265).
    static constexpr std::size_t kMaxFrameLength = 265;

    std::optional<FrameEvent> feed(std::uint8_t byte);
    void reset();

    // Bytes skipped while looking for a start code (noise, wake-up, postambles).
    std::size_t skippedBytes() const { return skipped_; }

private:
    enum class State { SyncZero, SyncStart, Length, LengthChecksum, ExtendedHigh, ExtendedLow,
                       ExtendedChecksum, Payload, DataChecksum };

    std::optional<FrameEvent> onLengthChecksum(std::uint8_t byte);
    std::optional<FrameEvent> onExtendedChecksum(std::uint8_t byte);
    std::optional<FrameEvent> startPayload(std::size_t length);
    std::optional<FrameEvent> finish(std::uint8_t checksum);
    static FrameEvent event(FrameEvent::Kind kind);

    State state_ = State::SyncZero;
    std::uint8_t length_ = 0;
    std::uint8_t extendedHigh_ = 0;
    std::uint8_t extendedLow_ = 0;
    std::size_t expected_ = 0;
    Bytes payload_;
    std::size_t skipped_ = 0;
};

}  // namespace nfcsim
