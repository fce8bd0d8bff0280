#include "nfc/reader/LibnfcCardReader.h"

#include <exception>
#include <utility>

#include "nfc/reader/Backoff.h"
#include "nfc/reader/LibnfcTransport.h"

namespace nfc {

using std::chrono::milliseconds;
using Clock = std::chrono::steady_clock;

namespace {

// Bound of a command that has libnfc timeouts of its own (select, presence
// check, exchanges): the watchdog is only a second line there.
constexpr milliseconds kCommandBound{3000};
// A card read is several exchanges.
constexpr milliseconds kIdentifyBound{10000};
// How long stop() keeps aborting before it joins regardless (nfc_open on a
// dead port can take ~1.4 s and cannot be aborted).
constexpr milliseconds kStopPatience{5000};

}  // namespace

// Marks a libnfc call in progress: stop() aborts only then, and the
// watchdog aborts it when it overruns bound + slack.
class LibnfcCardReader::CommandScope {
public:
    CommandScope(LibnfcCardReader& reader, milliseconds bound) : reader_(reader) {
        reader_.watchdog_.arm(Clock::now() + bound + reader_.options_.watchdogSlack);
        reader_.inCommand_ = true;
    }
    ~CommandScope() {
        reader_.inCommand_ = false;
        reader_.watchdog_.disarm();
    }
    CommandScope(const CommandScope&) = delete;
    CommandScope& operator=(const CommandScope&) = delete;

private:
    LibnfcCardReader& reader_;
};

LibnfcCardReader::LibnfcCardReader(ReaderOptions options)
    : options_(std::move(options)), watchdog_([this] { abortFromOtherThread(); }) {}

LibnfcCardReader::~LibnfcCardReader() {
    stop();
}

void LibnfcCardReader::start(NfcSink sink) {
    std::lock_guard lock(mutex_);
    if (thread_.joinable() || stopping_) {
        return;
    }
    sink_ = std::move(sink);
    thread_ = std::thread([this] { run(); });
}

void LibnfcCardReader::stop() {
    std::unique_lock lock(mutex_);
    if (!thread_.joinable()) {
        stopping_ = true;
        return;
    }
    stopping_ = true;
    wake_.notify_all();
    // The abort only reaches a command that is waiting for the chip; one that
    // starts just after it would be missed, so repeat until the thread is out.
    const auto giveUp = Clock::now() + kStopPatience;
    while (!exited_ && Clock::now() < giveUp) {
        if (device_ != nullptr && inCommand_) {
            device_->abort();
        }
        wake_.wait_for(lock, milliseconds(20), [this] { return exited_; });
    }
    lock.unlock();
    thread_.join();
}

void LibnfcCardReader::run() {
    std::string failure;
    try {
        LibnfcDevice device;
        // device_ is what stop() and the watchdog abort; it must not outlive device.
        struct Published {
            LibnfcCardReader& reader;
            ~Published() {
                std::lock_guard lock(reader.mutex_);
                reader.device_ = nullptr;
            }
        } published{*this};
        {
            std::lock_guard lock(mutex_);
            device_ = &device;
        }
        session(device);
    } catch (const std::exception& error) {
        failure = std::string("reader thread: ") + error.what();
    } catch (...) {
        failure = "reader thread: unknown exception";
    }
    lock_.release();
    endCard();
    failSelfTest("the reader stopped");
    if (cardPresent_) {
        post(CardRemoved{});
        cardPresent_ = false;
    }
    postStatus(ReaderState::Stopped, failure.empty() ? lastError_ : failure);
    std::lock_guard lock(mutex_);
    exited_ = true;
    wake_.notify_all();
}

void LibnfcCardReader::session(LibnfcDevice& device) {
    postStatus(ReaderState::Starting, "");
    Backoff backoff(options_.backoffInitial, options_.backoffMax);
    while (!stopping()) {
        if (const auto error = open(device)) {
            postStatus(ReaderState::Unavailable, *error);
            if (!pause(backoff.next())) {
                break;
            }
            continue;
        }
        backoff.reset();
        postStatus(ReaderState::Ready, lastError_);
        setOpen(true);
        const auto failure = serve(device);
        setOpen(false);
        failSelfTest(failure ? "the reader failed: " + *failure : "the reader stopped");
        closeDevice(device);
        lock_.release();
        if (cardPresent_) {
            post(CardRemoved{});
            cardPresent_ = false;
        }
        if (!failure || stopping()) {
            break;
        }
        postStatus(ReaderState::Reopening, *failure);
        if (!pause(backoff.next())) {
            break;
        }
    }
    closeDevice(device);
}

void LibnfcCardReader::closeDevice(LibnfcDevice& device) {
    // nfc_close sends InRelease/RF off/PowerDown; on a silent chip each waits
    // for libnfc's own timeout (abort cannot reach them: close frees the device).
    device.close();
    lock_.release();
}

std::optional<std::string> LibnfcCardReader::open(LibnfcDevice& device) {
    const std::string path = DeviceLock::pathOf(options_.connstring);
    if (!path.empty()) {
        auto lock = DeviceLock::acquire(path);
        if (!lock) {
            return lock.error();
        }
        lock_ = std::move(*lock);
    }
    auto firmware = device.open(options_.connstring);
    if (!firmware) {
        lock_.release();
        return firmware.error().message;
    }
    firmware_ = *firmware;
    return std::nullopt;
}

std::optional<std::string> LibnfcCardReader::serve(LibnfcDevice& device) {
    while (!stopping()) {
        if (auto error = runSelfTest(device, nullptr)) {
            return error;
        }
        auto found = waitForCard(device);
        if (!found) {
            if (stopping()) {
                return std::nullopt;
            }
            return found.error().message;
        }
        if (!*found) {
            if (options_.pollMode == PollMode::SelectAndSleep && !pause(options_.pollPeriod, true)) {
                return std::nullopt;
            }
            continue;
        }
        const TargetInfo target = **found;
        std::optional<DeviceError> failure;
        CardPresented card = identify(device, target, failure);
        if (stopping()) {
            return std::nullopt;
        }
        if (failure) {
            return failure->message;  // the reader failed mid-read: reopen, the card will be read again
        }
        {
            std::lock_guard lock(mutex_);
            presentUid_ = card.uid;
        }
        post(std::move(card));
        cardPresent_ = true;
        // Straight to sleep: the thread the post woke (the worker's supervisor)
        // gets the CPU now; a polled card is made libnfc's target a presence
        // period later (watchPresence), not while the tap is being delivered.
        const auto watched = watchPresence(device, target, options_.pollMode == PollMode::SelectAndSleep);
        endCard();
        if (watched) {
            return watched;
        }
        if (stopping()) {
            return std::nullopt;
        }
        post(CardRemoved{});
        cardPresent_ = false;
    }
    return std::nullopt;
}

DeviceResult<std::optional<TargetInfo>> LibnfcCardReader::waitForCard(LibnfcDevice& device) {
    if (options_.pollMode == PollMode::AutoPoll) {
        const milliseconds bound(150 * options_.autoPollNr * 2 * options_.autoPollPeriod);
        CommandScope scope(*this, bound);
        return device.poll(options_.autoPollNr, options_.autoPollPeriod);
    }
    CommandScope scope(*this, kCommandBound);
    return device.select();
}

std::optional<std::string> LibnfcCardReader::watchPresence(LibnfcDevice& device, const TargetInfo& target,
                                                           bool selected) {
    while (pause(options_.presencePeriod, true)) {
        if (auto error = runSelfTest(device, selected ? &target : nullptr)) {
            return error;
        }
        if (CardTask task = takeCardTask()) {
            bool gone = false;
            if (auto error = runCardTask(device, target, task, gone)) {
                return error;
            }
            if (gone) {
                return std::nullopt;
            }
            selected = true;
            continue;
        }
        if (!selected) {
            // The first check of a polled card: a select by its UID, which makes
            // it libnfc's current target (its presence check needs one).
            DeviceResult<bool> adopted = false;
            {
                CommandScope scope(*this, kCommandBound);
                adopted = device.adopt(target);
            }
            if (!adopted) {
                return stopping() ? std::nullopt : std::optional(adopted.error().message);
            }
            if (!*adopted) {
                return std::nullopt;  // gone
            }
            selected = true;
            continue;
        }
        DeviceResult<bool> present = false;
        {
            CommandScope scope(*this, kCommandBound);
            present = device.isPresent();
        }
        if (!present) {
            return stopping() ? std::nullopt : std::optional(present.error().message);
        }
        if (*present) {
            continue;
        }
        // Debounce: a card that answered badly once (an NTAG falls back to
        // IDLE after a NAK) is still in the field; a select by its UID wakes it.
        DeviceResult<std::optional<TargetInfo>> again = std::optional<TargetInfo>{};
        {
            CommandScope scope(*this, kCommandBound);
            again = device.select(&target.uid);
        }
        if (!again) {
            return stopping() ? std::nullopt : std::optional(again.error().message);
        }
        if (!*again) {
            return std::nullopt;  // gone
        }
    }
    return std::nullopt;
}

CardPresented LibnfcCardReader::identify(LibnfcDevice& device, const TargetInfo& target,
                                         std::optional<DeviceError>& failure) {
    LibnfcTransport transport(device);
    CardPresented card;
    try {
        CommandScope scope(*this, kIdentifyBound);
        card = options_.identify(target, transport);
    } catch (const std::exception& error) {
        card = CardPresented{};
        card.uid = toHexUpper(target.uid);
        card.kind = kindFromAnticollision(target);
        card.refusal = CardRefusal::Unreadable;
        card.detail = std::string("card identification failed: ") + error.what();
    } catch (...) {
        card = CardPresented{};
        card.uid = toHexUpper(target.uid);
        card.refusal = CardRefusal::Unreadable;
        card.detail = "card identification failed";
    }
    failure = transport.deviceFailure();
    return card;
}

bool LibnfcCardReader::stopping() const {
    std::lock_guard lock(mutex_);
    return stopping_;
}

bool LibnfcCardReader::pause(milliseconds delay, bool forTask) {
    std::unique_lock lock(mutex_);
    wake_.wait_for(lock, delay, [this, forTask] { return stopping_ || (forTask && (cardTask_ || selfTest_)); });
    return !stopping_;
}

void LibnfcCardReader::runOnCard(const std::string& uidHex, CardTask task) {
    if (!task) {
        return;
    }
    {
        std::lock_guard lock(mutex_);
        if (!stopping_ && !exited_ && !cardTask_ && !uidHex.empty() && presentUid_ == uidHex) {
            cardTask_ = std::move(task);
            wake_.notify_all();
            return;
        }
    }
    task(nullptr, nullptr);
}

void LibnfcCardReader::selfTest(SelfTestDone done) {
    if (!done) {
        return;
    }
    std::string why;
    {
        std::lock_guard lock(mutex_);
        if (stopping_ || exited_) {
            why = "the reader is stopping";
        } else if (!open_) {
            why = "the reader is not open" + (lastErrorSeen_.empty() ? std::string() : ": " + lastErrorSeen_);
        } else if (selfTest_) {
            why = "a reader test is already running";
        } else {
            selfTest_ = std::move(done);
            wake_.notify_all();
            return;
        }
    }
    done(false, why);
}

void LibnfcCardReader::setOpen(bool open) {
    std::lock_guard lock(mutex_);
    open_ = open;
    lastErrorSeen_ = lastError_;
}

void LibnfcCardReader::failSelfTest(const std::string& why) {
    SelfTestDone done;
    {
        std::lock_guard lock(mutex_);
        done = std::exchange(selfTest_, nullptr);
        lastErrorSeen_ = lastError_;
    }
    if (done) {
        done(false, why);
    }
}

std::optional<std::string> LibnfcCardReader::runSelfTest(LibnfcDevice& device, const TargetInfo* card) {
    SelfTestDone done;
    {
        std::lock_guard lock(mutex_);
        done = std::exchange(selfTest_, nullptr);
    }
    if (!done) {
        return std::nullopt;
    }
    const auto started = Clock::now();
    std::optional<std::string> failure;
    bool cardThere = false;
    {
        CommandScope scope(*this, kCommandBound);
        if (card != nullptr) {
            auto present = device.isPresent();
            if (present) {
                cardThere = *present;
            } else {
                failure = present.error().message;
            }
        } else {
            auto found = device.select();
            if (found) {
                cardThere = found->has_value();
            } else {
                failure = found.error().message;
            }
        }
    }
    const auto tookMs = std::chrono::duration_cast<milliseconds>(Clock::now() - started).count();
    if (failure) {
        done(false, (firmware_.empty() ? std::string("the reader") : firmware_) + " did not answer: " + *failure);
        return stopping() ? std::nullopt : failure;
    }
    done(true, (firmware_.empty() ? std::string("the reader") : firmware_) + " answered in " + std::to_string(tookMs) +
                   " ms; " + (cardThere ? "a card is on the reader" : "no card on the reader"));
    return std::nullopt;
}

LibnfcCardReader::CardTask LibnfcCardReader::takeCardTask() {
    std::lock_guard lock(mutex_);
    return std::exchange(cardTask_, nullptr);
}

void LibnfcCardReader::endCard() {
    CardTask task;
    {
        std::lock_guard lock(mutex_);
        presentUid_.clear();
        task = std::exchange(cardTask_, nullptr);
    }
    if (task) {
        task(nullptr, nullptr);
    }
}

std::optional<std::string> LibnfcCardReader::runCardTask(LibnfcDevice& device, const TargetInfo& target,
                                                         const CardTask& task, bool& gone) {
    // Wake and select the card by its UID: after presence checks it may be
    // idle or not libnfc's current target.
    DeviceResult<std::optional<TargetInfo>> again = std::optional<TargetInfo>{};
    {
        CommandScope scope(*this, kCommandBound);
        again = device.select(&target.uid);
    }
    if (!again || !*again) {
        task(nullptr, nullptr);
        gone = again.hasValue();
        return again.hasValue() || stopping() ? std::nullopt : std::optional(again.error().message);
    }
    LibnfcTransport transport(device);
    try {
        CommandScope scope(*this, kIdentifyBound);
        task(&**again, &transport);
    } catch (...) {
        // the task must not throw; the reader carries on
    }
    if (const auto failure = transport.deviceFailure()) {
        return failure->message;
    }
    return std::nullopt;
}

void LibnfcCardReader::abortFromOtherThread() {
    std::lock_guard lock(mutex_);
    if (device_ != nullptr && inCommand_) {
        device_->abort();
    }
}

void LibnfcCardReader::post(NfcMessage message) {
    if (!sink_) {
        return;
    }
    try {
        sink_(std::move(message));
    } catch (...) {
        // the sink must not throw; if it does, the reader carries on
    }
}

void LibnfcCardReader::postStatus(ReaderState state, const std::string& error) {
    if (!error.empty()) {
        lastError_ = error;
    }
    ReaderStatus status;
    status.state = state;
    status.firmware = firmware_;
    status.lastError = lastError_;
    status.connstring = options_.connstring;
    if (posted_ && posted_->state == status.state && posted_->lastError == status.lastError &&
        posted_->firmware == status.firmware) {
        return;
    }
    posted_ = status;
    post(std::move(status));
}

}  // namespace nfc
