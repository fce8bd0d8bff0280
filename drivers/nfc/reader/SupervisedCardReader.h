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
//   - on stop: ends the worker's input (it aborts its poll and exits), waits
//     up to stopGrace, then SIGKILL.
// It waits in poll() on the socket and an eventfd: no busy loop.

#include <sys/types.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "nfc/reader/CardReader.h"
#include "nfc/reader/ReaderOptions.h"

namespace nfc {

class WorkerProcess;

struct SupervisorOptions {
    std::string workerPath;  // the kiosk-nfc-worker program
    // Passed to the worker as arguments (its identify is the worker's own).
    ReaderOptions reader;
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

    // The worker's PID (0 between two workers), and how many times it was restarted.
    pid_t workerPid() const { return workerPid_; }
    unsigned restarts() const { return restarts_; }
    // The arguments a worker gets for these options (after argv[0]).
    static std::vector<std::string> workerArguments(const ReaderOptions& options);

private:
    void run();
    // Forwards the worker's messages until it ends; false when stop was asked.
    bool pump(WorkerProcess& worker);
    bool waitForStop(std::chrono::milliseconds delay);
    void forward(NfcMessage message);
    void post(NfcMessage message);

    SupervisorOptions options_;
    NfcSink sink_;
    int wakeFd_ = -1;  // eventfd: stop() writes, the thread polls it
    std::atomic<bool> stopping_{false};
    std::atomic<pid_t> workerPid_{0};
    std::atomic<unsigned> restarts_{0};
    std::mutex startMutex_;
    std::thread thread_;

    // The supervising thread's view of the worker's last messages.
    bool cardPresent_ = false;
    ReaderStatus lastStatus_;
};

}  // namespace nfc
