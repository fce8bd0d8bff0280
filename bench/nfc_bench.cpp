// nfc_bench: the card reader against the PN532 simulator, with its floor.
//
//   latency  time from the card entering the simulator's field (the moment
//            Pn532Simulator::present takes on its thread) to CardPresented
//            reaching the sink (the sink's first action takes the time),
//            over N taps per card (default 200), p50/p99, for each card kind
//            (default: NTAG213, UID-only MIFARE Classic, NTAG 424 DNA):
//              floor, same work: a minimal libnfc loop on the same simulator,
//                          polling flat out: nfc_initiator_select_passive_target
//                          (infinite select off), then exactly the commands the
//                          kiosk's identification sends for that card, replayed
//                          with nfc_initiator_transceive_bytes. The commands are
//                          recorded first from a LibnfcCardReader tap running
//                          the kiosk-nfc-worker's identification
//                          (defaultCardIdentify) and printed;
//              floor, one READ: the same loop with one READ 0 instead (the
//                          bench's old floor; NTAG21x only), for transparency;
//              in-process: LibnfcCardReader (this process, its own thread)
//                          with the worker's identification;
//              supervised: SupervisedCardReader (what the kiosk runs: the same
//                          reader in a kiosk-nfc-worker child, MessageCodec
//                          frames over a socket to a supervisor thread);
//            and each reader's ratio to the same-work floor (target within 1.5x).
//            The simulator runs in a child process of its own (as the chip is
//            outside the host), so no line gets cheaper same-process thread
//            switches to the chip than the worker does; --sim thread runs it
//            on a thread of this process instead (the bench's old setup).
//            With --runs R the whole set is measured R times (interleaved, so
//            drift hits every line alike) and the median of the runs' p50 and
//            p99 is printed, with each run's figures.
//   hop      what the process boundary costs by itself: a timestamp written
//            to a socket by a child process, read here after poll() as the
//            supervisor reads the worker (no libnfc, no simulator).
//   idle CPU the reader's threads (and the worker process) while polling an
//            empty field for S seconds (default 10), from /proc (target < 1%).
//
//   bench_nfc [--taps N] [--runs R] [--idle-seconds S] [--sim process|thread] [--card FILE]...
// A benchmark prints figures; it never fails on them. The machine's load
// average is printed with them: other work on the machine moves them a lot.

#include <fcntl.h>
#include <nfc/nfc.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <functional>
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

// The moments the thing under test saw a card arrive and leave. Each tap is
// an epoch: an arrival reported for an older epoch (a loop that read the
// previous card just before it left) is ignored.
class Arrivals {
public:
    unsigned epoch() const { return epoch_; }
    void cardSeen(std::optional<unsigned> epoch = std::nullopt) {
        {
            std::lock_guard lock(mutex_);
            if (!seen_ && (!epoch || *epoch == epoch_)) {
                seen_ = Clock::now();
            }
        }
        changed_.notify_all();
    }
    void cardGone() {
        {
            std::lock_guard lock(mutex_);
            gone_ = true;
        }
        changed_.notify_all();
    }
    std::optional<Clock::time_point> waitSeen(int timeoutMs) {
        std::unique_lock lock(mutex_);
        changed_.wait_for(lock, std::chrono::milliseconds(timeoutMs), [&] { return seen_.has_value(); });
        return seen_;
    }
    bool waitGone(int timeoutMs) {
        std::unique_lock lock(mutex_);
        return changed_.wait_for(lock, std::chrono::milliseconds(timeoutMs), [&] { return gone_; });
    }
    void reset() {
        std::lock_guard lock(mutex_);
        ++epoch_;
        seen_.reset();
        gone_ = false;
    }

private:
    std::mutex mutex_;
    std::condition_variable changed_;
    std::atomic<unsigned> epoch_{0};
    std::optional<Clock::time_point> seen_;
    bool gone_ = false;
};

double percentileOf(std::vector<double> values, double p) {
    if (values.empty()) {
        return 0;
    }
    std::sort(values.begin(), values.end());
    const auto at = static_cast<std::size_t>(p / 100.0 * static_cast<double>(values.size() - 1) + 0.5);
    return values[std::min(at, values.size() - 1)];
}

