#pragma once
// SDL2 window, OpenGL ES 2 context and the Dear ImGui context with its SDL and
// OpenGL backends, owned together and torn down in reverse order. Every
// set-up step checks its result; a failure names the call and SDL's reason.

#include <memory>
#include <string>

#include "loyalty/Expected.h"

struct SDL_Window;

namespace ui {

struct WindowOptions {
    bool fullscreen = true;
    int width = 1280;   // windowed size; fullscreen takes the display's
    int height = 800;
    bool vsync = true;
    std::string title = "Loyalty kiosk";
};

// "1280x800" (or 1280X800) into width and height, between 320x240 and
// 7680x4320; false otherwise.
bool parseWindowSize(const std::string& text, int& width, int& height);

class UiPlatform {
public:
    static loyalty::Expected<std::unique_ptr<UiPlatform>, std::string> create(const WindowOptions& options);
    ~UiPlatform();
    UiPlatform(const UiPlatform&) = delete;
    UiPlatform& operator=(const UiPlatform&) = delete;

    SDL_Window* window() const { return window_; }
    // Drawable size in pixels.
    int width() const;
    int height() const;
    std::string rendererDescription() const;

    void beginFrame();
    void endFrame(float clearR, float clearG, float clearB);  // renders; does not swap
    void present();

private:
    UiPlatform() = default;

    bool sdlStarted_ = false;
    SDL_Window* window_ = nullptr;
    void* glContext_ = nullptr;
    bool imguiStarted_ = false;
    bool sdlBackend_ = false;
    bool glBackend_ = false;
    bool fontPixelsReleased_ = false;
};

}  // namespace ui
