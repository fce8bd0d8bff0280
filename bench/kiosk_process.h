#pragma once
// What the kiosk benchmarks read about a running process and its frames:
// CPU time and PSS from /proc, the process tree under a pid, the kiosk's
// --ui-trace lines as they are written, and the statistics they print
// (medians and percentiles: the machine is shared and noisy).

#include <sys/types.h>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace kioskbench {

// utime + stime of a process, in seconds.
std::optional<double> cpuSeconds(pid_t pid);
// Memory of a process from /proc/PID/smaps_rollup, in kB. PSS counts a shared
// page as a share per process mapping it (so the PSS of several processes
// adds up), and it drops when another program maps the same files: Mesa's
// LLVM is shared with every other GL client on the machine, so on a shared
// build machine PSS (and private-clean pages) move with what else runs. RSS
// counts shared pages whole and private-dirty pages (heap, buffers, the
// process's own writes) belong to it alone: those two are the stable ones.
struct Memory {
    long pss = 0;
    long dirty = 0;  // Private_Dirty
    long rss = 0;
    Memory& operator+=(const Memory& other) {
        pss += other.pss;
        dirty += other.dirty;
        rss += other.rss;
        return *this;
    }
};
std::optional<Memory> memoryKb(pid_t pid);
// pid and all its descendants (walks /proc for parent links).
std::vector<pid_t> processTree(pid_t pid);
// The direct children of pid.
std::vector<pid_t> childrenOf(pid_t pid);
// PSS summed over pid's process tree, in kB; the number of processes counted.
struct TreePss {
    long kb = 0;
    Memory memory;
    std::size_t processes = 0;
};
TreePss treePss(pid_t pid);

double median(std::vector<double> values);
// Nearest-rank percentile, p in [0, 100].
double percentile(std::vector<double> values, double p);
double mb(long kb);

// One line of --ui-trace (app/ui/UiTrace.h).
struct TraceFrame {
    long frame = 0;
    std::string screen;
    std::vector<std::string> texts;
    std::optional<double> tMs;
    std::optional<double> drawMs;
    std::optional<double> cardMs;
    bool shows(const std::string& part) const;
};

// Reads a trace file as it grows: each call returns the complete lines
// written since the last one (a line being written waits for the next call).
class TraceTail {
public:
    explicit TraceTail(std::string path) : path_(std::move(path)) {}
    std::vector<TraceFrame> next();

private:
    std::string path_;
    long offset_ = 0;
};

std::vector<TraceFrame> readTrace(const std::string& path);

// The steady clock in fractional milliseconds (the trace's clock).
double steadyMs();

}  // namespace kioskbench
