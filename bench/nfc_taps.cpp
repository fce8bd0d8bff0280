#include "nfc_taps.h"

#include <algorithm>
#include <thread>

namespace nfcbench {

void Arrivals::cardSeen(std::optional<unsigned> epoch) {
    {
        std::lock_guard lock(mutex_);
        if (!seen_ && (!epoch || *epoch == epoch_)) {
            seen_ = Clock::now();
        }
    }
    changed_.notify_all();
}

void Arrivals::cardGone() {
    {
        std::lock_guard lock(mutex_);
        gone_ = true;
    }
    changed_.notify_all();
}

std::optional<Clock::time_point> Arrivals::waitSeen(int timeoutMs) {
    std::unique_lock lock(mutex_);
    changed_.wait_for(lock, std::chrono::milliseconds(timeoutMs), [&] { return seen_.has_value(); });
    return seen_;
}

bool Arrivals::waitGone(int timeoutMs) {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, std::chrono::milliseconds(timeoutMs), [&] { return gone_; });
}

void Arrivals::reset() {
    std::lock_guard lock(mutex_);
    ++epoch_;
    seen_.reset();
    gone_ = false;
}

double percentileOf(std::vector<double> values, double p) {
    if (values.empty()) {
        return 0;
    }
    std::sort(values.begin(), values.end());
    const auto at = static_cast<std::size_t>(p / 100.0 * static_cast<double>(values.size() - 1) + 0.5);
    return values[std::min(at, values.size() - 1)];
}

Latencies runTaps(Field& field, std::size_t card, Arrivals& arrivals, int taps,
                  const std::function<void()>& afterRemove) {
    Latencies out;
    for (int i = 0; i < taps; ++i) {
        arrivals.reset();
        // Vary the phase of the tap against the poll cycle.
        std::this_thread::sleep_for(std::chrono::microseconds(1000 + (i * 7919) % 20000));
        // Taken on the simulator thread as the card enters the field.
        const auto presented = field.present(card);
        const auto seen = arrivals.waitSeen(5000);
        if (!seen) {
            ++out.missed;
        } else {
            const auto us = std::chrono::duration_cast<std::chrono::microseconds>(*seen - presented).count();
            out.ms.push_back(static_cast<double>(std::max<long long>(us, 0)) / 1000.0);
        }
        field.remove();
        if (afterRemove) {
            afterRemove();
        }
        if (!arrivals.waitGone(5000)) {
            ++out.missed;
        }
    }
    return out;
}

}  // namespace nfcbench
