#pragma once
// When to draw. The kiosk idles in SDL_WaitEventTimeout and draws a few frames
// after anything happens (ImGui needs a frame or two to settle layout and
// animations), so an untouched kiosk costs next to no CPU. A continuous mode
// draws every frame; it exists as the benchmark's baseline.

#include <cstdint>

namespace ui {

class FrameScheduler {
public:
    static constexpr int kFramesAfterEvent = 3;
    static constexpr int kMaxIdleWaitMs = 1000;

    explicit FrameScheduler(bool continuous = false) : continuous_(continuous) {}

    // Something happened (input, a message from another thread, a resize).
    void wake() { pending_ = kFramesAfterEvent; }
    // A frame was drawn and presented.
    void frameDrawn() {
        if (pending_ > 0) {
            --pending_;
        }
    }
    bool shouldDraw() const { return continuous_ || pending_ > 0; }
    // The frame about to be drawn is the last before the loop idles: the
    // layout has settled (the moment --screenshot-dir captures a screen).
    bool lastPendingFrame() const { return !continuous_ && pending_ == 1; }
    // How long the loop may sleep waiting for an event: 0 while frames are
    // due, otherwise until the next deadline the flow asked for (or the idle
    // cap, so a stalled clock never leaves the screen stale for long).
    int waitTimeoutMs(std::int64_t msUntilNextDeadline) const;

private:
    bool continuous_;
    int pending_ = kFramesAfterEvent;  // draw the first frames at start-up
};

}  // namespace ui