struct Latencies {
    std::vector<double> ms;
    unsigned missed = 0;
    double percentile(double p) const { return percentileOf(ms, p); }
};

// The simulator the cards are presented to, by index into the bench's cards.
class Field {
public:
    virtual ~Field() = default;
    virtual std::string connstring() const = 0;
    // The moment the card entered the field (steady_clock is CLOCK_MONOTONIC:
    // one clock for every process of the machine).
    virtual Clock::time_point present(std::size_t card) = 0;
    virtual void remove() = 0;
};

// The simulator on a thread of this process.
class ThreadField : public Field {
public:
    ThreadField(std::unique_ptr<nfcsim::Pn532Simulator> sim, std::vector<std::shared_ptr<nfcsim::VirtualCard>> cards)
        : sim_(std::move(sim)), cards_(std::move(cards)), connstring_(sim_->connstring()) {}
    std::string connstring() const override { return connstring_; }
    Clock::time_point present(std::size_t card) override { return sim_->present(cards_.at(card)); }
    void remove() override { sim_->remove(); }

private:
    std::unique_ptr<nfcsim::Pn532Simulator> sim_;
    std::vector<std::shared_ptr<nfcsim::VirtualCard>> cards_;
    std::string connstring_;
};

// The simulator in a child process (forked before this process has any
// thread), driven over a socketpair: 'p' + card index -> the time it entered
// the field (ns), 'r' -> removed. The child ends when the socket does.
class ProcessField : public Field {
public:
    static std::unique_ptr<ProcessField> start(const std::vector<std::shared_ptr<nfcsim::VirtualCard>>& cards,
                                               std::string& error) {
        int fds[2];
        if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0) {
            error = "socketpair failed";
            return nullptr;
        }
        std::fflush(stdout);
        std::fflush(stderr);
        const pid_t pid = ::fork();
        if (pid < 0) {
            error = "fork failed";
            return nullptr;
        }
        if (pid == 0) {
            ::close(fds[0]);
            ::prctl(PR_SET_PDEATHSIG, SIGTERM);
            ::_exit(serve(fds[1], cards));
        }
        ::close(fds[1]);
        std::unique_ptr<ProcessField> field(new ProcessField(pid, fds[0]));
        std::uint32_t size = 0;
        if (!field->readAll(&size, sizeof size) || size == 0 || size > 4096) {
            error = "the simulator process did not start";
            return nullptr;
        }
        field->connstring_.resize(size);
        if (!field->readAll(field->connstring_.data(), size)) {
            error = "the simulator process did not start";
            return nullptr;
        }
        return field;
    }
    ~ProcessField() override {
        ::close(fd_);  // the child sees the end of its input and exits
        ::waitpid(pid_, nullptr, 0);
    }
    std::string connstring() const override { return connstring_; }
    Clock::time_point present(std::size_t card) override {
        const std::array<std::uint8_t, 2> command{'p', static_cast<std::uint8_t>(card)};
        std::int64_t ns = 0;
        if (::write(fd_, command.data(), command.size()) != 2 || !readAll(&ns, sizeof ns)) {
            std::fprintf(stderr, "bench_nfc: the simulator process is gone\n");
            std::exit(1);
        }
        return Clock::time_point(std::chrono::nanoseconds(ns));
    }
    void remove() override {
        const std::uint8_t command = 'r';
        std::uint8_t done = 0;
        if (::write(fd_, &command, 1) != 1 || !readAll(&done, 1)) {
            std::fprintf(stderr, "bench_nfc: the simulator process is gone\n");
            std::exit(1);
        }
    }

