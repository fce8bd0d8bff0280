#pragma once
// The UI thread's loop: SDL events in, intents to the flow, one ImGui frame
// out when something changed. Idles in SDL_WaitEventTimeout until an event,
// a message from another thread (which pushes the wake event), or the
// flow's next deadline (an idle timeout), when it hands the flow a Tick.

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "kiosk/Effects.h"
#include "kiosk/KioskFlow.h"
#include "kiosk/Messages.h"
#include "loyalty/Expected.h"
#include "ui/FontSet.h"
#include "ui/FrameScheduler.h"
#include "ui/ScreenRouter.h"
#include "ui/ScreenshotWriter.h"
#include "ui/Theme.h"
#include "ui/UiPlatform.h"
#include "ui/UiContext.h"
#include "ui/UiTrace.h"

union SDL_Event;

namespace ui {

struct KioskWindowOptions {
    WindowOptions window;
    FontFaces faces;
    float dpi = 150.0f;            // of the physical panel; sizes touch targets
    bool highContrast = false;
    bool continuous = false;       // draw every frame (the benchmark's baseline)
    std::string screenshotPath;    // non-empty: write the third frame there and exit
    std::string screenshotDir;     // non-empty: a PNG of every settled screen that differs from the last
    std::string uiTracePath;       // non-empty: --ui-trace (UiTrace.h); "-" for standard error
    std::int32_t utcOffsetSeconds = 0;  // the shop's, for the Ticks' wall time
};

// Where the window gets messages from other threads and sends the flow's
// effects. Both run on the UI thread.
struct FlowLinks {
    std::function<std::vector<kiosk::Message>()> takeMessages;
    std::function<void(std::vector<kiosk::Effect>)> runEffects;
    // A key press (development and demo only), e.g. the demo tray's 1-8.
    std::function<void(int key)> onKey;
    // Drawn over the screen in every frame (the demo tray; demo mode only).
    std::function<void(const UiContext&)> drawOverlay;
    // Intents from a script instead of a finger (the screen tour, benchmarks);
    // handled after the messages, exactly as a tapped button's.
    std::function<std::vector<kiosk::Intent>()> takeIntents;
};

class KioskWindow {
public:
    static loyalty::Expected<std::unique_ptr<KioskWindow>, std::string> create(const KioskWindowOptions& options,
                                                                                kiosk::KioskFlow& flow);
    ~KioskWindow();

    void link(FlowLinks links) { links_ = std::move(links); }
    // Any thread: wakes the UI thread's wait. Valid once create() returned.
    std::function<void()> waker() const;

    // Runs until the window is closed (or the screenshot is written).
    // Returns the process exit code.
    int run();

    // Asks for a frame (e.g. the overlay changed). UI thread only.
    void redraw();

private:
    KioskWindow(const KioskWindowOptions& options, kiosk::KioskFlow& flow, std::unique_ptr<UiPlatform> platform);
    void handleEvent(const SDL_Event& event);
    void apply(const kiosk::Outcome& outcome);
    void pumpMessages();
    void tick();
    std::int64_t msUntilDeadline() const;
    std::optional<kiosk::Intent> drawFrame();
    void traceFrame(double startedMs);
    // How much longer the card-reading screen waits for the lookup's answer
    // before it is drawn (0: draw now). UI thread only.
    std::int64_t readingHoldMs();
    void captureIfNew();

    KioskWindowOptions options_;
    kiosk::KioskFlow& flow_;
    std::unique_ptr<UiPlatform> platform_;
    Theme theme_;
    FontSet fonts_;
    FrameScheduler scheduler_;
    ScreenRouter screens_;
    FlowLinks links_;
    std::unique_ptr<UiTrace> trace_;
    std::uint32_t wakeEvent_ = 0;
    bool running_ = true;
    int framesDrawn_ = 0;
    int screenshotsWritten_ = 0;
    std::optional<std::int64_t> readingSinceMs_;  // the flow entered CardReading
    std::optional<double> cardArrivedMs_;  // a CardTapped reached the flow since the last frame
    std::string lastCaptured_;  // screen name + texts of the last --screenshot-dir capture
};

}  // namespace ui
