#pragma once
// A sink for nfc::NfcMessage that records everything a reader posts, with
// the time it arrived, and lets a test wait for a message it expects.

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "nfc/reader/CardReader.h"

namespace nfctest {

class MessageLog {
public:
    using Clock = std::chrono::steady_clock;
    struct Entry {
        nfc::NfcMessage message;
        Clock::time_point at;
    };

    nfc::NfcSink sink();

    // Waits until a message at index >= from matches; its index, or nullopt on timeout.
    std::optional<std::size_t> waitFor(const std::function<bool(const nfc::NfcMessage&)>& match, int timeoutMs,
                                       std::size_t from = 0);
    std::optional<std::size_t> waitForCard(int timeoutMs, std::size_t from = 0);
    std::optional<std::size_t> waitForRemoval(int timeoutMs, std::size_t from = 0);
    std::optional<std::size_t> waitForState(nfc::ReaderState state, int timeoutMs, std::size_t from = 0);

    std::size_t size() const;
    Entry at(std::size_t index) const;
    std::size_t count(const std::function<bool(const nfc::NfcMessage&)>& match, std::size_t from = 0) const;
    std::size_t cards(std::size_t from = 0) const;
    std::size_t removals(std::size_t from = 0) const;
    // Every ReaderStatus from index on, one line each ("Ready|PN532 v1.6|error").
    std::string statuses(std::size_t from = 0) const;

private:
    mutable std::mutex mutex_;
    std::condition_variable arrived_;
    std::vector<Entry> entries_;
};

bool isCard(const nfc::NfcMessage& message);
bool isRemoval(const nfc::NfcMessage& message);
const char* stateName(nfc::ReaderState state);

}  // namespace nfctest
