#include "ui/KioskWindow.h"

#include <SDL.h>
#include <imgui.h>
#include <imgui_impl_sdl.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <variant>

namespace ui {
namespace {

constexpr int kScreenshotFrame = 3;  // ImGui settles layout over the first frames
// A tap's lookup usually answers within a few milliseconds: "Reading your
// card" is drawn only when the answer takes longer than this, so the usual
// first frame after a tap is the answer itself (the member screen), and a
// slow answer (head office within its deadline, a busy disk) still shows at
// once that the tap was seen. Under 100 ms reads as instant.
constexpr std::int64_t kReadingGraceMs = 100;

float scaleFor(int width, int height) {
    return std::max(0.5f, std::min(static_cast<float>(width) / 1280.0f, static_cast<float>(height) / 800.0f));
}

std::int64_t monotonicMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

// The steady clock in fractional milliseconds, for the trace's timings.
double preciseMs() {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

}  // namespace

loyalty::Expected<std::unique_ptr<KioskWindow>, std::string> KioskWindow::create(const KioskWindowOptions& options,
                                                                                  kiosk::KioskFlow& flow) {
    if (options.faces.regular.empty() || options.faces.bold.empty()) {
        return loyalty::unexpected(std::string("no font: install fonts-inter or fonts-dejavu-core"));
    }
    auto platform = UiPlatform::create(options.window);
    if (!platform) {
        return loyalty::unexpected(platform.error());
    }
    std::unique_ptr<KioskWindow> window(new KioskWindow(options, flow, std::move(platform.value())));
    const float scale = scaleFor(window->platform_->width(), window->platform_->height());
    if (auto failure = window->fonts_.load(options.faces, scale); !failure.empty()) {
        return loyalty::unexpected(failure);
    }
    window->theme_.apply(scale);
    window->wakeEvent_ = SDL_RegisterEvents(1);
    if (window->wakeEvent_ == static_cast<std::uint32_t>(-1)) {
        return loyalty::unexpected(std::string("SDL_RegisterEvents: no user event left: ") + SDL_GetError());
    }
    if (!options.uiTracePath.empty() || !options.screenshotDir.empty()) {
        window->trace_ = std::make_unique<UiTrace>(options.uiTracePath);
        if (!window->trace_->error().empty()) {
            return loyalty::unexpected(window->trace_->error());
        }
    }
    if (!options.screenshotDir.empty()) {
        std::error_code error;
        std::filesystem::create_directories(options.screenshotDir, error);
        if (error) {
            return loyalty::unexpected("cannot create " + options.screenshotDir + ": " + error.message());
        }
    }
    return window;
}

KioskWindow::KioskWindow(const KioskWindowOptions& options, kiosk::KioskFlow& flow,
                         std::unique_ptr<UiPlatform> platform)
    : options_(options),
      flow_(flow),
      platform_(std::move(platform)),
      theme_(options.dpi, options.highContrast),
      scheduler_(options.continuous) {}

KioskWindow::~KioskWindow() = default;

std::function<void()> KioskWindow::waker() const {
    const std::uint32_t type = wakeEvent_;
    return [type] {
        SDL_Event event{};
        event.type = type;
        SDL_PushEvent(&event);  // thread-safe; a full queue drops it, and the loop wakes within a second anyway
    };
}

int KioskWindow::run() {
    std::fprintf(stderr, "loyalty-kiosk: %dx%d, %s\n", platform_->width(), platform_->height(),
                 platform_->rendererDescription().c_str());
    while (running_) {
        SDL_Event event;
        int timeout = scheduler_.waitTimeoutMs(msUntilDeadline());
        if (const std::int64_t hold = readingHoldMs(); hold > 0) {
            timeout = static_cast<int>(hold);  // the lookup's answer (a wake event) ends the wait
        }
        if (SDL_WaitEventTimeout(&event, timeout) != 0) {
            do {
                handleEvent(event);
            } while (SDL_PollEvent(&event) != 0);
            scheduler_.wake();
        }
        // The flow reads no clock: it learns the time from a Tick before it
        // handles anything else, so a tap is stamped with now (not with the
        // last tick), and an idle timeout that fell due ends the session.
        tick();
        pumpMessages();
        if (!running_ || !scheduler_.shouldDraw() || readingHoldMs() > 0) {
            continue;
        }
        const bool settled = scheduler_.lastPendingFrame();
        const double started = preciseMs();
        auto intent = drawFrame();
        ++framesDrawn_;
        if (!options_.screenshotPath.empty() && framesDrawn_ >= kScreenshotFrame) {
            const auto failure = ScreenshotWriter::capture(platform_->width(), platform_->height(),
                                                           options_.screenshotPath);
            if (!failure.empty()) {
                std::fprintf(stderr, "loyalty-kiosk: screenshot: %s\n", failure.c_str());
                return 1;
            }
            std::fprintf(stderr, "loyalty-kiosk: screenshot written to %s\n", options_.screenshotPath.c_str());
            return 0;
        }
        if (settled) {
            captureIfNew();
        }
        platform_->present();
        traceFrame(started);
        scheduler_.frameDrawn();
        if (intent) {
            apply(flow_.handle(*intent));
        }
    }
    return 0;
}

void KioskWindow::apply(const kiosk::Outcome& outcome) {
    if (outcome.changed) {
        scheduler_.wake();
    }
    if (!outcome.effects.empty() && links_.runEffects) {
        links_.runEffects(outcome.effects);
    }
}

void KioskWindow::redraw() { scheduler_.wake(); }

std::int64_t KioskWindow::readingHoldMs() {
    if (flow_.screen() != kiosk::ScreenId::CardReading) {
        readingSinceMs_.reset();
        return 0;
    }
    const std::int64_t now = monotonicMs();
    if (!readingSinceMs_) {
        readingSinceMs_ = now;
    }
    return std::max<std::int64_t>(0, *readingSinceMs_ + kReadingGraceMs - now);
}

void KioskWindow::pumpMessages() {
    if (links_.takeMessages) {
        for (const auto& message : links_.takeMessages()) {
            if (std::holds_alternative<kiosk::CardTapped>(message) && !cardArrivedMs_) {
                cardArrivedMs_ = preciseMs();
            }
            apply(flow_.handle(message));
        }
    }
    if (links_.takeIntents) {
        for (const auto& intent : links_.takeIntents()) {
            apply(flow_.handle(intent));
        }
    }
}

void KioskWindow::traceFrame(double startedMs) {
    if (!trace_) {
        return;
    }
    const double presented = preciseMs();
    trace_->write(FrameTiming{presented, presented - startedMs, cardArrivedMs_});
    cardArrivedMs_.reset();
}

std::int64_t KioskWindow::msUntilDeadline() const {
    const auto deadline = flow_.nextDeadlineMs();
    if (!deadline) {
        return FrameScheduler::kMaxIdleWaitMs;
    }
    return std::max<std::int64_t>(0, *deadline - monotonicMs());
}

void KioskWindow::tick() {
    const std::int64_t now = monotonicMs();
    const std::time_t wall = std::time(nullptr);
    apply(flow_.handle(kiosk::Message{kiosk::Tick{loyalty::Instant{static_cast<std::int64_t>(wall), options_.utcOffsetSeconds}, now}}));
}

void KioskWindow::handleEvent(const SDL_Event& event) {
    if (event.type == wakeEvent_) {
        return;  // a message from another thread: pumpMessages() takes it
    }
    ImGui_ImplSDL2_ProcessEvent(&event);
    switch (event.type) {
        case SDL_QUIT:
            running_ = false;
            break;
        case SDL_KEYDOWN:
            // Only a windowed (development) kiosk quits from the keyboard.
            if (event.key.keysym.sym == SDLK_ESCAPE && !options_.window.fullscreen) {
                running_ = false;
            } else if (links_.onKey && event.key.repeat == 0) {
                links_.onKey(event.key.keysym.sym);
            }
            break;
        default:
            break;
    }
}

std::optional<kiosk::Intent> KioskWindow::drawFrame() {
    platform_->beginFrame();
    const ImVec2 size = ImGui::GetIO().DisplaySize;
    const UiContext context{theme_, fonts_, size.x, size.y, fonts_.scale()};
    if (trace_) {
        trace_->beginFrame(kiosk::screenName(flow_.screen()));
    }
    auto intent = screens_.draw(flow_, context);
    if (links_.drawOverlay) {
        links_.drawOverlay(context);
    }
    if (trace_) {
        trace_->endFrame();
    }
    const ImVec4& background = theme_.palette().background;
    platform_->endFrame(background.x, background.y, background.z);
    return intent;
}

void KioskWindow::captureIfNew() {
    if (options_.screenshotDir.empty() || !trace_) {
        return;
    }
    std::string signature = trace_->screen();
    for (const auto& text : trace_->texts()) {
        signature += '\n' + text;
    }
    if (signature == lastCaptured_) {
        return;
    }
    lastCaptured_ = signature;
    char name[64];
    std::snprintf(name, sizeof name, "%03d-%s.png", ++screenshotsWritten_, trace_->screen().c_str());
    const std::string path = options_.screenshotDir + "/" + name;
    const auto failure = ScreenshotWriter::capture(platform_->width(), platform_->height(), path);
    if (!failure.empty()) {
        std::fprintf(stderr, "loyalty-kiosk: screenshot: %s\n", failure.c_str());
    }
}

}  // namespace ui
