#pragma once
// CPU of the real kiosk window on Xvfb (Mesa llvmpipe), from /proc/PID/stat:
// the share of one core it uses over a window of seconds after a settle
// period, idle (event-driven) or with --continuous (drawing every frame, the
// baseline). Used by bench_idle_cpu and bench_kiosk.

#include <optional>
#include <string>

namespace kioskbench {

// nullopt when the kiosk exited early (its log goes to stderr).
std::optional<double> kioskCpuShare(const std::string& display, const std::string& dir, bool continuous, int seconds);

}  // namespace kioskbench
