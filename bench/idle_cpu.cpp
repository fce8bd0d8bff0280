// Idle CPU of the kiosk window against the same window drawing every frame.
//
// Starts the real kiosk on Xvfb (Mesa llvmpipe), lets it settle, and reads
// the process's user+system CPU time from /proc over a window of W seconds;
// alternates idle and continuous runs R times and prints medians and their
// ratio. Usage: bench_idle_cpu [seconds=10] [rounds=3]
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "support/ChildProcess.h"
#include "support/TempDir.h"
#include "support/XvfbServer.h"

namespace {

// utime + stime of a process, in seconds.
std::optional<double> cpuSeconds(pid_t pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    std::string line;
    if (!std::getline(in, line)) {
        return std::nullopt;
    }
    // Fields after the command name (which may contain spaces) start after ')'.
    std::istringstream fields(line.substr(line.rfind(')') + 2));
    std::string field;
    std::vector<std::string> values;
    while (fields >> field) {
        values.push_back(field);
    }
    if (values.size() < 13) {
        return std::nullopt;
    }
    // values[0] is field 3 (state); utime is field 14, stime 15.
    const double ticks = static_cast<double>(sysconf(_SC_CLK_TCK));
    return (std::stod(values[11]) + std::stod(values[12])) / ticks;
}

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    const auto n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;
}

// Share of one core the kiosk uses over `seconds`, after a settle period.
std::optional<double> measure(const std::string& display, bool continuous, int seconds, const std::string& logPath) {
    const std::string database = logPath.substr(0, logPath.rfind('/')) + "/kiosk.db";
    std::vector<std::string> argv{KIOSK_BINARY, "--assets", KIOSK_SOURCE_ASSETS, "--windowed", "1280x800",
                                  "--database", database};
    if (continuous) {
        argv.push_back("--continuous");
    }
    testsupport::ChildProcess kiosk(argv, {{"DISPLAY", display}, {"SDL_VIDEODRIVER", "x11"}}, logPath);
    std::this_thread::sleep_for(std::chrono::seconds(3));  // start-up, font atlas, first frames
    const auto before = cpuSeconds(kiosk.pid());
    const auto start = std::chrono::steady_clock::now();
    std::this_thread::sleep_for(std::chrono::seconds(seconds));
    const auto after = cpuSeconds(kiosk.pid());
    const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    kiosk.terminate();
    if (!before || !after) {
        std::fprintf(stderr, "bench_idle_cpu: the kiosk exited early:\n%s\n", kiosk.stderrText().c_str());
        return std::nullopt;
    }
    return (*after - *before) / wall;
}

}  // namespace

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
            const auto share = measure(xvfb.display(), mode, seconds, dir.file("kiosk.log"));
            if (!share) {
                return 1;
            }
            (mode ? continuous : idle).push_back(*share);
            std::printf("round %d %-10s %6.2f%% of a core over %d s\n", round + 1, mode ? "continuous" : "idle",
                        *share * 100.0, seconds);
        }
    }
    const double idleMedian = median(idle);
    const double continuousMedian = median(continuous);
    std::printf("\nkiosk window CPU, 1280x800 on Xvfb + Mesa llvmpipe, median of %d x %d s\n", rounds, seconds);
    std::printf("  %-34s %8.2f%% of a core\n", "idle (event-driven, this build)", idleMedian * 100.0);
    std::printf("  %-34s %8.2f%% of a core\n", "baseline: rendering every frame", continuousMedian * 100.0);
    std::printf("  %-34s %8.1fx less CPU when idle\n", "ratio", idleMedian > 0 ? continuousMedian / idleMedian : 0.0);
    return 0;
}
