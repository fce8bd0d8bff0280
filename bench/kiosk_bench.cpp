// The kiosk as a customer and a shop meet it, against baselines measured in
// the same run (docs/benchmarks.md, "Kiosk figures"):
//   1. tap to member screen: card_ms -> the member frame's t_ms from the real
//      kiosk's --ui-trace over ~1,000 taps through the PN532 simulator;
//   2. memory: PSS of the kiosk (and its reader worker) across that session,
//      against an empty SDL2 + GLES2 window and against Chromium in kiosk
//      mode showing the same member screen (bench/member.html);
//   3. idle CPU over 30 s against the same build drawing every frame;
//   4. frame time p50/p99 per screen at 1280x800 under Mesa llvmpipe, from
//      kiosk-tour --continuous.
// Figures, never pass/fail: medians and percentiles on a noisy machine.
// Usage: bench_kiosk [--taps N] [--idle-seconds S] [--rounds R]
//                    [--hold-frames N] [--tour PATH] [--only taps|frames|idle|memory]
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "kiosk_baselines.h"
#include "kiosk_cpu.h"
#include "kiosk_frames.h"
#include "kiosk_process.h"
#include "kiosk_taps.h"
#include "support/TempDir.h"
#include "support/XvfbServer.h"

namespace {

using namespace kioskbench;

constexpr double kFrameAt60HzMs = 1000.0 / 60.0;

struct Options {
    int taps = 1000;
    int idleSeconds = 30;
    int rounds = 3;
    int holdFrames = 600;  // p99 over 600 frames a screen, not the second-worst of 120
    std::string tour = KIOSK_TOUR;
    std::string only;  // "" = everything
    bool wants(const char* part) const { return only.empty() || only == part; }
};

int usage(const char* problem) {
    std::fprintf(stderr,
                 "bench_kiosk: %s\nusage: bench_kiosk [--taps N] [--idle-seconds S] [--rounds R] [--hold-frames N] "
                 "[--tour PATH] [--only taps|frames|idle|memory]\n",
                 problem);
    return 2;
}

// A positive integer option value, or nullopt.
std::optional<int> positive(const char* text) {
    char* end = nullptr;
    const long value = std::strtol(text, &end, 10);
    if (end == text || *end != '\0' || value < 1 || value > 1000000) {
        return std::nullopt;
    }
    return static_cast<int>(value);
}

// One row of the closing table.
struct Row {
    std::string figure;
    std::string measured;
    std::string target;
    std::string baseline;
};

std::string format(const char* pattern, double a, double b = 0.0, double c = 0.0) {
    char text[160];
    std::snprintf(text, sizeof text, pattern, a, b, c);
    return text;
}

void printSpread(const char* label, const std::vector<double>& values) {
    if (values.empty()) {
        std::printf("  %-44s (no samples)\n", label);
        return;
    }
    std::printf("  %-44s p50 %7.1f ms  p99 %7.1f ms  max %7.1f ms  (n=%zu)\n", label, percentile(values, 50),
                percentile(values, 99), *std::max_element(values.begin(), values.end()), values.size());
}

// Least-squares slope of kiosk+worker memory against taps, in kB per 100
// taps, over the samples from `from` on; which: PSS, RSS or private dirty.
double slopePer100(const std::vector<PssSample>& samples, std::size_t from, long Memory::*which) {
    if (samples.size() < from + 2) {
        return 0.0;
    }
    double sx = 0, sy = 0, sxx = 0, sxy = 0;
    const double n = static_cast<double>(samples.size() - from);
    for (std::size_t i = from; i < samples.size(); ++i) {
        const double x = samples[i].taps;
        const double y = static_cast<double>(samples[i].kiosk.*which + samples[i].worker.*which);
        sx += x;
        sy += y;
        sxx += x * x;
        sxy += x * y;
    }
    const double denominator = n * sxx - sx * sx;
    return denominator == 0.0 ? 0.0 : (n * sxy - sx * sy) / denominator * 100.0;
}

void tapSection(const TapSession& session, std::vector<Row>& rows) {
    std::printf("\n== 1. Tap to member screen: %d taps (two members' cards in turn, removed between taps), %d missed\n",
                session.taps, session.missed);
    printSpread("card_ms -> member frame presented", session.tapToScreenMs);
    printSpread("card_ms -> next frame presented (reading)", session.tapToFirstFrameMs);
    printSpread("member frame draw_ms (build+render+swap)", session.memberDrawMs);
    printSpread("frame interval inside a drawing burst", session.burstIntervalMs);
    std::printf("  %-44s %.1f ms (one frame at 60 Hz)\n", "reference", kFrameAt60HzMs);
    printSpread("context: present() -> member frame", session.presentToScreenMs);
    std::printf("  (context includes the reader's polling, InAutoPoll up to 300 ms, and the worker hop: bench_nfc)\n");
    const double p50 = percentile(session.tapToScreenMs, 50);
    const double p99 = percentile(session.tapToScreenMs, 99);
    rows.push_back({"tap -> member screen p50/p99", format("%.1f / %.1f ms", p50, p99), "<= 16.7 ms (1 frame)",
                    format("one frame %.1f ms; %.2f / %.2f frames", kFrameAt60HzMs, p50 / kFrameAt60HzMs,
                           p99 / kFrameAt60HzMs)});
    rows.push_back({"present() -> member p50/p99 (context)",
                    format("%.0f / %.0f ms", percentile(session.presentToScreenMs, 50),
                           percentile(session.presentToScreenMs, 99)),
                    "-", "includes reader polling"});
}

void memorySection(const TapSession& session, const BaselinePss& empty, const BaselinePss& chromium,
                   std::vector<Row>& rows) {
    std::printf("\n== 2. Memory across the tap session (/proc/PID/smaps_rollup; MB)\n");
    std::printf("  %6s %10s %10s %12s %10s %12s\n", "taps", "kiosk PSS", "kiosk RSS", "kiosk dirty", "worker PSS",
                "sum PSS");
    long maxKb = 0;
    for (const auto& s : session.pss) {
        std::printf("  %6d %10.1f %10.1f %12.1f %10.1f %12.1f\n", s.taps, mb(s.kiosk.pss), mb(s.kiosk.rss),
                    mb(s.kiosk.dirty), mb(s.worker.pss), mb(s.kiosk.pss + s.worker.pss));
        maxKb = std::max(maxKb, s.kiosk.pss + s.worker.pss);
    }
    if (session.pss.empty()) {
        return;
    }
    const auto& first = session.pss.front();
    const auto& last = session.pss.back();
    const long ours = last.kiosk.pss + last.worker.pss;
    const long oursDirty = last.kiosk.dirty + last.worker.dirty;
    const long oursRss = last.kiosk.rss + last.worker.rss;
    const double pssSlope = slopePer100(session.pss, 0, &Memory::pss) / 1024.0;
    const double rssSlope = slopePer100(session.pss, 0, &Memory::rss) / 1024.0;
    const double dirtySlope = slopePer100(session.pss, 0, &Memory::dirty) / 1024.0;
    std::printf("  kiosk+worker PSS: first %.1f MB, last %.1f MB, max %.1f MB, slope %+.2f MB per 100 taps\n",
                mb(first.kiosk.pss + first.worker.pss), mb(ours), mb(maxKb), pssSlope);
    std::printf("  kiosk+worker RSS: first %.1f MB, last %.1f MB, slope %+.3f MB per 100 taps\n",
                mb(first.kiosk.rss + first.worker.rss), mb(oursRss), rssSlope);
    std::printf("  kiosk+worker private dirty: first %.1f MB, last %.1f MB, slope %+.3f MB per 100 taps\n",
                mb(first.kiosk.dirty + first.worker.dirty), mb(oursDirty), dirtySlope);
    std::printf("  (PSS moves with whatever else maps the same files, Mesa's LLVM above all, on a shared machine;\n"
                "   RSS and private dirty do not: they are the flatness figures)\n");
    rows.push_back({"PSS kiosk+worker after session", format("%.1f MB (kiosk %.1f)", mb(ours), mb(last.kiosk.pss)),
                    "flat", format("RSS %+.2f, dirty %+.2f MB/100 taps", rssSlope, dirtySlope)});
    if (empty.kb) {
        std::printf("  baseline: empty SDL2 + GLES2 window: PSS %.1f MB, RSS %.1f MB, private dirty %.1f MB (%s)\n",
                    mb(empty.memory.pss), mb(empty.memory.rss), mb(empty.memory.dirty), empty.note.c_str());
        std::printf("  kiosk+worker above it: PSS %+.1f MB, RSS %+.1f MB, private dirty %+.1f MB (kiosk alone: PSS %+.1f MB)\n",
                    mb(ours - empty.memory.pss), mb(oursRss - empty.memory.rss), mb(oursDirty - empty.memory.dirty),
                    mb(last.kiosk.pss - empty.memory.pss));
        rows.push_back({"PSS above an empty GLES window", format("%+.1f MB (with worker)", mb(ours - empty.memory.pss)),
                        "<= +40 MB",
                        format("empty %.1f MB; RSS %+.1f, dirty %+.1f", mb(empty.memory.pss),
                               mb(oursRss - empty.memory.rss), mb(oursDirty - empty.memory.dirty))});
    } else {
        std::printf("  baseline: empty window not measured: %s\n", empty.note.c_str());
    }
    if (chromium.kb) {
        const double ratio = static_cast<double>(ours) / static_cast<double>(*chromium.kb);
        std::printf("  baseline: Chromium --kiosk showing member.html: PSS %.1f MB summed over %zu processes\n",
                    mb(*chromium.kb), chromium.processes);
        std::printf("  ours / theirs (summed PSS): %.3f (%.1fx smaller)\n", ratio, ratio > 0 ? 1.0 / ratio : 0.0);
        rows.push_back({"PSS / Chromium kiosk", format("%.3f", ratio), "<= 0.25",
                        format("Chromium %.1f MB, %.0f processes", mb(*chromium.kb),
                               static_cast<double>(chromium.processes))});
    } else {
        std::printf("  baseline: Chromium skipped: %s\n", chromium.note.c_str());
    }
}

bool idleSection(const std::string& display, const std::string& dir, const Options& options, std::vector<Row>& rows) {
    std::printf("\n== 3. Idle CPU, %d rounds x %d s, 1280x800 on Xvfb + Mesa llvmpipe\n", options.rounds,
                options.idleSeconds);
    std::vector<double> idle;
    std::vector<double> continuous;
    for (int round = 0; round < options.rounds; ++round) {
        for (const bool mode : {false, true}) {
            const auto share = kioskCpuShare(display, dir, mode, options.idleSeconds);
            if (!share) {
                return false;
            }
            (mode ? continuous : idle).push_back(*share);
            std::printf("  round %d %-10s %6.2f%% of a core\n", round + 1, mode ? "continuous" : "idle", *share * 100);
            std::fflush(stdout);
        }
    }
    const double idleMedian = median(idle);
    const double continuousMedian = median(continuous);
    std::printf("  median idle %.2f%%, continuous %.2f%% of a core: %.0fx less when idle\n", idleMedian * 100,
                continuousMedian * 100, idleMedian > 0 ? continuousMedian / idleMedian : 0.0);
    rows.push_back({"idle CPU (median)", format("%.2f%% of a core", idleMedian * 100), "< 1%",
                    format("continuous %.1f%%, %.0fx", continuousMedian * 100,
                           idleMedian > 0 ? continuousMedian / idleMedian : 0.0)});
    return true;
}

void framesSection(const std::string& display, const std::string& dir, const Options& options, std::vector<Row>& rows) {
    std::printf("\n== 4. Frame time per screen, 1280x800, Mesa llvmpipe (kiosk-tour --continuous --hold-frames %d)\n",
                options.holdFrames);
    if (access(options.tour.c_str(), X_OK) != 0) {
        std::printf("  skipped: no kiosk-tour at %s (build the kiosk-tour target, or pass --tour PATH)\n",
                    options.tour.c_str());
        return;
    }
    const auto tour = runTour(options.tour, display, dir, options.holdFrames);
    if (!tour.error.empty()) {
        std::printf("  skipped: %s\n", tour.error.c_str());
        return;
    }
    std::string worst;
    double worstP99 = 0.0;
    std::vector<double> all;
    std::printf("  %-22s %7s %10s %10s\n", "screen", "frames", "p50 ms", "p99 ms");
    for (const auto& screen : tour.order) {
        const auto& times = tour.frameMs.at(screen);
        const double p99 = percentile(times, 99);
        std::printf("  %-22s %7zu %10.1f %10.1f\n", screen.c_str(), times.size(), percentile(times, 50), p99);
        all.insert(all.end(), times.begin(), times.end());
        if (p99 > worstP99) {
            worstP99 = p99;
            worst = screen;
        }
    }
    std::printf("  worst p99: %s %.1f ms; all screens p50 %.1f ms (one frame at 60 Hz: %.1f ms)\n", worst.c_str(),
                worstP99, percentile(all, 50), kFrameAt60HzMs);
    rows.push_back({"frame time p99, worst screen", format("%.1f ms", worstP99) + " (" + worst + ")", "<= 16.7 ms",
                    format("all screens p50 %.1f ms", percentile(all, 50))});
}

}  // namespace

