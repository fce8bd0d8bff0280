#include "nfc_report.h"

#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <iterator>
#include <sstream>

namespace nfcbench {

void Series::add(const Latencies& l) {
    p50.push_back(l.percentile(50));
    p99.push_back(l.percentile(99));
    taps += static_cast<unsigned>(l.ms.size());
    missed += l.missed;
}

void printSeries(const Series& s, const Series* floor, bool perRun) {
    std::printf("  %-30s p50 %7.3f ms  p99 %7.3f ms", s.name.c_str(), s.medianP50(), s.medianP99());
    if (floor && s.hasRatio && floor->medianP50() > 0 && floor->medianP99() > 0) {
        std::printf("   ratio p50 %.2fx  p99 %.2fx", s.medianP50() / floor->medianP50(), s.medianP99() / floor->medianP99());
    }
    std::printf("  (%u taps, %u missed)\n", s.taps, s.missed);
    if (perRun && s.p50.size() > 1) {
        std::printf("  %-30s", "");
        for (std::size_t i = 0; i < s.p50.size(); ++i) {
            std::printf("%s%.3f/%.3f", i == 0 ? " runs p50/p99: " : "  ", s.p50[i], s.p99[i]);
        }
        std::printf("\n");
    }
}

double cpuSeconds(const std::string& statPath) {
    std::ifstream in(statPath);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto close = text.rfind(')');
    if (close == std::string::npos) {
        return 0;
    }
    std::istringstream fields(text.substr(close + 2));
    std::string field;
    unsigned long long utime = 0;
    unsigned long long stime = 0;
    for (int i = 3; i <= 15 && (fields >> field); ++i) {
        if (i == 14) {
            utime = std::stoull(field);
        } else if (i == 15) {
            stime = std::stoull(field);
        }
    }
    return static_cast<double>(utime + stime) / static_cast<double>(sysconf(_SC_CLK_TCK));
}

std::string loadAverage() {
    std::ifstream in("/proc/loadavg");
    std::string first;
    in >> first;
    return first.empty() ? "?" : first;
}

}  // namespace nfcbench
