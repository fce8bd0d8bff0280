#pragma once
// The libnfc card reader on a thread of its own (design brief §3). The
// thread owns the libnfc context and device; it
//   1. takes an flock on the device path and opens the connstring
//      (nfc_open, nfc_initiator_init, infinite select off);
//   2. waits for a card: InAutoPoll bounded by the chip (default) or a
//      select every pollPeriod; never an unbounded wait, never a busy loop;
//   3. on a card, reads it through a LibnfcTransport with the configured
//      CardIdentify and posts one CardPresented, then sleeps; then checks
//      presence every presencePeriod (libnfc's check, confirmed by a re-select
//      by UID, so a card that fell back to IDLE is not taken for gone; the
//      first check of a card found by InAutoPoll is that select, which makes
//      it libnfc's target) and posts CardRemoved when it has left; it never
//      deselects (that halts the card);
//   4. on a reader failure (EIO, timeout, garbage, abort by the watchdog)
//      closes, posts Reopening and reopens with exponential backoff.
// runOnCard() hands the thread a task for the card in the field (writing a
// card at enrolment); the thread runs it between two presence checks.
// stop() sets a flag, wakes the thread's waits and aborts a command in
// progress with nfc_abort_command from the stopping thread, then joins.
// Nothing throws out of the thread.

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "nfc/reader/AbortWatchdog.h"
#include "nfc/reader/CardReader.h"
#include "nfc/reader/DeviceLock.h"
#include "nfc/reader/LibnfcDevice.h"
#include "nfc/reader/ReaderOptions.h"

namespace nfc {

class LibnfcCardReader : public CardReader {
public:
    explicit LibnfcCardReader(ReaderOptions options);
    ~LibnfcCardReader() override;
    LibnfcCardReader(const LibnfcCardReader&) = delete;
    LibnfcCardReader& operator=(const LibnfcCardReader&) = delete;

    void start(NfcSink sink) override;
    void stop() override;

    // A task for the card in the field. Called exactly once: on the reader's
    // thread with the card (selected again by its UID just before) when the
    // card with uidHex is in the field, or with nulls when it is not, leaves
    // first, the reader fails or stops (then possibly on the caller's thread,
    // before runOnCard returns). One task at a time: a second while one waits
    // is answered with nulls. The task must be bounded (it runs under the
    // card-read watchdog bound).
    using CardTask = std::function<void(const TargetInfo* target, CardTransport* transport)>;
    void runOnCard(const std::string& uidHex, CardTask task);

    // The technician's live test: between two polls or presence checks the
    // reader thread sends the chip a command it answers at once (a select, or
    // the presence check of the card in the field) and calls done with how
    // long that took. Called exactly once: with false and why when the
    // reader is not open, fails or stops, or a test is already waiting.
    using SelfTestDone = std::function<void(bool ok, const std::string& detail)>;
    void selfTest(SelfTestDone done);

    // Commands the watchdog had to abort (the chip went silent mid-poll).
    unsigned watchdogAborts() const { return watchdog_.fired(); }

private:
    class CommandScope;

    void run();
    void session(LibnfcDevice& device);
    std::optional<std::string> open(LibnfcDevice& device);
    void closeDevice(LibnfcDevice& device);
    // Until the reader fails (its error) or stop (nullopt).
    std::optional<std::string> serve(LibnfcDevice& device);
    DeviceResult<std::optional<TargetInfo>> waitForCard(LibnfcDevice& device);
    // nullopt when the card has left (or on stop); the error when the reader failed.
    // selected: the card is libnfc's current target (a select found it); a card
    // found by InAutoPoll is not, and its first check is a select by UID.
    std::optional<std::string> watchPresence(LibnfcDevice& device, const TargetInfo& target, bool selected);
    CardPresented identify(LibnfcDevice& device, const TargetInfo& target, std::optional<DeviceError>& failure);

    bool stopping() const;
    // Sleeps on the condition variable; false when stop was asked. With
    // forTask, a task handed over by runOnCard ends the sleep too.
    bool pause(std::chrono::milliseconds delay, bool forTask = false);
    // The present card's task, if one was handed over; endCard answers a
    // waiting one with nulls and forgets the present card.
    CardTask takeCardTask();
    void endCard();
    // Runs a waiting self test against the device (card: the one in the
    // field, if any); the device's error when the reader failed.
    std::optional<std::string> runSelfTest(LibnfcDevice& device, const TargetInfo* card);
    // Answers a waiting self test with why it could not run.
    void failSelfTest(const std::string& why);
    void setOpen(bool open);
    // Runs a task on the present card; the device's error when the reader failed.
    std::optional<std::string> runCardTask(LibnfcDevice& device, const TargetInfo& target, const CardTask& task,
                                           bool& gone);
    void abortFromOtherThread();
    void post(NfcMessage message);
    void postStatus(ReaderState state, const std::string& error);

    ReaderOptions options_;
    NfcSink sink_;

    mutable std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    bool exited_ = false;
    LibnfcDevice* device_ = nullptr;  // published for abort(); owned by the thread
    std::atomic<bool> inCommand_{false};
    std::string presentUid_;  // the card between its CardPresented and CardRemoved
    CardTask cardTask_;
    SelfTestDone selfTest_;
    bool open_ = false;          // the device is open and the thread polls it
    std::string lastErrorSeen_;  // lastError_ as other threads may read it

    // Touched by the reader's thread only.
    DeviceLock lock_;
    std::string firmware_;
    std::string lastError_;
    std::optional<ReaderStatus> posted_;
    bool cardPresent_ = false;

    AbortWatchdog watchdog_;
    std::thread thread_;
};

}  // namespace nfc
