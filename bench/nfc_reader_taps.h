#pragma once
// bench_nfc: the readers under test. ReaderProbe is the sink a reader posts
// to (it marks arrivals and remembers its thread, for the idle CPU figure);
// record() taps a card once on an in-process LibnfcCardReader running the
// worker's identification and keeps what it sent, the work the same-work
// floor replays.

#include <sys/types.h>

#include <atomic>
#include <cstddef>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "nfc/reader/CardReader.h"
#include "nfc/reader/ReaderOptions.h"
#include "nfc_floor.h"
#include "nfc_taps.h"

namespace nfcbench {

struct ReaderProbe {
    Arrivals arrivals;
    std::atomic<pid_t> sinkThread{0};
    std::atomic<bool> ready{false};
    std::mutex mutex;
    std::optional<nfc::CardPresented> lastCard;

    nfc::NfcSink sink();
    bool waitReady();
};

// What the worker's identification sends for a card, from one tap.
struct Recording {
    std::vector<Exchange> work;
    std::optional<nfc::CardPresented> card;
};

std::optional<Recording> record(Field& field, std::size_t card, const nfc::ReaderOptions& base);

// What the identification concluded ("Ntag21x, identity u:04A1... (detail)").
std::string outcome(const std::optional<nfc::CardPresented>& card);

}  // namespace nfcbench
