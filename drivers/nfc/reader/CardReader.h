#pragma once
// The kiosk's view of a card reader (design brief §3): started with a sink,
// it posts CardPresented once per tap, CardRemoved when that card leaves and
// ReaderStatus when its state or last error changes, all from a thread of
// its own. stop() returns within a bounded time and the sink is never called
// after it returns. Implementations: LibnfcCardReader (libnfc on a thread of
// this process) and SupervisedCardReader (the same in a supervised child
// process, so a libnfc abort() cannot take the kiosk down).

#include <functional>

#include "nfc/CardMessages.h"

namespace nfc {

// Called on the reader's thread; must not block for long and must not throw.
using NfcSink = std::function<void(NfcMessage)>;

class CardReader {
public:
    virtual ~CardReader() = default;
    // Starts the reader's thread. Call once.
    virtual void start(NfcSink sink) = 0;
    // Stops it (idempotent): aborts a command in progress, joins the thread.
    virtual void stop() = 0;
};

}  // namespace nfc
