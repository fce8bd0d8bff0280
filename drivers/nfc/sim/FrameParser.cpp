#include "nfc/sim/FrameParser.h"

namespace nfcsim {

std::optional<FrameEvent> FrameParser::feed(std::uint8_t byte) {
    switch (state_) {
        case State::SyncZero:
            if (byte == 0x00) {
                state_ = State::SyncStart;
            } else {
                ++skipped_;
            }
            return std::nullopt;
        case State::SyncStart:
            if (byte == 0xFF) {
                state_ = State::Length;
            } else if (byte != 0x00) {
                skipped_ += 2;
                state_ = State::SyncZero;
            } else {
                ++skipped_;  // one more preamble zero
            }
            return std::nullopt;
        case State::Length:
            length_ = byte;
            state_ = State::LengthChecksum;
            return std::nullopt;
        case State::LengthChecksum:
            return onLengthChecksum(byte);
        case State::ExtendedHigh:
            extendedHigh_ = byte;
            state_ = State::ExtendedLow;
            return std::nullopt;
        case State::ExtendedLow:
            extendedLow_ = byte;
            state_ = State::ExtendedChecksum;
            return std::nullopt;
        case State::ExtendedChecksum:
            return onExtendedChecksum(byte);
        case State::Payload:
            payload_.push_back(byte);
            if (payload_.size() == expected_) {
                state_ = State::DataChecksum;
            }
            return std::nullopt;
        case State::DataChecksum:
            return finish(byte);
    }
    return std::nullopt;
}

void FrameParser::reset() {
    state_ = State::SyncZero;
    payload_.clear();
    expected_ = 0;
}

std::optional<FrameEvent> FrameParser::onLengthChecksum(std::uint8_t byte) {
    if (length_ == 0x00 && byte == 0xFF) {
        state_ = State::SyncZero;
        return event(FrameEvent::Kind::Ack);
    }
    if (length_ == 0xFF && byte == 0x00) {
        state_ = State::SyncZero;
        return event(FrameEvent::Kind::Nack);
    }
    if (length_ == 0xFF && byte == 0xFF) {
        state_ = State::ExtendedHigh;
        return std::nullopt;
    }
    if (((length_ + byte) & 0xFF) != 0) {
        state_ = State::SyncZero;
        return event(FrameEvent::Kind::LengthChecksum);
    }
    return startPayload(length_);
}

std::optional<FrameEvent> FrameParser::onExtendedChecksum(std::uint8_t byte) {
    if (((extendedHigh_ + extendedLow_ + byte) & 0xFF) != 0) {
        state_ = State::SyncZero;
        return event(FrameEvent::Kind::LengthChecksum);
    }
    return startPayload((static_cast<std::size_t>(extendedHigh_) << 8) | extendedLow_);
}

std::optional<FrameEvent> FrameParser::startPayload(std::size_t length) {
    if (length == 0 || length > kMaxFrameLength) {
        state_ = State::SyncZero;
        return event(FrameEvent::Kind::BadLength);
    }
    expected_ = length;
    payload_.clear();
    payload_.reserve(length);
    state_ = State::Payload;
    return std::nullopt;
}

std::optional<FrameEvent> FrameParser::finish(std::uint8_t checksum) {
    state_ = State::SyncZero;
    unsigned sum = checksum;
    for (const auto b : payload_) {
        sum += b;
    }
    if ((sum & 0xFF) != 0) {
        payload_.clear();
        return event(FrameEvent::Kind::DataChecksum);
    }
    FrameEvent frame;
    frame.kind = FrameEvent::Kind::Information;
    frame.tfi = payload_.front();
    frame.data.assign(payload_.begin() + 1, payload_.end());
    payload_.clear();
    return frame;
}

FrameEvent FrameParser::event(FrameEvent::Kind kind) {
    FrameEvent e;
    e.kind = kind;
    return e;
}

}  // namespace nfcsim
