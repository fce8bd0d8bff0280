#pragma once
// --ui-trace: one JSON line per drawn frame with the screen's name and every
// text drawn on it, in drawing order, so UI tests (and a technician chasing a
// report) can see what a person was shown without reading pixels:
//   {"frame":12,"screen":"member","texts":["Hello, Ana","1,240 pts", ...]}
// Texts go through ui::drawText (Widgets.h), which reports to the trace of
// the frame being drawn. The trace shows what was on screen, personal data
// included, so it is a test and diagnostics tool: the kiosk only writes it
// when started with --ui-trace, and never to the journal.

#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace ui {

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
    // Writes the frame's line and flushes it (a test reads it while the
    // kiosk runs).
    void endFrame();

    // The last frame drawn (complete after endFrame()).
    const std::string& screen() const { return screen_; }
    const std::vector<std::string>& texts() const { return texts_; }

    // The trace of the frame being drawn on this thread, or null.
    static UiTrace* active();

private:
    std::FILE* out_ = nullptr;
    bool ownsFile_ = false;
    std::string error_;
    long frame_ = 0;
    std::string screen_;
    std::vector<std::string> texts_;
};

}  // namespace ui
