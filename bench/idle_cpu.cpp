// Idle CPU of the kiosk window against the same window drawing every frame.
//
// Starts the real kiosk on Xvfb (Mesa llvmpipe), lets it settle, and reads
// the process's user+system CPU time from /proc over a window of W seconds;
// alternates idle and continuous runs R times and prints medians and their
// ratio. bench_kiosk prints the same figure over 30 s with its other kiosk
// figures; this one is the quick check. Usage: bench_idle_cpu [seconds=10] [rounds=3]
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "kiosk_cpu.h"
#include "kiosk_process.h"
#include "support/TempDir.h"
#include "support/XvfbServer.h"

int main(int argc, char** argv) {
    const int seconds = argc > 1 ? std::max(1, std::atoi(argv[1])) : 10;
    const int rounds = argc > 2 ? std::max(1, std::atoi(argv[2])) : 3;
    testsupport::XvfbServer xvfb(1280, 800);
    if (!xvfb.running()) {
        std::fprintf(stderr, "bench_idle_cpu: %s\n", xvfb.error().c_str());
        return 1;
    }
    testsupport::TempDir dir("kiosk-bench");
    std::vector<double> idle;
    std::vector<double> continuous;
    for (int round = 0; round < rounds; ++round) {
        for (bool mode : {false, true}) {
            const auto share = kioskbench::kioskCpuShare(xvfb.display(), dir.path(), mode, seconds);
            if (!share) {
                return 1;
            }
            (mode ? continuous : idle).push_back(*share);
            std::printf("round %d %-10s %6.2f%% of a core over %d s\n", round + 1, mode ? "continuous" : "idle",
                        *share * 100.0, seconds);
        }
    }
    const double idleMedian = kioskbench::median(idle);
    const double continuousMedian = kioskbench::median(continuous);
    std::printf("\nkiosk window CPU, 1280x800 on Xvfb + Mesa llvmpipe, median of %d x %d s\n", rounds, seconds);
    std::printf("  %-34s %8.2f%% of a core\n", "idle (event-driven, this build)", idleMedian * 100.0);
    std::printf("  %-34s %8.2f%% of a core\n", "baseline: rendering every frame", continuousMedian * 100.0);
    std::printf("  %-34s %8.1fx less CPU when idle\n", "ratio", idleMedian > 0 ? continuousMedian / idleMedian : 0.0);
    return 0;
}
