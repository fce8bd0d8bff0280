#pragma once
// How a LibnfcCardReader polls, checks presence and backs off. The defaults
// are what the kiosk runs; docs/reader.md explains each figure.

#include <chrono>
#include <cstdint>
#include <string>

#include "nfc/reader/CardIdentify.h"

namespace nfc {

enum class PollMode {
    // InAutoPoll (nfc_initiator_poll_target) with a bounded PollNr/Period:
    // the chip waits for a card and answers the moment one arrives; the host
    // thread sleeps in select() on the UART. A watchdog aborts it if the chip
    // does not answer within the bound.
    AutoPoll,
    // One InListPassiveTarget (infinite select off: the chip answers at
    // once), then a sleep of pollPeriod on a condition variable.
    SelectAndSleep,
};

struct ReaderOptions {
    std::string connstring = "pn532_uart:/dev/serial0";
    PollMode pollMode = PollMode::AutoPoll;
    // AutoPoll: PollNr x 2 types (ISO-DEP and MIFARE) x period x 150 ms = 300 ms per poll.
    std::uint8_t autoPollNr = 1;
    std::uint8_t autoPollPeriod = 1;
    // SelectAndSleep: pause between two selects.
    std::chrono::milliseconds pollPeriod{100};
    // A presented card is checked this often until it leaves.
    std::chrono::milliseconds presencePeriod{150};
    // Reopen after a failure: initial, doubled each time, capped.
    std::chrono::milliseconds backoffInitial{100};
    std::chrono::milliseconds backoffMax{5000};
    // A libnfc command that has not returned this long after its own bound
    // (chip silent during InAutoPoll, which has no host timeout) is aborted.
    std::chrono::milliseconds watchdogSlack{1000};
    // Reads the card and builds the CardPresented (see CardIdentify.h).
    CardIdentify identify = defaultCardIdentify();
};

}  // namespace nfc
