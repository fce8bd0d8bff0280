// nfc_bench: the card reader against the PN532 simulator, with its floor.
//
//   latency  time from the simulator's `present` completing to CardPresented
//            reaching the sink, over N taps (default 200), p50/p99, for
//              floor:      a minimal libnfc loop on the same simulator
//                          (nfc_initiator_select_passive_target with infinite
//                          select off, then one READ), polling flat out;
//              in-process: LibnfcCardReader (this process, its own thread),
//                          reading the card as the floor does (one READ);
//              supervised: SupervisedCardReader (the kiosk's reader: the same
//                          in a kiosk-nfc-worker child, frames over a socket),
//                          worker identifying with the default CardIdentifier
//                          (GET_VERSION, then the NDEF reads: more work than
//                          the floor's single READ, shown for what it costs);
//            and each reader's ratio to the floor (target within 1.5x).
//   idle CPU the reader's threads (and the worker process) while polling an
//            empty field for S seconds (default 10), from /proc (target < 1%).
//
//   bench_nfc [--taps N] [--idle-seconds S] [--card FILE]
// A benchmark prints figures; it never fails on them.

#include <nfc/nfc.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <memory>
#include <mutex>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "nfc/reader/LibnfcCardReader.h"
#include "nfc/reader/SupervisedCardReader.h"
#include "nfc/sim/CardFile.h"
#include "nfc/sim/Pn532Simulator.h"

namespace {

using Clock = std::chrono::steady_clock;
using Micros = std::chrono::microseconds;

// The moments the thing under test saw a card arrive and leave.
class Arrivals {
public:
    void cardSeen() { mark(seen_, true); }
    void cardGone() { mark(gone_, true); }
    std::optional<Clock::time_point> waitSeen(int timeoutMs) { return wait(seen_, timeoutMs); }
    bool waitGone(int timeoutMs) { return wait(gone_, timeoutMs).has_value(); }
    void reset() {
        std::lock_guard lock(mutex_);
        seen_.reset();
        gone_.reset();
    }

private:
    void mark(std::optional<Clock::time_point>& slot, bool) {
        {
            std::lock_guard lock(mutex_);
            if (!slot) {
                slot = Clock::now();
            }
        }
        changed_.notify_all();
    }
    std::optional<Clock::time_point> wait(std::optional<Clock::time_point>& slot, int timeoutMs) {
        std::unique_lock lock(mutex_);
        changed_.wait_for(lock, std::chrono::milliseconds(timeoutMs), [&] { return slot.has_value(); });
        return slot;
    }
    std::mutex mutex_;
    std::condition_variable changed_;
    std::optional<Clock::time_point> seen_;
    std::optional<Clock::time_point> gone_;
};

struct Latencies {
    std::vector<double> ms;
    unsigned missed = 0;
    double percentile(double p) const {
        if (ms.empty()) {
            return 0;
        }
        auto sorted = ms;
        std::sort(sorted.begin(), sorted.end());
        const auto at = static_cast<std::size_t>(p / 100.0 * static_cast<double>(sorted.size() - 1) + 0.5);
        return sorted[std::min(at, sorted.size() - 1)];
    }
};

// One tap: present, time to arrival, remove, wait until the card is gone.
Latencies runTaps(nfcsim::Pn532Simulator& sim, const std::shared_ptr<nfcsim::VirtualCard>& card, Arrivals& arrivals,
                  int taps, const std::function<void()>& afterRemove = {}) {
    Latencies out;
    for (int i = 0; i < taps; ++i) {
        arrivals.reset();
        // Vary the phase of the tap against the poll cycle.
        std::this_thread::sleep_for(std::chrono::microseconds(1000 + (i * 7919) % 20000));
        sim.present(card);
        const auto presented = Clock::now();
        const auto seen = arrivals.waitSeen(5000);
        if (!seen) {
            ++out.missed;
        } else {
            const auto us = std::chrono::duration_cast<Micros>(*seen - presented).count();
            out.ms.push_back(static_cast<double>(std::max<long long>(us, 0)) / 1000.0);
        }
        sim.remove();
        if (afterRemove) {
            afterRemove();
        }
        if (!arrivals.waitGone(5000)) {
            ++out.missed;
        }
    }
    return out;
}

// The floor: the least a libnfc program can do to notice a card and read it.
class FloorLoop {
public:
    FloorLoop(std::string connstring, Arrivals& arrivals) : connstring_(std::move(connstring)), arrivals_(arrivals) {}
    ~FloorLoop() {
        quit_ = true;
        if (thread_.joinable()) {
            thread_.join();
        }
    }
    bool start() {
        nfc_init(&context_);
        device_ = context_ ? nfc_open(context_, connstring_.c_str()) : nullptr;
        if (!device_ || nfc_initiator_init(device_) < 0 ||
            nfc_device_set_property_bool(device_, NP_INFINITE_SELECT, false) < 0) {
            return false;
        }
        thread_ = std::thread([this] { loop(); });
        return true;
    }
    void stop() {
        quit_ = true;
        if (thread_.joinable()) {
            thread_.join();
        }
        if (device_) {
            nfc_close(device_);
        }
        if (context_) {
            nfc_exit(context_);
        }
        device_ = nullptr;
        context_ = nullptr;
    }
    // The bench removed the card: go back to polling.
    void cardRemoved() { arrivals_.cardGone(); }

private:
    void loop() {
        const nfc_modulation typeA = {NMT_ISO14443A, NBR_106};
        bool holding = false;
        while (!quit_) {
            nfc_target target;
            std::memset(&target, 0, sizeof target);
            if (nfc_initiator_select_passive_target(device_, typeA, nullptr, 0, &target) > 0) {
                const std::uint8_t read0[] = {0x30, 0x00};
                std::uint8_t answer[32];
                if (nfc_initiator_transceive_bytes(device_, read0, sizeof read0, answer, sizeof answer, 350) == 16 &&
                    !holding) {
                    arrivals_.cardSeen();
                    holding = true;
                }
            } else {
                holding = false;
            }
        }
    }

