#pragma once
// The UI thread's loop: SDL events in, intents to the flow, one ImGui frame
// out when something changed. Idles in SDL_WaitEventTimeout.

#include <memory>
#include <string>

#include "kiosk/KioskFlow.h"
#include "loyalty/Expected.h"
#include "ui/FontSet.h"
#include "ui/FrameScheduler.h"
#include "ui/ScreenshotWriter.h"
#include "ui/Theme.h"
#include "ui/UiPlatform.h"
#include "ui/screens/AttractScreen.h"

union SDL_Event;

namespace ui {

struct KioskWindowOptions {
    WindowOptions window;
    FontFaces faces;
    float dpi = 150.0f;            // of the physical panel; sizes touch targets
    bool highContrast = false;
    bool continuous = false;       // draw every frame (the benchmark's baseline)
    std::string screenshotPath;    // non-empty: write the third frame there and exit
};

class KioskWindow {
public:
    static loyalty::Expected<std::unique_ptr<KioskWindow>, std::string> create(const KioskWindowOptions& options,
                                                                                kiosk::KioskFlow& flow);
    // Runs until the window is closed (or the screenshot is written).
    // Returns the process exit code.
    int run();

private:
    KioskWindow(const KioskWindowOptions& options, kiosk::KioskFlow& flow, std::unique_ptr<UiPlatform> platform);
    void handleEvent(const SDL_Event& event);
    void drawFrame();

    KioskWindowOptions options_;
    kiosk::KioskFlow& flow_;
    std::unique_ptr<UiPlatform> platform_;
    Theme theme_;
    FontSet fonts_;
    FrameScheduler scheduler_;
    AttractScreen attract_;
    bool running_ = true;
    int framesDrawn_ = 0;
};

}  // namespace ui