int main(int argc, char** argv) {
    Options options;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--help" || arg == "-h") {
            usage("figures of the real kiosk against baselines (docs/architecture.md, Kiosk figures)");
            return 0;
        }
        if (i + 1 >= argc) {
            return usage(("missing value after " + arg).c_str());
        }
        const char* value = argv[++i];
        if (arg == "--only") {
            options.only = value;
            if (options.only != "taps" && options.only != "frames" && options.only != "idle" && options.only != "memory") {
                return usage("--only takes taps, frames, idle or memory");
            }
        } else if (arg == "--tour") {
            options.tour = value;
        } else if (auto number = positive(value)) {
            if (arg == "--taps") {
                options.taps = *number;
            } else if (arg == "--idle-seconds") {
                options.idleSeconds = *number;
            } else if (arg == "--rounds") {
                options.rounds = *number;
            } else if (arg == "--hold-frames") {
                options.holdFrames = *number;
            } else {
                return usage(("unknown option " + arg).c_str());
            }
        } else {
            return usage((arg + " takes a positive whole number, got '" + value + "'").c_str());
        }
    }

    testsupport::XvfbServer xvfb(1280, 800);
    if (!xvfb.running()) {
        std::fprintf(stderr, "bench_kiosk: %s\n", xvfb.error().c_str());
        return 1;
    }
    testsupport::TempDir dir("kiosk-bench");
    std::vector<Row> rows;
    std::printf("bench_kiosk: the real kiosk (release build) on Xvfb 1280x800, Mesa llvmpipe\n");

    if (options.wants("taps") || options.wants("memory")) {
        std::fprintf(stderr, "tap session: %d taps\n", options.taps);
        const auto session = runTapSession(xvfb.display(), dir.path(), options.taps, std::max(1, options.taps / 10));
        if (!session.error.empty()) {
            std::fprintf(stderr, "bench_kiosk: tap session: %s\n", session.error.c_str());
            return 1;
        }
        if (options.wants("taps")) {
            tapSection(session, rows);
        }
        if (options.wants("memory")) {
            const auto empty = emptyWindowPss(xvfb.display(), dir.path(), 3);
            const auto chromium = chromiumPss(xvfb.display(), dir.path(), 10);
            memorySection(session, empty, chromium, rows);
        }
        std::fflush(stdout);
    }
    if (options.wants("idle") && !idleSection(xvfb.display(), dir.path(), options, rows)) {
        return 1;
    }
    if (options.wants("frames")) {
        framesSection(xvfb.display(), dir.path(), options, rows);
    }

    std::printf("\n%-38s %-28s %-22s %s\n", "figure", "measured", "target", "baseline / context");
    for (const auto& row : rows) {
        std::printf("%-38s %-28s %-22s %s\n", row.figure.c_str(), row.measured.c_str(), row.target.c_str(),
                    row.baseline.c_str());
    }
    return 0;
}
