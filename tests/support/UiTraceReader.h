#pragma once
// Reads the kiosk's --ui-trace file (app/ui/UiTrace.h: one JSON line per
// drawn frame) while the kiosk is still writing it, for UI tests that assert
// on what was shown and tap buttons by their label.

#include <cstddef>
#include <string>
#include <vector>

namespace testsupport {

// A touch target of a frame, in window pixels.
struct TracedButton {
    std::string label;
    float x = 0, y = 0, w = 0, h = 0;
    float centreX() const { return x + w * 0.5f; }
    float centreY() const { return y + h * 0.5f; }
};

struct TracedFrame {
    long number = 0;
    std::string screen;
    std::vector<std::string> texts;
    std::vector<TracedButton> buttons;
    double presentedMs = 0;  // t_ms: steady clock (CLOCK_MONOTONIC), as std::chrono::steady_clock here
    double drawMs = 0;       // draw_ms: presentedMs - drawMs is when drawing began, after input was read

    double startedMs() const { return presentedMs - drawMs; }
    // Some text contains `part`.
    bool shows(const std::string& part) const;
    // The first button labelled exactly `label`, or null.
    const TracedButton* button(const std::string& label) const;
    // "screen 'member' texts [...] buttons [...]", for failure messages.
    std::string describe() const;
};

// Every complete frame of the trace at `path` (a line still being written is
// skipped).
std::vector<TracedFrame> readTrace(const std::string& path);

// The same, read incrementally: each poll() parses only what was appended
// since the last one.
class UiTraceReader {
public:
    explicit UiTraceReader(std::string path) : path_(std::move(path)) {}

    // All frames so far (appends the new ones).
    const std::vector<TracedFrame>& poll();
    const std::vector<TracedFrame>& frames() const { return frames_; }

private:
    std::string path_;
    std::size_t offset_ = 0;  // bytes of complete lines consumed
    std::vector<TracedFrame> frames_;
};

}  // namespace testsupport