private:
    ProcessField(pid_t pid, int fd) : pid_(pid), fd_(fd) {}

    bool readAll(void* into, std::size_t size) { return readFully(fd_, into, size); }
    static bool readFully(int fd, void* into, std::size_t size) {
        auto* bytes = static_cast<std::uint8_t*>(into);
        std::size_t done = 0;
        while (done < size) {
            const ssize_t n = ::read(fd, bytes + done, size - done);
            if (n <= 0) {
                return false;
            }
            done += static_cast<std::size_t>(n);
        }
        return true;
    }
    // The child: a simulator and the command loop.
    static int serve(int fd, const std::vector<std::shared_ptr<nfcsim::VirtualCard>>& cards) {
        auto sim = nfcsim::Pn532Simulator::start();
        if (!sim) {
            return 1;
        }
        const std::string connstring = (*sim)->connstring();
        const auto size = static_cast<std::uint32_t>(connstring.size());
        if (::write(fd, &size, sizeof size) != sizeof size ||
            ::write(fd, connstring.data(), connstring.size()) != static_cast<ssize_t>(connstring.size())) {
            return 1;
        }
        std::uint8_t command[2];
        while (readFully(fd, command, 1)) {
            if (command[0] == 'p' && readFully(fd, command + 1, 1) && command[1] < cards.size()) {
                const auto entered = (*sim)->present(cards[command[1]]);
                const std::int64_t ns =
                    std::chrono::duration_cast<std::chrono::nanoseconds>(entered.time_since_epoch()).count();
                if (::write(fd, &ns, sizeof ns) != sizeof ns) {
                    break;
                }
            } else if (command[0] == 'r') {
                (*sim)->remove();
                if (::write(fd, command, 1) != 1) {
                    break;
                }
            } else {
                break;
            }
        }
        return 0;
    }

    pid_t pid_;
    int fd_;
    std::string connstring_;
};

// One tap: present, time to arrival, remove, wait until the card is gone.
Latencies runTaps(Field& field, std::size_t card, Arrivals& arrivals, int taps,
                  const std::function<void()>& afterRemove = {}) {
    Latencies out;
    for (int i = 0; i < taps; ++i) {
        arrivals.reset();
        // Vary the phase of the tap against the poll cycle.
        std::this_thread::sleep_for(std::chrono::microseconds(1000 + (i * 7919) % 20000));
        // Taken on the simulator thread as the card enters the field.
        const auto presented = field.present(card);
        const auto seen = arrivals.waitSeen(5000);
        if (!seen) {
            ++out.missed;
        } else {
            const auto us = std::chrono::duration_cast<Micros>(*seen - presented).count();
            out.ms.push_back(static_cast<double>(std::max<long long>(us, 0)) / 1000.0);
        }
        field.remove();
        if (afterRemove) {
            afterRemove();
        }
        if (!arrivals.waitGone(5000)) {
            ++out.missed;
        }
    }
    return out;
}

// One command the identification sent, and the size of the card's answer.
struct Exchange {
    nfc::Bytes command;
    int timeoutMs = 0;
    int answerSize = -1;  // -1: the exchange failed
};

std::string describe(const std::vector<Exchange>& work) {
    if (work.empty()) {
        return "nothing (the UID from anticollision is the identity)";
    }
    std::string out;
    for (const auto& exchange : work) {
        if (!out.empty()) {
            out += " | ";
        }
        const auto shown = std::min<std::size_t>(exchange.command.size(), 8);
        for (std::size_t i = 0; i < shown; ++i) {
            char hex[4];
            std::snprintf(hex, sizeof hex, i == 0 ? "%02X" : " %02X", exchange.command[i]);
            out += hex;
        }
        if (shown < exchange.command.size()) {
            out += " ..";
        }
        out += " -> " + (exchange.answerSize < 0 ? std::string("failed") : std::to_string(exchange.answerSize)) + " B";
    }
    return out;
}

// A CardTransport that logs what goes through it.
class RecordingTransport : public nfc::CardTransport {
public:
    RecordingTransport(nfc::CardTransport& inner, std::vector<Exchange>& log) : inner_(inner), log_(log) {}
    loyalty::Expected<nfc::Bytes, nfc::TransportFailure> transceive(const nfc::Bytes& command, int timeoutMs) override {
        auto answer = inner_.transceive(command, timeoutMs);
        log_.push_back({command, timeoutMs, answer ? static_cast<int>(answer->size()) : -1});
        return answer;
    }

private:
    nfc::CardTransport& inner_;
    std::vector<Exchange>& log_;
};

