#pragma once
// The thread that carries out the flow's effects, so the UI thread never
// waits for the disk (an fsync on an SD card, an Argon2id hash) and keeps
// drawing. It owns its own SQLite connection (design brief §3: one
// connection per thread), takes effects from its mailbox in order and posts
// each answer to the UI's mailbox, which wakes the UI thread.
//
// Every effect gets an answer, so the flow never waits for ever: when the
// database cannot be opened each is answered as failed, and TestReader
// without a testReader function as "not available".

#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <thread>

#include "kiosk/Effects.h"
#include "kiosk/Messages.h"
#include "loyalty/Program.h"
#include "services/CardIssuer.h"
#include "services/LogRing.h"
#include "services/Mailbox.h"
#include "storage/KioskStore.h"
#include "storage/RecordTime.h"
#include "storage/StaffRepository.h"
#include "sync/CardLookupResult.h"

namespace services {

struct EffectWorkerOptions {
    std::string databasePath;
    loyalty::Program program;
    storage::LockoutPolicy lockout;
    std::int32_t utcOffsetSeconds = 0;
    std::string version;  // for the technician screen
    // The clock; tests pass fixed times. Default: storage::SystemClock.
    std::function<storage::RecordTime()> now;
    // Called on the worker's thread after a decision is stored (the sync
    // client's notifyNewEvents: upload without waiting for its timer).
    std::function<void()> onRecorded;
    // Head office's answer for a tapped card (SyncClient::lookupCard, within
    // its short deadline), asked only while online; null: the local copy
    // alone answers. An answer in time refreshes the local copy (member
    // profile and confirmed balance, the card and its status) before the
    // lookup reads it, so a card enrolled at another kiosk a minute ago, or
    // blocked at head office, is answered right; no answer in time (slow
    // network, head office down) leaves the local copy to answer.
    std::function<kiosksync::CardLookupResult(const std::string& token)> onlineLookup;
    // Writes this kiosk's signed record onto a blank NTAG21x before it is
    // enrolled or becomes a replacement card (CardIssuer; main binds
    // SupervisedCardReader::writeCard). Null: such cards are linked by UID.
    WriteCard writeCard;
    // The technician's "test reader" (main asks the reader); null: not available.
    std::function<kiosk::ReaderTested(kiosk::RequestId)> testReader;
    // Technical log lines for the technician screen (may be null).
    LogRing* log = nullptr;
};

class EffectWorker {
public:
    // answers: the UI's mailbox (it outlives the worker).
    EffectWorker(EffectWorkerOptions options, Mailbox<kiosk::Message>& answers);
    ~EffectWorker();  // stop()
    EffectWorker(const EffectWorker&) = delete;
    EffectWorker& operator=(const EffectWorker&) = delete;

    // Opens the database on the worker's thread and starts taking effects.
    // An open failure is reported once on standard error, and every effect
    // is then answered as failed (LookupFailed, DecisionFailed ...).
    void start();
    // Finishes the effect in progress, drops the rest, joins. Idempotent.
    void stop();

    // Any thread. Returns false after stop().
    bool post(kiosk::Effect effect) { return effects_.post(std::move(effect)); }

    // Whether head office answers (from the sync thread's status); decides
    // the offline limits of redemptions.
    void setOnline(bool online) { online_ = online; }

private:
    void run();

    EffectWorkerOptions options_;
    Mailbox<kiosk::Message>& answers_;
    Mailbox<kiosk::Effect> effects_;
    std::atomic<bool> online_{false};
    std::atomic<bool> stopping_{false};
    std::thread thread_;
};

}  // namespace services
