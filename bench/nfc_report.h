#pragma once
// bench_nfc: the figures of one line over the runs, how they are printed,
// and what the machine was doing meanwhile (load, CPU time from /proc).

#include <string>
#include <vector>

#include "nfc_taps.h"

namespace nfcbench {

struct Series {
    std::string name;
    bool hasRatio = false;
    std::vector<double> p50;
    std::vector<double> p99;
    unsigned taps = 0;
    unsigned missed = 0;

    void add(const Latencies& l);
    double medianP50() const { return percentileOf(p50, 50); }
    double medianP99() const { return percentileOf(p99, 50); }
};

// "  name  p50 .. ms  p99 .. ms  [ratio to floor]  (taps, missed)" and, with
// perRun, each run's p50/p99.
void printSeries(const Series& s, const Series* floor, bool perRun);

// CPU seconds (user + system) of a /proc/.../stat file.
double cpuSeconds(const std::string& statPath);

// The 1-minute load average: the figures depend on what else the machine runs.
std::string loadAverage();

}  // namespace nfcbench
