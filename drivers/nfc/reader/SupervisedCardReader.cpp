#include "nfc/reader/SupervisedCardReader.h"

#include <poll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <exception>
#include <string>
#include <type_traits>
#include <utility>

#include "nfc/reader/Backoff.h"
#include "nfc/reader/MessageCodec.h"
#include "nfc/reader/WorkerProcess.h"

namespace nfc {

using std::chrono::milliseconds;
using Clock = std::chrono::steady_clock;

SupervisedCardReader::SupervisedCardReader(SupervisorOptions options)
    : options_(std::move(options)), wakeFd_(::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK)) {
    lastStatus_.connstring = options_.reader.connstring;
}

SupervisedCardReader::~SupervisedCardReader() {
    stop();
    if (wakeFd_ >= 0) {
        ::close(wakeFd_);
    }
}

std::vector<std::string> SupervisedCardReader::workerArguments(const SupervisorOptions& supervisor) {
    const ReaderOptions& options = supervisor.reader;
    std::vector<std::string> argv{"--device",
                                  options.connstring,
                                  "--poll",
                                  options.pollMode == PollMode::AutoPoll ? "auto" : "select",
                                  "--poll-ms",
                                  std::to_string(options.pollPeriod.count()),
                                  "--presence-ms",
                                  std::to_string(options.presencePeriod.count()),
                                  "--backoff-ms",
                                  std::to_string(options.backoffInitial.count()),
                                  "--backoff-max-ms",
                                  std::to_string(options.backoffMax.count())};
    const CardKeyFiles& cards = supervisor.cards;
    for (const auto& [option, path] : {std::pair{"--head-office-key", &cards.headOfficeKey},
                                       std::pair{"--kiosk-key", &cards.kioskKey},
                                       std::pair{"--sun-keys", &cards.sunKeys},
                                       std::pair{"--sun-counters", &cards.sunCounters}}) {
        if (!path->empty()) {
            argv.emplace_back(option);
            argv.push_back(*path);
        }
    }
    if (!cards.acceptUidOnly) {
        argv.emplace_back("--no-uid-only");
    }
    return argv;
}

void SupervisedCardReader::start(NfcSink sink) {
    std::lock_guard lock(startMutex_);
    if (thread_.joinable() || stopping_) {
        return;
    }
    sink_ = std::move(sink);
    thread_ = std::thread([this] { run(); });
}

void SupervisedCardReader::stop() {
    std::lock_guard lock(startMutex_);
    stopping_ = true;
    {
        std::lock_guard writing(writeMutex_);
        writeAnswered_.notify_all();
    }
    const std::uint64_t one = 1;
    if (wakeFd_ >= 0 && ::write(wakeFd_, &one, sizeof one) < 0) {
        // the eventfd cannot be full with one write; nothing to do
    }
    if (thread_.joinable()) {
        thread_.join();
    }
}