// The floor: the least a libnfc program can do to notice a card and do the
// given card work. Polls flat out (one core busy), so it is never late to a
// card by more than one select.
class FloorLoop {
public:
    FloorLoop(std::string connstring, Arrivals& arrivals, std::vector<Exchange> work)
        : connstring_(std::move(connstring)), arrivals_(arrivals), work_(std::move(work)) {}
    ~FloorLoop() { stop(); }
    FloorLoop(const FloorLoop&) = delete;
    FloorLoop& operator=(const FloorLoop&) = delete;

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
    // The bench removed the card (the loop never waits for a removal).
    void cardRemoved() { arrivals_.cardGone(); }

private:
    void loop() {
        const nfc_modulation typeA = {NMT_ISO14443A, NBR_106};
        std::uint8_t answer[264];
        while (!quit_) {
            const unsigned epoch = arrivals_.epoch();
            nfc_target target;
            std::memset(&target, 0, sizeof target);
            if (nfc_initiator_select_passive_target(device_, typeA, nullptr, 0, &target) <= 0) {
                continue;
            }
            bool done = true;
            for (const auto& exchange : work_) {
                const int res = nfc_initiator_transceive_bytes(device_, exchange.command.data(), exchange.command.size(),
                                                               answer, sizeof answer, exchange.timeoutMs);
                if (res != exchange.answerSize) {
                    done = false;
                    break;
                }
            }
            if (done) {
                arrivals_.cardSeen(epoch);
            }
        }
    }

