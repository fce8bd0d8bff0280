#include "kiosk_cpu.h"

#include <chrono>
#include <cstdio>
#include <thread>
#include <vector>

#include "kiosk_process.h"
#include "support/ChildProcess.h"

namespace kioskbench {

std::optional<double> kioskCpuShare(const std::string& display, const std::string& dir, bool continuous, int seconds) {
    std::vector<std::string> argv{KIOSK_BINARY, "--assets", KIOSK_SOURCE_ASSETS, "--windowed", "1280x800",
                                  "--database", dir + "/cpu.db"};
    if (continuous) {
        argv.push_back("--continuous");
    }
    testsupport::ChildProcess kiosk(argv, {{"DISPLAY", display}, {"SDL_VIDEODRIVER", "x11"}, {"KIOSK_HEAD_OFFICE", ""}},
                                    dir + "/cpu-kiosk.log");
    std::this_thread::sleep_for(std::chrono::seconds(3));  // start-up, font atlas, first frames
    const auto before = cpuSeconds(kiosk.pid());
    const auto start = std::chrono::steady_clock::now();
    std::this_thread::sleep_for(std::chrono::seconds(seconds));
    const auto after = cpuSeconds(kiosk.pid());
    const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    kiosk.terminate();
    if (!before || !after) {
        std::fprintf(stderr, "the kiosk exited early:\n%s\n", kiosk.stderrText().c_str());
        return std::nullopt;
    }
    return (*after - *before) / wall;
}

}  // namespace kioskbench