    std::string connstring_;
    Arrivals& arrivals_;
    nfc_context* context_ = nullptr;
    nfc_device* device_ = nullptr;
    std::atomic<bool> quit_{false};
    std::thread thread_;
};

double cpuSeconds(const std::string& statPath) {
    std::ifstream in(statPath);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto close = text.rfind(')');
    if (close == std::string::npos) {
        return 0;
    }
    std::istringstream fields(text.substr(close + 2));
    std::string field;
    unsigned long long utime = 0;
    unsigned long long stime = 0;
    for (int i = 3; i <= 15 && (fields >> field); ++i) {
        if (i == 14) {
            utime = std::stoull(field);
        } else if (i == 15) {
            stime = std::stoull(field);
        }
    }
    return static_cast<double>(utime + stime) / static_cast<double>(sysconf(_SC_CLK_TCK));
}

void printLatency(const char* name, const Latencies& l, double floorP50, double floorP99) {
    std::printf("  %-11s p50 %7.3f ms  p99 %7.3f ms", name, l.percentile(50), l.percentile(99));
    if (floorP50 > 0) {
        std::printf("   ratio p50 %.2fx  p99 %.2fx", l.percentile(50) / floorP50, l.percentile(99) / floorP99);
    }
    std::printf("  (%zu taps, %u missed)\n", l.ms.size(), l.missed);
}

// A reader under test: its sink marks arrivals and remembers its thread.
struct ReaderProbe {
    Arrivals arrivals;
    std::atomic<pid_t> sinkThread{0};
    std::atomic<bool> ready{false};
    nfc::NfcSink sink() {
        return [this](nfc::NfcMessage message) {
            sinkThread = static_cast<pid_t>(syscall(SYS_gettid));
            if (std::holds_alternative<nfc::CardPresented>(message)) {
                arrivals.cardSeen();
            } else if (std::holds_alternative<nfc::CardRemoved>(message)) {
                arrivals.cardGone();
            } else if (std::get<nfc::ReaderStatus>(message).state == nfc::ReaderState::Ready) {
                ready = true;
            }
        };
    }
    bool waitReady() {
        for (int i = 0; i < 500 && !ready; ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        return ready;
    }
};

}  // namespace

int main(int argc, char** argv) {
    int taps = 200;
    int idleSeconds = 10;
    std::string cardPath = std::string(KIOSK_SOURCE_ASSETS) + "/cards/ntag213.json";
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string arg = argv[i];
        if (arg == "--taps") {
            taps = std::max(1, std::atoi(argv[i + 1]));
        } else if (arg == "--idle-seconds") {
            idleSeconds = std::max(1, std::atoi(argv[i + 1]));
        } else if (arg == "--card") {
            cardPath = argv[i + 1];
        }
    }
    auto card = nfcsim::CardFile::load(cardPath);
    auto sim = nfcsim::Pn532Simulator::start();
    if (!card || !sim) {
        std::fprintf(stderr, "bench_nfc: %s\n", !card ? card.error().c_str() : sim.error().c_str());
        return 1;
    }
    auto& simulator = **sim;
    const std::string connstring = simulator.connstring();
    std::printf("nfc_bench: %d taps of %s on pn532-sim (%s)\n", taps, (*card)->kind().c_str(), connstring.c_str());

