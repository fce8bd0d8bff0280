#pragma once
// --ui-trace: one JSON line per drawn frame with the screen's name and every
// text drawn on it, in drawing order, so UI tests (and a technician chasing a
// report) can see what a person was shown without reading pixels:
//   {"frame":12,"screen":"member","texts":["Hello, Ana","1,240 pts", ...],
//    "buttons":[{"label":"Done","x":1040,"y":700,"w":200,"h":90}, ...],
//    "t_ms":81234567.2,"draw_ms":3.1,"card_ms":81234561.0}
// Texts go through ui::drawText (Widgets.h), which reports to the trace of
// the frame being drawn; every touch target reports its label and rectangle
// in window pixels, so a scripted session can tap a button by its label.
// t_ms is when the frame was presented (buffer swap returned), on the
// steady clock (CLOCK_MONOTONIC: comparable between processes); draw_ms how
// long building and presenting it took; card_ms, when a card tap reached the
// flow since the last frame, when it did (the benchmark's tap-to-screen). The trace shows what was on screen, personal data
// included, so it is a test and diagnostics tool: the kiosk only writes it
// when started with --ui-trace, and never to the journal.

#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ui {

// A touch target drawn in the frame: its label and rectangle (window pixels).
struct TracedButton {
    std::string label;
    float x = 0, y = 0, w = 0, h = 0;
};

// When a frame was presented and what led to it (steady-clock milliseconds).
struct FrameTiming {
    std::optional<double> presentedMs;
    std::optional<double> drawMs;
    std::optional<double> cardMs;
};

class UiTrace {
public:
    // Appends to path ("-": standard error; "": keep the last frame in
    // memory only, for --screenshot-dir). Empty error() when open.
    explicit UiTrace(const std::string& path);
    ~UiTrace();
    UiTrace(const UiTrace&) = delete;
    UiTrace& operator=(const UiTrace&) = delete;

    const std::string& error() const { return error_; }

    void beginFrame(std::string_view screen);
    void text(std::string_view text);
    void button(std::string_view label, float x, float y, float w, float h);
    // Stops collecting the frame's texts and buttons.
    void endFrame();
    // Writes the frame's line (after endFrame) and flushes it (a test reads
    // it while the kiosk runs).
    void write(const FrameTiming& timing = {});

    // The last frame drawn (complete after endFrame()).
    const std::string& screen() const { return screen_; }
    const std::vector<std::string>& texts() const { return texts_; }
    const std::vector<TracedButton>& buttons() const { return buttons_; }

    // The trace of the frame being drawn on this thread, or null.
    static UiTrace* active();

private:
    std::FILE* out_ = nullptr;
    bool ownsFile_ = false;
    std::string error_;
    long frame_ = 0;
    std::string screen_;
    std::vector<std::string> texts_;
    std::vector<TracedButton> buttons_;
};

}  // namespace ui