void SupervisedCardReader::run() {
    try {
        Backoff backoff(options_.restartInitial, options_.restartMax);
        lastStatus_.state = ReaderState::Starting;
        post(lastStatus_);
        while (!stopping_) {
            std::vector<std::string> argv{options_.workerPath};
            for (auto& arg : workerArguments(options_)) {
                argv.push_back(std::move(arg));
            }
            auto spawned = WorkerProcess::spawn(std::move(argv));
            if (!spawned) {
                lastStatus_.state = ReaderState::Unavailable;
                lastStatus_.lastError = "cannot start the reader worker: " + spawned.error();
                post(lastStatus_);
                if (!waitForStop(backoff.next())) {
                    break;
                }
                continue;
            }
            std::unique_ptr<WorkerProcess> child = std::move(*spawned);
            WorkerProcess& worker = *child;
            workerPid_ = worker.pid();
            workerStatus_.reset();
            const auto started = Clock::now();
            publishWorker(worker.fd());
            const bool carryOn = pump(worker);
            publishWorker(-1);
            if (!carryOn) {
                worker.requestStop();
                // Let it abort its poll and say goodbye, then make sure it is gone.
                const auto giveUp = Clock::now() + options_.stopGrace;
                pollfd fd{worker.fd(), POLLIN, 0};
                while (Clock::now() < giveUp && ::poll(&fd, 1, 50) >= 0) {
                    std::uint8_t buffer[512];
                    if ((fd.revents & (POLLIN | POLLHUP | POLLERR)) != 0 && ::read(worker.fd(), buffer, sizeof buffer) <= 0) {
                        break;
                    }
                }
                worker.reap(milliseconds(100));
                workerPid_ = 0;
                break;
            }
            const int status = worker.reap(options_.stopGrace);
            workerPid_ = 0;
            child.reset();
            if (cardPresent_) {
                post(CardRemoved{});
                cardPresent_ = false;
            }
            if (Clock::now() - started >= options_.stableAfter) {
                backoff.reset();
            }
            ++restarts_;
            milliseconds delay{0};
            bool repeated = false;
            if (WIFEXITED(status) && WEXITSTATUS(status) == WorkerProcess::kConfigurationError) {
                // Restarting at once would fail the same way: keep the
                // worker's reason in view and try again now and then,
                // reporting it again only when it changes.
                delay = options_.restartMax;
                const std::string reason = workerStatus_ && !workerStatus_->lastError.empty()
                                               ? workerStatus_->lastError
                                               : "reader worker: configuration error";
                repeated = reason == configError_;
                configError_ = reason;
                lastStatus_.state = ReaderState::Unavailable;
                lastStatus_.lastError = reason + "; retry in " + std::to_string(delay.count()) + " ms";
            } else {
                configError_.clear();
                delay = backoff.next();
                lastStatus_.state = ReaderState::Reopening;
                lastStatus_.lastError = "reader worker " + WorkerProcess::describe(status) + "; restart " +
                                        std::to_string(restarts_.load()) + " in " + std::to_string(delay.count()) +
                                        " ms";
            }
            if (!repeated) {
                post(lastStatus_);
            }
            if (!waitForStop(delay)) {
                break;
            }
        }
    } catch (const std::exception& error) {
        lastStatus_.lastError = std::string("reader supervisor: ") + error.what();
    } catch (...) {
        lastStatus_.lastError = "reader supervisor: unknown exception";
    }
    if (cardPresent_) {
        post(CardRemoved{});
        cardPresent_ = false;
    }
    lastStatus_.state = ReaderState::Stopped;
    post(lastStatus_);
}

bool SupervisedCardReader::pump(WorkerProcess& worker) {
    MessageCodec codec;
    while (!stopping_) {
        pollfd fds[2] = {{worker.fd(), POLLIN, 0}, {wakeFd_, POLLIN, 0}};
        if (::poll(fds, 2, -1) < 0) {
            if (errno == EINTR) {
                continue;
            }
            return !stopping_;
        }
        if (fds[1].revents != 0) {
            return false;  // stop
        }
        if (fds[0].revents == 0) {
            continue;
        }
        std::uint8_t buffer[4096];
        const ssize_t n = ::read(worker.fd(), buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            return true;  // the worker ended (or died)
        }
        codec.feed(buffer, static_cast<std::size_t>(n));
        while (auto message = codec.next()) {
            std::visit(
                [this](auto value) {
                    using T = std::decay_t<decltype(value)>;
                    if constexpr (std::is_same_v<T, CardWritten> || std::is_same_v<T, SelfTestResult>) {
                        const std::uint32_t request = value.request;
                        answered(WireMessage(std::move(value)), request);
                    } else if constexpr (std::is_same_v<T, CardPresented> || std::is_same_v<T, CardRemoved> ||
                                         std::is_same_v<T, ReaderStatus>) {
                        forward(std::move(value));
                    }  // a command from the worker: ignored
                },
                std::move(*message));
        }
        if (codec.corrupt()) {
            lastStatus_.lastError = "reader worker sent a corrupt frame";
            return true;  // the destructor kills it
        }
    }
    return false;
}