    // Floor.
    Latencies floor;
    {
        Arrivals arrivals;
        FloorLoop loop(connstring, arrivals);
        if (!loop.start()) {
            std::fprintf(stderr, "bench_nfc: floor loop cannot open %s\n", connstring.c_str());
            return 1;
        }
        floor = runTaps(simulator, *card, arrivals, taps, [&] { loop.cardRemoved(); });
        loop.stop();
    }

    nfc::ReaderOptions options;
    options.connstring = connstring;
    // The floor's work: one READ of page 0, then the UID.
    nfc::ReaderOptions sameWork = options;
    sameWork.identify = [](const nfc::TargetInfo& target, nfc::CardTransport& transport) {
        (void)transport.transceive({0x30, 0x00}, 350);
        return nfc::identifyByUid(target, transport);
    };

    // In-process reader.
    Latencies inProcess;
    double inProcessCpu = 0;
    {
        ReaderProbe probe;
        nfc::LibnfcCardReader reader(sameWork);
        reader.start(probe.sink());
        if (!probe.waitReady()) {
            std::fprintf(stderr, "bench_nfc: in-process reader not ready\n");
            return 1;
        }
        inProcess = runTaps(simulator, *card, probe.arrivals, taps);
        const std::string stat = "/proc/self/task/" + std::to_string(probe.sinkThread.load()) + "/stat";
        const double before = cpuSeconds(stat);
        std::this_thread::sleep_for(std::chrono::seconds(idleSeconds));
        inProcessCpu = (cpuSeconds(stat) - before) / idleSeconds * 100.0;
        reader.stop();
    }

    // Supervised reader (what the kiosk runs).
    Latencies supervised;
    double workerCpu = 0;
    double supervisorCpu = 0;
    {
        ReaderProbe probe;
        nfc::SupervisorOptions supervisorOptions;
        supervisorOptions.workerPath = KIOSK_NFC_WORKER;
        supervisorOptions.reader = options;
        nfc::SupervisedCardReader reader(supervisorOptions);
        reader.start(probe.sink());
        if (!probe.waitReady()) {
            std::fprintf(stderr, "bench_nfc: supervised reader not ready\n");
            return 1;
        }
        supervised = runTaps(simulator, *card, probe.arrivals, taps);
        const std::string workerStat = "/proc/" + std::to_string(reader.workerPid()) + "/stat";
        const std::string supervisorStat = "/proc/self/task/" + std::to_string(probe.sinkThread.load()) + "/stat";
        const double workerBefore = cpuSeconds(workerStat);
        const double supervisorBefore = cpuSeconds(supervisorStat);
        std::this_thread::sleep_for(std::chrono::seconds(idleSeconds));
        workerCpu = (cpuSeconds(workerStat) - workerBefore) / idleSeconds * 100.0;
        supervisorCpu = (cpuSeconds(supervisorStat) - supervisorBefore) / idleSeconds * 100.0;
        reader.stop();
    }

    std::printf("latency, present -> CardPresented:\n");
    printLatency("floor", floor, 0, 0);
    printLatency("in-process", inProcess, floor.percentile(50), floor.percentile(99));
    printLatency("supervised", supervised, floor.percentile(50), floor.percentile(99));
    std::printf("  (floor and in-process: select + one READ; supervised: the kiosk's worker with the default\n"
                "   CardIdentifier, which reads GET_VERSION and the NDEF message as well)\n");
    std::printf("idle CPU over %d s (%% of one core; clock tick %ld Hz):\n", idleSeconds, sysconf(_SC_CLK_TCK));
    std::printf("  in-process reader thread        %.2f %%\n", inProcessCpu);
    std::printf("  supervised: worker process      %.2f %%\n", workerCpu);
    std::printf("  supervised: supervisor thread   %.2f %%\n", supervisorCpu);
    return 0;
}
