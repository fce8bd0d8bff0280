#pragma once
// bench_nfc: what a tap is and how its latency is taken. A Field is the
// simulator the cards are presented to; Arrivals is where the thing under
// test (a floor loop or a reader's sink) says it saw the card; runTaps
// presents, times and removes a card N times.

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace nfcbench {

using Clock = std::chrono::steady_clock;

// The moments the thing under test saw a card arrive and leave. Each tap is
// an epoch: an arrival reported for an older epoch (a loop that read the
// previous card just before it left) is ignored.
class Arrivals {
public:
    unsigned epoch() const { return epoch_; }
    void cardSeen(std::optional<unsigned> epoch = std::nullopt);
    void cardGone();
    std::optional<Clock::time_point> waitSeen(int timeoutMs);
    bool waitGone(int timeoutMs);
    void reset();

private:
    std::mutex mutex_;
    std::condition_variable changed_;
    std::atomic<unsigned> epoch_{0};
    std::optional<Clock::time_point> seen_;
    bool gone_ = false;
};

double percentileOf(std::vector<double> values, double p);

struct Latencies {
    std::vector<double> ms;
    unsigned missed = 0;
    double percentile(double p) const { return percentileOf(ms, p); }
};

// The simulator the cards are presented to, by index into the bench's cards
// (nfc_field.h).
class Field {
public:
    virtual ~Field() = default;
    virtual std::string connstring() const = 0;
    // The moment the card entered the field (steady_clock is CLOCK_MONOTONIC:
    // one clock for every process of the machine).
    virtual Clock::time_point present(std::size_t card) = 0;
    virtual void remove() = 0;
};

// One tap: present, time to arrival, remove, wait until the card is gone.
Latencies runTaps(Field& field, std::size_t card, Arrivals& arrivals, int taps,
                  const std::function<void()>& afterRemove = {});

}  // namespace nfcbench
