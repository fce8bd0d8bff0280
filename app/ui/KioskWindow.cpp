#include "ui/KioskWindow.h"

#include <SDL.h>
#include <imgui.h>
#include <imgui_impl_sdl.h>

#include <algorithm>
#include <cstdio>

namespace ui {
namespace {

constexpr int kScreenshotFrame = 3;  // ImGui settles layout over the first frames

float scaleFor(int width, int height) {
    return std::max(0.5f, std::min(static_cast<float>(width) / 1280.0f, static_cast<float>(height) / 800.0f));
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
    return window;
}

KioskWindow::KioskWindow(const KioskWindowOptions& options, kiosk::KioskFlow& flow,
                         std::unique_ptr<UiPlatform> platform)
    : options_(options),
      flow_(flow),
      platform_(std::move(platform)),
      theme_(options.dpi, options.highContrast),
      scheduler_(options.continuous) {}

int KioskWindow::run() {
    std::fprintf(stderr, "loyalty-kiosk: %dx%d, %s\n", platform_->width(), platform_->height(),
                 platform_->rendererDescription().c_str());
    while (running_) {
        SDL_Event event;
        if (SDL_WaitEventTimeout(&event, scheduler_.waitTimeoutMs(FrameScheduler::kMaxIdleWaitMs)) != 0) {
            do {
                handleEvent(event);
            } while (SDL_PollEvent(&event) != 0);
            scheduler_.wake();
        }
        if (!running_ || !scheduler_.shouldDraw()) {
            continue;
        }
        drawFrame();
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
        platform_->present();
        scheduler_.frameDrawn();
    }
    return 0;
}

void KioskWindow::handleEvent(const SDL_Event& event) {
    ImGui_ImplSDL2_ProcessEvent(&event);
    switch (event.type) {
        case SDL_QUIT:
            running_ = false;
            break;
        case SDL_KEYDOWN:
            // Only a windowed (development) kiosk quits from the keyboard.
            if (event.key.keysym.sym == SDLK_ESCAPE && !options_.window.fullscreen) {
                running_ = false;
            }
            break;
        default:
            break;
    }
}

void KioskWindow::drawFrame() {
    platform_->beginFrame();
    const ImVec2 size = ImGui::GetIO().DisplaySize;
    const UiContext context{theme_, fonts_, size.x, size.y, fonts_.scale()};
    std::optional<kiosk::Intent> intent;
    switch (flow_.screen()) {
        case kiosk::ScreenId::Attract:
            intent = attract_.draw(flow_.attractView(), context);
            break;
        default:  // the other screens of issue 6 are not drawn yet
            break;
    }
    const ImVec4& background = theme_.palette().background;
    platform_->endFrame(background.x, background.y, background.z);
    if (intent && flow_.handle(*intent)) {
        scheduler_.wake();
    }
}

}  // namespace ui