void SupervisedCardReader::forward(NfcMessage message) {
    if (std::holds_alternative<CardPresented>(message)) {
        cardPresent_ = true;
    } else if (std::holds_alternative<CardRemoved>(message)) {
        if (!cardPresent_) {
            return;
        }
        cardPresent_ = false;
    } else {
        const auto& status = std::get<ReaderStatus>(message);
        if (status.state == ReaderState::Stopped) {
            return;  // the worker's own goodbye: the supervisor reports what happens next
        }
        workerStatus_ = status;
        if (status.state == ReaderState::Unavailable && !configError_.empty() && status.lastError == configError_) {
            return;  // the same configuration error as the last try: already shown
        }
        lastStatus_ = status;
    }
    post(std::move(message));
}

CardWritten SupervisedCardReader::writeCard(const std::string& uid, std::uint32_t serial, std::uint64_t issuedAt,
                                            milliseconds timeout) {
    std::string why;
    auto answer = exchange(
        [&](std::uint32_t request) { return WireMessage(WriteCardRecord{request, uid, serial, issuedAt}); }, timeout,
        why);
    if (answer) {
        if (auto* written = std::get_if<CardWritten>(&*answer)) {
            return std::move(*written);
        }
    }
    CardWritten failed;
    failed.uid = uid;
    failed.error = CardWriteError::ReaderUnavailable;
    failed.detail = why;
    return failed;
}

SelfTestResult SupervisedCardReader::testReader(milliseconds timeout) {
    std::string why;
    auto answer = exchange([](std::uint32_t request) { return WireMessage(SelfTestRequest{request}); }, timeout, why);
    if (answer) {
        if (auto* result = std::get_if<SelfTestResult>(&*answer)) {
            return std::move(*result);
        }
    }
    return SelfTestResult{0, false, why};
}

std::optional<WireMessage> SupervisedCardReader::exchange(const std::function<WireMessage(std::uint32_t)>& command,
                                                          milliseconds timeout, std::string& why) {
    std::lock_guard call(writeCallMutex_);
    std::unique_lock lock(writeMutex_);
    if (workerFd_ < 0 || stopping_) {
        why = "the reader worker is not running";
        return std::nullopt;
    }
    const std::uint32_t request = ++lastRequest_;
    answer_.reset();
    const auto frame = MessageCodec::encode(command(request));
    std::size_t done = 0;
    while (done < frame.size()) {
        // MSG_NOSIGNAL: a worker that just died is an error here, not SIGPIPE.
        const ssize_t n = ::send(workerFd_, frame.data() + done, frame.size() - done, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            why = "cannot reach the reader worker";
            return std::nullopt;
        }
        done += static_cast<std::size_t>(n);
    }
    const std::uint64_t generation = workerGeneration_;
    const bool inTime = writeAnswered_.wait_for(
        lock, timeout, [&] { return answer_.has_value() || workerGeneration_ != generation || stopping_; });
    if (answer_) {
        return std::exchange(answer_, std::nullopt);
    }
    why = !inTime ? "the reader did not answer within " + std::to_string(timeout.count()) + " ms"
                  : "the reader worker restarted or stopped meanwhile";
    return std::nullopt;
}

void SupervisedCardReader::publishWorker(int fd) {
    std::lock_guard lock(writeMutex_);
    workerFd_ = fd;
    ++workerGeneration_;
    writeAnswered_.notify_all();
}

void SupervisedCardReader::answered(WireMessage answer, std::uint32_t request) {
    std::lock_guard lock(writeMutex_);
    if (request == lastRequest_) {  // an answer that comes after its wait ended is dropped
        answer_ = std::move(answer);
        writeAnswered_.notify_all();
    }
}

bool SupervisedCardReader::waitForStop(milliseconds delay) {
    pollfd fd{wakeFd_, POLLIN, 0};
    const auto until = Clock::now() + delay;
    while (!stopping_) {
        const auto left = std::chrono::duration_cast<milliseconds>(until - Clock::now()).count();
        if (left <= 0) {
            return true;
        }
        ::poll(&fd, 1, static_cast<int>(left));
    }
    return false;
}

void SupervisedCardReader::post(NfcMessage message) {
    if (!sink_) {
        return;
    }
    try {
        sink_(std::move(message));
    } catch (...) {
        // the sink must not throw; the supervisor carries on
    }
}

}  // namespace nfc
