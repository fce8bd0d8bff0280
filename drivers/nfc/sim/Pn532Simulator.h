#pragma once
// A PN532 on a pseudo-terminal, for testing the real libnfc stack without
// hardware. start() opens the pty and a thread that speaks the PN532 host
// protocol (HSU) on its master: wake-up skipping, ACK then answer frames,
// host ACK aborts, host NACK repeats the last answer, syntax-error frames,
// and the faults of FaultPlan. A host opens "pn532_uart:" + slavePath().
//
// The thread owns the pty, the chip and the card; every public call is
// carried out on it (queued, the caller waits) so tests can change the
// world between two host commands without races. Shutdown: a stop flag and
// a byte on a wake pipe, then join.

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "loyalty/Expected.h"
#include "nfc/sim/FaultPlan.h"
#include "nfc/sim/VirtualCard.h"

namespace nfcsim {

class Pn532Chip;

struct SimulatorOptions {
    // When set, a symlink at this path always points at the current slave
    // (replug opens a new pty whose number may differ).
    std::string linkPath;
    // Called on the simulator thread with one line per frame in and out.
    std::function<void(const std::string&)> trace;
};

struct SimulatorStatus {
    std::string slavePath;
    bool plugged = false;
    std::string card;   // describe() of the card in the field, or "none"
    std::string chip;   // field, card state, target, pending command
    std::string fault;  // FaultPlan::describe()
    std::size_t commands = 0;        // information frames executed
    std::size_t aborts = 0;          // host ACKs that aborted something
    std::size_t badFrames = 0;       // checksum or length errors from the host
};

class Pn532Simulator {
public:
    static loyalty::Expected<std::unique_ptr<Pn532Simulator>, std::string> start(SimulatorOptions options = {});
    ~Pn532Simulator();
    Pn532Simulator(const Pn532Simulator&) = delete;
    Pn532Simulator& operator=(const Pn532Simulator&) = delete;

    std::string slavePath();
    std::string connstring() { return "pn532_uart:" + slavePath(); }

    // The card enters the field (replacing any other). Returns the moment it
    // did, taken on the simulator thread before the chip answers a waiting
    // poll: where a tap's latency starts (bench/nfc_bench.cpp).
    std::chrono::steady_clock::time_point present(std::shared_ptr<VirtualCard> card);
    void remove();
    void unplug();
    // A new pty (a new slave path, unless linkPath hides it); error text on failure.
    loyalty::Expected<std::string, std::string> replug();
    void setFault(Fault fault);
    void clearFault();
    SimulatorStatus status();
    // Runs fn on the simulator thread with the chip (tests inspect cards and registers).
    void inspect(const std::function<void(Pn532Chip&)>& fn);

private:
    struct State;

    explicit Pn532Simulator(SimulatorOptions options);
    void run(std::function<void()> task);  // on the simulator thread; waits
    void loop();
    void wake();

    SimulatorOptions options_;
    std::unique_ptr<State> state_;  // touched only by the simulator thread
    std::mutex mutex_;
    std::condition_variable done_;
    std::deque<std::function<void()>> tasks_;
    bool stop_ = false;
    int wakeRead_ = -1;
    int wakeWrite_ = -1;
    std::thread thread_;
};

}  // namespace nfcsim
