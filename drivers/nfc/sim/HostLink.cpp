#include "nfc/sim/HostLink.h"

#include <algorithm>

#include "nfc/sim/FrameCodec.h"

namespace nfcsim {

HostLink::HostLink(Trace trace) : trace_(std::move(trace)), chip_(std::make_unique<Pn532Chip>()) {}

void HostLink::receive(const std::uint8_t* data, std::size_t size, Clock::time_point now) {
    for (std::size_t i = 0; i < size; ++i) {
        if (auto event = parser_.feed(data[i])) {
            onEvent(*event, now);
        }
    }
}

void HostLink::onEvent(const FrameEvent& event, Clock::time_point now) {
    switch (event.kind) {
        case FrameEvent::Kind::Information:
            onCommand(event, now);
            return;
        case FrameEvent::Kind::Ack:
            if (trace_) {
                trace_("<- ACK (abort)");
            }
            abort();
            return;
        case FrameEvent::Kind::Nack:
            if (trace_) {
                trace_("<- NACK (repeat)");
            }
            if (!lastAnswer_.empty()) {
                send(lastAnswer_, now, true, "answer again");
            }
            return;
        case FrameEvent::Kind::LengthChecksum:
        case FrameEvent::Kind::DataChecksum:
        case FrameEvent::Kind::BadLength:
            ++badFrames_;
            if (trace_) {
                trace_("<- bad frame ignored");
            }
            return;
    }
}

void HostLink::onCommand(const FrameEvent& event, Clock::time_point now) {
    if (trace_) {
        trace_("<- " + toHex({event.tfi}) + " " + toHex(event.data, " "));
    }
    // A new command ends whatever the chip was still doing for the last one.
    cancelAnswers();
    chip_->abortPending();
    waitDeadline_.reset();
    answerDelay_ = std::chrono::milliseconds(0);
    corruptAnswer_ = false;
    fatalStatus_ = false;

    const auto fault = faults_.takeForCommand();
    if (fault) {
        switch (fault->kind) {
            case FaultKind::Unplug:
                unplugRequested_ = true;
                return;
            case FaultKind::Silent:
                return;
            case FaultKind::Nack:
                send(FrameCodec::nack(), now, false, "NACK (fault)");
                return;
            case FaultKind::Garbage: {
                Bytes noise;
                for (unsigned i = 0; i < fault->argument; ++i) {
                    noise_ ^= noise_ << 13;
                    noise_ ^= noise_ >> 17;
                    noise_ ^= noise_ << 5;
                    noise.push_back(static_cast<std::uint8_t>(noise_ & 0xFF));
                }
                send(std::move(noise), now, false, "garbage (fault)");
                return;
            }
            case FaultKind::ErrorFrame:
                send(FrameCodec::ack(), now, false, "ACK");
                send(FrameCodec::syntaxError(), now, true, "error frame (fault)");
                return;
            case FaultKind::BadChecksum:
                corruptAnswer_ = true;
                break;
            case FaultKind::Slow:
                answerDelay_ = std::chrono::milliseconds(fault->argument);
                break;
            case FaultKind::FatalStatus:
                fatalStatus_ = true;
                break;
        }
    }
    ++commands_;
    send(FrameCodec::ack(), now, false, "ACK");
    if (event.tfi != FrameCodec::kHostToChip) {
        send(FrameCodec::syntaxError(), now, true, "error frame (TFI)");
        return;
    }
    const auto reply = chip_->execute(event.data);
    switch (reply.kind) {
        case Pn532Chip::Reply::Kind::Response:
            sendAnswer(reply.response, now);
            return;
        case Pn532Chip::Reply::Kind::SyntaxError:
            send(FrameCodec::syntaxError(), now + answerDelay_, true, "error frame (syntax)");
            return;
        case Pn532Chip::Reply::Kind::Pending:
            if (reply.waitLimit) {
                waitDeadline_ = now + *reply.waitLimit;
            }
            if (trace_) {
                trace_("   waiting for a card");
            }
            return;
    }
}

void HostLink::sendAnswer(const Bytes& data, Clock::time_point now) {
    Bytes answer = data;
    if (fatalStatus_ && answer.size() >= 2 && (answer[0] == 0x41 || answer[0] == 0x43)) {
        answer[1] = static_cast<std::uint8_t>(answer[1] | 0x80);  // InDataExchange/InCommunicateThru status
    }
    Bytes frame = FrameCodec::information(FrameCodec::kChipToHost, answer);
    if (corruptAnswer_) {
        frame = FrameCodec::withBadDataChecksum(std::move(frame));
    }
    lastAnswer_ = frame;
    send(std::move(frame), now + answerDelay_, true, "answer");
}

void HostLink::send(Bytes bytes, Clock::time_point due, bool answer, const char* what) {
    if (trace_) {
        trace_(std::string("-> ") + toHex(bytes, " ") + "  (" + what + ")");
    }
    // Keep the outbox ordered by due time; equal times keep their order.
    auto at = std::upper_bound(outbox_.begin(), outbox_.end(), due,
                               [](Clock::time_point t, const Scheduled& s) { return t < s.due; });
    outbox_.insert(at, Scheduled{due, std::move(bytes), answer});
}

void HostLink::cancelAnswers() {
    outbox_.erase(std::remove_if(outbox_.begin(), outbox_.end(), [](const Scheduled& s) { return s.answer; }),
                  outbox_.end());
}

void HostLink::abort() {
    const bool busy = chip_->hasPending() ||
                      std::any_of(outbox_.begin(), outbox_.end(), [](const Scheduled& s) { return s.answer; });
    if (busy) {
        ++aborts_;
    }
    cancelAnswers();
    chip_->abortPending();
    waitDeadline_.reset();
}

void HostLink::fieldChanged(Clock::time_point now) {
    if (auto answer = chip_->retryPending()) {
        waitDeadline_.reset();
        sendAnswer(*answer, now);
    }
}

void HostLink::onTimer(Clock::time_point now) {
    if (waitDeadline_ && *waitDeadline_ <= now) {
        waitDeadline_.reset();
        if (auto answer = chip_->expirePending()) {
            sendAnswer(*answer, now);
        }
    }
}

Bytes HostLink::takeDue(Clock::time_point now) {
    Bytes out;
    while (!outbox_.empty() && outbox_.front().due <= now) {
        out.insert(out.end(), outbox_.front().bytes.begin(), outbox_.front().bytes.end());
        outbox_.pop_front();
    }
    return out;
}

std::optional<HostLink::Clock::time_point> HostLink::nextDeadline() const {
    std::optional<Clock::time_point> next = waitDeadline_;
    if (!outbox_.empty() && (!next || outbox_.front().due < *next)) {
        next = outbox_.front().due;
    }
    return next;
}

bool HostLink::takeUnplugRequest() {
    const bool requested = unplugRequested_;
    unplugRequested_ = false;
    return requested;
}

void HostLink::powerCycle() {
    auto card = chip_->field().card();
    chip_ = std::make_unique<Pn532Chip>();
    if (card) {
        chip_->field().insert(card);
    }
    parser_.reset();
    outbox_.clear();
    waitDeadline_.reset();
    lastAnswer_.clear();
}

}  // namespace nfcsim
