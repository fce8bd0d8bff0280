#pragma once
// The kiosk's card reader: a LibnfcCardReader in a kiosk-nfc-worker child
// process, supervised from a thread of the kiosk. libnfc 1.8.0 calls
// abort() on some chip answers (an unknown IC byte, a status byte with bit
// 7 set); in the child that ends the child, not the kiosk. The thread
//   - spawns the worker (fork + exec, socketpair on its stdin/stdout),
//   - forwards the messages it sends (MessageCodec frames) to the sink,
//   - when the worker dies: posts CardRemoved if a card was in the field and
//     ReaderStatus{Reopening, "reader worker killed by signal 6 ..."},
//     then restarts it with exponential backoff (reset once a worker has
//     lived stableAfter);
//   - when the worker exits with WorkerProcess::kConfigurationError (bad
//     arguments, a key or counter file that does not load): posts
//     ReaderStatus{Unavailable, <the worker's reason>; retry in N ms} and
//     tries again only after restartMax (the technician may fix the file),
//     reporting the reason again only when it changes;
//   - writeCard(): sends the worker a WriteCardRecord frame and waits for
//     its CardWritten answer (docs/reader.md, "Writing a card");
//   - on stop: ends the worker's input (it aborts its poll and exits), waits
//     up to stopGrace, then SIGKILL.
// It waits in poll() on the socket and an eventfd: no busy loop.

#include <sys/types.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "nfc/reader/CardReader.h"
#include "nfc/reader/MessageCodec.h"
#include "nfc/reader/ReaderOptions.h"

namespace nfc {

class WorkerProcess;

struct SupervisorOptions {
    std::string workerPath;  // the kiosk-nfc-worker program
    // Passed to the worker as arguments (its identify is the worker's own).
    ReaderOptions reader;
    // The worker's card keys and SUN counter file (--head-office-key,
    // --kiosk-key, --sun-keys, --sun-counters, --no-uid-only); empty paths
    // are not passed. Without them signed NTAGs and NTAG 424 are refused.
    CardKeyFiles cards;
    std::chrono::milliseconds restartInitial{200};
    std::chrono::milliseconds restartMax{5000};
    std::chrono::milliseconds stableAfter{10000};
    std::chrono::milliseconds stopGrace{1500};
};

class SupervisedCardReader : public CardReader {
public:
    explicit SupervisedCardReader(SupervisorOptions options);
    ~SupervisedCardReader() override;
    SupervisedCardReader(const SupervisedCardReader&) = delete;
    SupervisedCardReader& operator=(const SupervisedCardReader&) = delete;

    void start(NfcSink sink) override;
    void stop() override;

    // Asks the worker to write this kiosk's signed record onto the card with
    // this UID, which must be in the field, and waits for its answer: at most
    // timeout, less when the worker dies or stop() is called (then
    // ReaderUnavailable). One write at a time; any thread but the sink's.
    CardWritten writeCard(const std::string& uid, std::uint32_t serial, std::uint64_t issuedAt,
                          std::chrono::milliseconds timeout);

    // The technician's "test reader": asks the worker to have the chip answer
    // a command now (LibnfcCardReader::selfTest) and waits for the answer, at
    // most timeout. Not ok, with why, when no worker runs or it does not answer.
    SelfTestResult testReader(std::chrono::milliseconds timeout);

    // The worker's PID (0 between two workers), and how many times it was restarted.
    pid_t workerPid() const { return workerPid_; }
    unsigned restarts() const { return restarts_; }
    // The arguments a worker gets for these options (after argv[0]).
    static std::vector<std::string> workerArguments(const SupervisorOptions& options);

private:
    void run();
    // Forwards the worker's messages until it ends; false when stop was asked.
    bool pump(WorkerProcess& worker);
    bool waitForStop(std::chrono::milliseconds delay);
    void forward(NfcMessage message);
    void post(NfcMessage message);
    // The worker's socket for writeCard (-1: no worker); wakes a waiting call.
    void publishWorker(int fd);
    void answered(WireMessage answer, std::uint32_t request);
    // Sends a command frame to the worker and waits for the answer with the
    // same request number; nullopt with why when there is none in time.
    std::optional<WireMessage> exchange(const std::function<WireMessage(std::uint32_t)>& command,
                                        std::chrono::milliseconds timeout, std::string& why);

    SupervisorOptions options_;
    NfcSink sink_;
    int wakeFd_ = -1;  // eventfd: stop() writes, the thread polls it
    std::atomic<bool> stopping_{false};
    std::atomic<pid_t> workerPid_{0};
    std::atomic<unsigned> restarts_{0};
    std::mutex startMutex_;
    std::thread thread_;

    // writeCard's exchange with the supervising thread.
    std::mutex writeCallMutex_;  // one writeCard at a time
    std::mutex writeMutex_;
    std::condition_variable writeAnswered_;
    int workerFd_ = -1;
    std::uint64_t workerGeneration_ = 0;
    std::uint32_t lastRequest_ = 0;
    std::optional<WireMessage> answer_;

    // The supervising thread's view of the worker's last messages.
    bool cardPresent_ = false;
    ReaderStatus lastStatus_;
    std::optional<ReaderStatus> workerStatus_;  // the current worker's last status, if it sent one
    std::string configError_;  // the reason the last worker gave for kConfigurationError, if it did
};

}  // namespace nfc
