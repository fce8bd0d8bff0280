#pragma once
// The chip's side of the PN532 host protocol, without I/O: bytes from the
// host go in (receive), frames for the host come out when due (takeDue).
// For every well-formed command frame it sends ACK and then the answer; a
// host ACK aborts a waiting or delayed answer, a host NACK gets the last
// answer again, a frame with a bad checksum is ignored (the host times out)
// and one the chip cannot parse gets the syntax-error frame. Faults from the
// FaultPlan replace or delay this. The clock is passed in, so tests drive it.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "nfc/sim/Bytes.h"
#include "nfc/sim/FaultPlan.h"
#include "nfc/sim/FrameParser.h"
#include "nfc/sim/Pn532Chip.h"

namespace nfcsim {

class HostLink {
public:
    using Clock = std::chrono::steady_clock;
    using Trace = std::function<void(const std::string&)>;

    explicit HostLink(Trace trace = {});

    void receive(const std::uint8_t* data, std::size_t size, Clock::time_point now);
    // The card in the field changed: a waiting InListPassiveTarget/InAutoPoll may answer now.
    void fieldChanged(Clock::time_point now);
    // Expires waits whose time is up; call when nextDeadline() has passed.
    void onTimer(Clock::time_point now);
    // Bytes due at now, in order.
    Bytes takeDue(Clock::time_point now);
    std::optional<Clock::time_point> nextDeadline() const;
    // An unplug fault fired: the owner closes the line (and calls powerCycle on replug).
    bool takeUnplugRequest();
    // The reader lost power: a fresh chip (registers, parameters), same card in the field.
    void powerCycle();

    Pn532Chip& chip() { return *chip_; }
    FaultPlan& faults() { return faults_; }
    std::size_t commands() const { return commands_; }
    std::size_t aborts() const { return aborts_; }
    std::size_t badFrames() const { return badFrames_; }

private:
    struct Scheduled {
        Clock::time_point due;
        Bytes bytes;
        bool answer = false;  // an answer frame (cancelled by an abort), not an ACK
    };

    void onEvent(const FrameEvent& event, Clock::time_point now);
    void onCommand(const FrameEvent& event, Clock::time_point now);
    void sendAnswer(const Bytes& data, Clock::time_point now);
    void send(Bytes bytes, Clock::time_point due, bool answer, const char* what);
    void cancelAnswers();
    void abort();

    Trace trace_;
    std::unique_ptr<Pn532Chip> chip_;
    FrameParser parser_;
    FaultPlan faults_;
    std::deque<Scheduled> outbox_;
    std::optional<Clock::time_point> waitDeadline_;
    Bytes lastAnswer_;
    // How the current command's answer goes out (set by its fault).
    std::chrono::milliseconds answerDelay_{0};
    bool corruptAnswer_ = false;
    bool fatalStatus_ = false;  // status byte bit 7 (libnfc abort()s)
    bool unplugRequested_ = false;
    std::size_t commands_ = 0;
    std::size_t aborts_ = 0;
    std::size_t badFrames_ = 0;
    std::uint32_t noise_ = 0x2545F491;
};

}  // namespace nfcsim