    std::string connstring_;
    Arrivals& arrivals_;
    std::vector<Exchange> work_;
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

// The 1-minute load average: the figures depend on what else the machine runs.
std::string loadAverage() {
    std::ifstream in("/proc/loadavg");
    std::string first;
    in >> first;
    return first.empty() ? "?" : first;
}

// A reader under test: its sink marks arrivals and remembers its thread.
struct ReaderProbe {
    Arrivals arrivals;
    std::atomic<pid_t> sinkThread{0};
    std::atomic<bool> ready{false};
    std::mutex mutex;
    std::optional<nfc::CardPresented> lastCard;
    nfc::NfcSink sink() {
        return [this](nfc::NfcMessage message) {
            if (std::holds_alternative<nfc::CardPresented>(message)) {
                arrivals.cardSeen();  // first: nothing else on the path being timed
                std::lock_guard lock(mutex);
                lastCard = std::get<nfc::CardPresented>(message);
            } else if (std::holds_alternative<nfc::CardRemoved>(message)) {
                arrivals.cardGone();
            } else if (std::get<nfc::ReaderStatus>(message).state == nfc::ReaderState::Ready) {
                ready = true;
            }
            sinkThread = static_cast<pid_t>(syscall(SYS_gettid));
        };
    }
    bool waitReady() {
        for (int i = 0; i < 500 && !ready; ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        return ready;
    }
};

const char* kindName(nfc::CardKind kind) {
    switch (kind) {
        case nfc::CardKind::UidOnly: return "UidOnly";
        case nfc::CardKind::Ntag21x: return "Ntag21x";
        case nfc::CardKind::Ntag424: return "Ntag424";
    }
    return "?";
}

// What the identification concluded (the recorded tap).
std::string outcome(const std::optional<nfc::CardPresented>& card) {
    if (!card) {
        return "?";
    }
    std::string out = kindName(card->kind);
    out += card->refusal == nfc::CardRefusal::None ? ", identity " + card->identity : std::string(", refused");
    return out + " (" + card->detail + ")";
}

// What the worker's identification sends for this card, from one tap of an
// in-process reader running the same identification.
struct Recording {
    std::vector<Exchange> work;
    std::optional<nfc::CardPresented> card;
};

std::optional<Recording> record(Field& field, std::size_t card, const nfc::ReaderOptions& base) {
    auto log = std::make_shared<std::vector<Exchange>>();
    nfc::ReaderOptions options = base;
    options.identify = [identify = nfc::defaultCardIdentify(), log](const nfc::TargetInfo& target,
                                                                  nfc::CardTransport& transport) {
        log->clear();
        RecordingTransport recording(transport, *log);
        return identify(target, recording);
    };
    ReaderProbe probe;
    nfc::LibnfcCardReader reader(options);
    reader.start(probe.sink());
    if (!probe.waitReady()) {
        return std::nullopt;
    }
    const auto taps = runTaps(field, card, probe.arrivals, 1);
    reader.stop();  // joins the reader thread: log is ours now
    if (taps.ms.empty()) {
        return std::nullopt;
    }
    Recording out;
    out.work = *log;
    std::lock_guard lock(probe.mutex);
    out.card = probe.lastCard;
    return out;
}

// The figures of one line over the runs.
struct Series {
    std::string name;
    bool hasRatio = false;
    std::vector<double> p50;
    std::vector<double> p99;
    unsigned taps = 0;
    unsigned missed = 0;
    void add(const Latencies& l) {
        p50.push_back(l.percentile(50));
        p99.push_back(l.percentile(99));
        taps += static_cast<unsigned>(l.ms.size());
        missed += l.missed;
    }
    double medianP50() const { return percentileOf(p50, 50); }
    double medianP99() const { return percentileOf(p99, 50); }
};

void printSeries(const Series& s, const Series* floor, bool perRun) {
    std::printf("  %-30s p50 %7.3f ms  p99 %7.3f ms", s.name.c_str(), s.medianP50(), s.medianP99());
    if (floor && s.hasRatio && floor->medianP50() > 0 && floor->medianP99() > 0) {
        std::printf("   ratio p50 %.2fx  p99 %.2fx", s.medianP50() / floor->medianP50(), s.medianP99() / floor->medianP99());
    }
    std::printf("  (%u taps, %u missed)\n", s.taps, s.missed);
    if (perRun && s.p50.size() > 1) {
        std::printf("  %-30s", "");
        for (std::size_t i = 0; i < s.p50.size(); ++i) {
            std::printf("%s%.3f/%.3f", i == 0 ? " runs p50/p99: " : "  ", s.p50[i], s.p99[i]);
        }
        std::printf("\n");
    }
}

struct CardBench {
    std::string path;
    std::string kind;    // the simulator's card type ("ntag213")
    std::size_t index = 0;  // into the field's cards
    Recording recording;
    bool oneReadFloor = false;  // NTAG21x: the old floor (select + READ 0) works on it
    Series oneRead{"floor, select + one READ", false, {}, {}, 0, 0};
    Series sameWork{"floor, select + same work", false, {}, {}, 0, 0};
    Series inProcess{"in-process LibnfcCardReader", true, {}, {}, 0, 0};
    Series supervised{"supervised (kiosk-nfc-worker)", true, {}, {}, 0, 0};
};

bool runFloor(Field& field, const CardBench& bench, const std::vector<Exchange>& work, Series& into, int taps) {
    const std::string connstring = field.connstring();
    Arrivals arrivals;
    FloorLoop loop(connstring, arrivals, work);
    if (!loop.start()) {
        std::fprintf(stderr, "bench_nfc: floor loop cannot open %s\n", connstring.c_str());
        return false;
    }
    into.add(runTaps(field, bench.index, arrivals, taps, [&] { loop.cardRemoved(); }));
    loop.stop();
    return true;
}

// The process boundary by itself: a child process writes its clock to a
// socket every few milliseconds; this thread waits in poll() (with a second,
// idle descriptor, as the supervisor waits on the worker and its eventfd) and
// reads it. The child calls only async-signal-safe functions (this process
// has threads by now).
Latencies measureHop(int samples) {
    Latencies out;
    int fds[2];
    int idle[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0) {
        return out;
    }
    if (::pipe2(idle, O_CLOEXEC) != 0) {
        ::close(fds[0]);
        ::close(fds[1]);
        return out;
    }
    std::fflush(stdout);
    std::fflush(stderr);
    const pid_t pid = ::fork();
    if (pid == 0) {
        for (int i = 0; i < samples; ++i) {
            const timespec pause{0, 2000000L + (i * 7919L) % 3000000L};
            ::nanosleep(&pause, nullptr);
            timespec now{};
            ::clock_gettime(CLOCK_MONOTONIC, &now);
            const std::int64_t ns = static_cast<std::int64_t>(now.tv_sec) * 1000000000 + now.tv_nsec;
            if (::write(fds[1], &ns, sizeof ns) != sizeof ns) {
                break;
            }
        }
        ::_exit(0);
    }
    ::close(fds[1]);
    for (int i = 0; pid > 0 && i < samples; ++i) {
        pollfd waits[2] = {{fds[0], POLLIN, 0}, {idle[0], POLLIN, 0}};
        if (::poll(waits, 2, 1000) <= 0) {
            ++out.missed;
            break;
        }
        std::int64_t sent = 0;
        if (::read(fds[0], &sent, sizeof sent) != sizeof sent) {
            break;
        }
        const auto received = Clock::now();
        const auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(received.time_since_epoch()).count() - sent;
        out.ms.push_back(static_cast<double>(std::max<long long>(ns, 0)) / 1e6);
    }
    ::close(fds[0]);
    ::close(idle[0]);
    ::close(idle[1]);
    if (pid > 0) {
        ::waitpid(pid, nullptr, 0);
    }
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    int taps = 200;
    int runs = 1;
    int idleSeconds = 10;
    bool simInProcess = false;
    std::vector<std::string> cardPaths;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string arg = argv[i];
        if (arg == "--taps") {
            taps = std::max(1, std::atoi(argv[i + 1]));
        } else if (arg == "--runs") {
            runs = std::max(1, std::atoi(argv[i + 1]));
        } else if (arg == "--idle-seconds") {
            idleSeconds = std::max(1, std::atoi(argv[i + 1]));
        } else if (arg == "--sim") {
            simInProcess = std::string(argv[i + 1]) == "thread";
        } else if (arg == "--card") {
            cardPaths.push_back(argv[i + 1]);
        }
    }
    if (cardPaths.empty()) {
        for (const char* name : {"ntag213.json", "mifare-classic-uid.json", "ntag424-sun.json"}) {
            cardPaths.push_back(std::string(KIOSK_SOURCE_ASSETS) + "/cards/" + name);
        }
    }
    std::vector<CardBench> benches;
    std::vector<std::shared_ptr<nfcsim::VirtualCard>> cards;
    for (const auto& path : cardPaths) {
        auto card = nfcsim::CardFile::load(path);
        if (!card) {
            std::fprintf(stderr, "bench_nfc: %s\n", card.error().c_str());
            return 1;
        }
        CardBench bench;
        bench.path = path;
        bench.kind = (*card)->kind();
        bench.index = cards.size();
        bench.oneReadFloor = bench.kind.rfind("ntag2", 0) == 0;
        cards.push_back(*card);
        benches.push_back(std::move(bench));
    }
    // Before any thread of this process exists: the simulator's process is forked.
    std::unique_ptr<Field> field;
    if (simInProcess) {
        auto sim = nfcsim::Pn532Simulator::start();
        if (!sim) {
            std::fprintf(stderr, "bench_nfc: %s\n", sim.error().c_str());
            return 1;
        }
        field = std::make_unique<ThreadField>(std::move(*sim), cards);
    } else {
        std::string error;
        field = ProcessField::start(cards, error);
        if (!field) {
            std::fprintf(stderr, "bench_nfc: %s\n", error.c_str());
            return 1;
        }
    }
    const std::string connstring = field->connstring();
    nfc::ReaderOptions options;  // what the kiosk-nfc-worker runs (its identify is defaultCardIdentify)
    options.connstring = connstring;

#ifdef NDEBUG
    const char* build = "optimised build";
#else
    const char* build = "debug build (figures are not representative: use the release preset)";
#endif
    std::printf("nfc_bench: %d taps per card and line, %d run%s, pn532-sim (%s) %s, %s, %u cores, load %s\n", taps,
                runs, runs == 1 ? "" : "s", connstring.c_str(),
                simInProcess ? "on a thread of the bench" : "in a process of its own", build,
                std::thread::hardware_concurrency(), loadAverage().c_str());

