#include "drivers/nfc/reader/MessageLog.h"

namespace nfctest {

bool isCard(const nfc::NfcMessage& message) {
    return std::holds_alternative<nfc::CardPresented>(message);
}

bool isRemoval(const nfc::NfcMessage& message) {
    return std::holds_alternative<nfc::CardRemoved>(message);
}

const char* stateName(nfc::ReaderState state) {
    switch (state) {
        case nfc::ReaderState::Starting: return "Starting";
        case nfc::ReaderState::Ready: return "Ready";
        case nfc::ReaderState::Reopening: return "Reopening";
        case nfc::ReaderState::Unavailable: return "Unavailable";
        case nfc::ReaderState::Stopped: return "Stopped";
    }
    return "?";
}

nfc::NfcSink MessageLog::sink() {
    return [this](nfc::NfcMessage message) {
        {
            std::lock_guard lock(mutex_);
            entries_.push_back({std::move(message), Clock::now()});
        }
        arrived_.notify_all();
    };
}

std::optional<std::size_t> MessageLog::waitFor(const std::function<bool(const nfc::NfcMessage&)>& match,
                                               int timeoutMs, std::size_t from) {
    std::unique_lock lock(mutex_);
    std::optional<std::size_t> found;
    arrived_.wait_for(lock, std::chrono::milliseconds(timeoutMs), [&] {
        for (std::size_t i = from; i < entries_.size(); ++i) {
            if (match(entries_[i].message)) {
                found = i;
                return true;
            }
        }
        return false;
    });
    return found;
}

std::optional<std::size_t> MessageLog::waitForCard(int timeoutMs, std::size_t from) {
    return waitFor(isCard, timeoutMs, from);
}

std::optional<std::size_t> MessageLog::waitForRemoval(int timeoutMs, std::size_t from) {
    return waitFor(isRemoval, timeoutMs, from);
}

std::optional<std::size_t> MessageLog::waitForState(nfc::ReaderState state, int timeoutMs, std::size_t from) {
    return waitFor(
        [state](const nfc::NfcMessage& message) {
            const auto* status = std::get_if<nfc::ReaderStatus>(&message);
            return status != nullptr && status->state == state;
        },
        timeoutMs, from);
}

std::size_t MessageLog::size() const {
    std::lock_guard lock(mutex_);
    return entries_.size();
}

MessageLog::Entry MessageLog::at(std::size_t index) const {
    std::lock_guard lock(mutex_);
    return entries_.at(index);
}

std::size_t MessageLog::count(const std::function<bool(const nfc::NfcMessage&)>& match, std::size_t from) const {
    std::lock_guard lock(mutex_);
    std::size_t n = 0;
    for (std::size_t i = from; i < entries_.size(); ++i) {
        n += match(entries_[i].message) ? 1 : 0;
    }
    return n;
}

std::size_t MessageLog::cards(std::size_t from) const {
    return count(isCard, from);
}

std::size_t MessageLog::removals(std::size_t from) const {
    return count(isRemoval, from);
}

std::string MessageLog::statuses(std::size_t from) const {
    std::lock_guard lock(mutex_);
    std::string text;
    for (std::size_t i = from; i < entries_.size(); ++i) {
        if (const auto* status = std::get_if<nfc::ReaderStatus>(&entries_[i].message)) {
            text += std::string(stateName(status->state)) + "|" + status->firmware + "|" + status->lastError + "\n";
        } else if (isCard(entries_[i].message)) {
            text += "card\n";
        } else {
            text += "removed\n";
        }
    }
    return text;
}

}  // namespace nfctest