    for (auto& bench : benches) {
        auto recording = record(*field, bench.index, options);
        if (!recording) {
            std::fprintf(stderr, "bench_nfc: could not record the identification of %s\n", bench.path.c_str());
            return 1;
        }
        bench.recording = std::move(*recording);
    }

    for (int run = 0; run < runs; ++run) {
        for (auto& bench : benches) {
            if (!runFloor(*field, bench, bench.recording.work, bench.sameWork, taps)) {
                return 1;
            }
            {
                ReaderProbe probe;
                nfc::LibnfcCardReader reader(options);
                reader.start(probe.sink());
                if (!probe.waitReady()) {
                    std::fprintf(stderr, "bench_nfc: in-process reader not ready\n");
                    return 1;
                }
                bench.inProcess.add(runTaps(*field, bench.index, probe.arrivals, taps));
                reader.stop();
            }
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
                bench.supervised.add(runTaps(*field, bench.index, probe.arrivals, taps));
                reader.stop();
            }
            if (bench.oneReadFloor) {
                const std::vector<Exchange> oneRead{{{0x30, 0x00}, 350, 16}};
                if (!runFloor(*field, bench, oneRead, bench.oneRead, taps)) {
                    return 1;
                }
            }
        }
    }
    const Latencies hop = measureHop(std::max(200, taps));

    std::printf("latency, present -> CardPresented%s; load now %s:\n",
                runs > 1 ? " (median of the runs' p50 and p99)" : "", loadAverage().c_str());
    for (const auto& bench : benches) {
        std::printf("%s (%s): %s\n", bench.kind.c_str(), bench.path.substr(bench.path.rfind('/') + 1).c_str(),
                    outcome(bench.recording.card).c_str());
        std::printf("  identification after the select: %s\n", describe(bench.recording.work).c_str());
        if (bench.oneReadFloor) {
            printSeries(bench.oneRead, nullptr, runs > 1);
        }
        printSeries(bench.sameWork, nullptr, runs > 1);
        printSeries(bench.inProcess, &bench.sameWork, runs > 1);
        printSeries(bench.supervised, &bench.sameWork, runs > 1);
    }
    std::printf("  (floors poll flat out with selects and burn a core; the readers wait in InAutoPoll on the chip;\n"
                "   ratios are to the same-work floor)\n");
    std::printf("process hop, socket write in a child -> poll() + read() here: p50 %.1f us  p99 %.1f us  (%zu samples)\n",
                hop.percentile(50) * 1000.0, hop.percentile(99) * 1000.0, hop.ms.size());

    // Idle CPU with an empty field.
    double inProcessCpu = 0;
    {
        ReaderProbe probe;
        nfc::LibnfcCardReader reader(options);
        reader.start(probe.sink());
        if (!probe.waitReady()) {
            std::fprintf(stderr, "bench_nfc: in-process reader not ready\n");
            return 1;
        }
        const std::string stat = "/proc/self/task/" + std::to_string(probe.sinkThread.load()) + "/stat";
        const double before = cpuSeconds(stat);
        std::this_thread::sleep_for(std::chrono::seconds(idleSeconds));
        inProcessCpu = (cpuSeconds(stat) - before) / idleSeconds * 100.0;
        reader.stop();
    }
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
        const std::string workerStat = "/proc/" + std::to_string(reader.workerPid()) + "/stat";
        const std::string supervisorStat = "/proc/self/task/" + std::to_string(probe.sinkThread.load()) + "/stat";
        const double workerBefore = cpuSeconds(workerStat);
        const double supervisorBefore = cpuSeconds(supervisorStat);
        std::this_thread::sleep_for(std::chrono::seconds(idleSeconds));
        workerCpu = (cpuSeconds(workerStat) - workerBefore) / idleSeconds * 100.0;
        supervisorCpu = (cpuSeconds(supervisorStat) - supervisorBefore) / idleSeconds * 100.0;
        reader.stop();
    }
    std::printf("idle CPU over %d s (%% of one core; clock tick %ld Hz):\n", idleSeconds, sysconf(_SC_CLK_TCK));
    std::printf("  in-process reader thread        %.2f %%\n", inProcessCpu);
    std::printf("  supervised: worker process      %.2f %%\n", workerCpu);
    std::printf("  supervised: supervisor thread   %.2f %%\n", supervisorCpu);
    return 0;
}
