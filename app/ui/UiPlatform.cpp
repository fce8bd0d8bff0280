#include "ui/UiPlatform.h"

#include <cstdio>

#include <GLES2/gl2.h>
#include <SDL.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl.h>

namespace ui {
namespace {

std::string sdlFailure(const char* call) { return std::string(call) + " failed: " + SDL_GetError(); }

}  // namespace

loyalty::Expected<std::unique_ptr<UiPlatform>, std::string> UiPlatform::create(const WindowOptions& options) {
    std::unique_ptr<UiPlatform> platform(new UiPlatform());
    // Touches arrive as mouse events (SDL's default), which ImGui 1.86 expects.
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "1");
    SDL_SetHint(SDL_HINT_VIDEO_X11_NET_WM_BYPASS_COMPOSITOR, "0");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER | SDL_INIT_EVENTS) != 0) {
        return loyalty::unexpected(sdlFailure("SDL_Init"));
    }
    platform->sdlStarted_ = true;

    // OpenGL ES 2.0; both major and minor must be set (Mesa refuses otherwise).
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_FLAGS, 0);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 2);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);
    SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 0);

    Uint32 flags = SDL_WINDOW_OPENGL | SDL_WINDOW_ALLOW_HIGHDPI | SDL_WINDOW_SHOWN;
    if (options.fullscreen) {
        flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
    }
    platform->window_ = SDL_CreateWindow(options.title.c_str(), SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED,
                                         options.width, options.height, flags);
    if (platform->window_ == nullptr) {
        return loyalty::unexpected(sdlFailure("SDL_CreateWindow"));
    }
    platform->glContext_ = SDL_GL_CreateContext(platform->window_);
    if (platform->glContext_ == nullptr) {
        return loyalty::unexpected(sdlFailure("SDL_GL_CreateContext (OpenGL ES 2.0)"));
    }
    if (SDL_GL_MakeCurrent(platform->window_, platform->glContext_) != 0) {
        return loyalty::unexpected(sdlFailure("SDL_GL_MakeCurrent"));
    }
    // Vsync is best effort: some drivers (Xvfb's) have none.
    SDL_GL_SetSwapInterval(options.vsync ? 1 : 0);
    if (options.fullscreen) {
        SDL_ShowCursor(SDL_DISABLE);  // a touchscreen kiosk shows no pointer
    }

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    platform->imguiStarted_ = true;
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // nothing to remember between runs; never write to the working directory
    io.LogFilename = nullptr;
    if (!ImGui_ImplSDL2_InitForOpenGL(platform->window_, platform->glContext_)) {
        return loyalty::unexpected(std::string("ImGui_ImplSDL2_InitForOpenGL failed"));
    }
    platform->sdlBackend_ = true;
    if (!ImGui_ImplOpenGL3_Init("#version 100")) {
        return loyalty::unexpected(std::string("ImGui_ImplOpenGL3_Init (GLSL ES 1.00) failed"));
    }
    platform->glBackend_ = true;
    return platform;
}

UiPlatform::~UiPlatform() {
    if (glBackend_) {
        ImGui_ImplOpenGL3_Shutdown();
    }
    if (sdlBackend_) {
        ImGui_ImplSDL2_Shutdown();
    }
    if (imguiStarted_) {
        ImGui::DestroyContext();
    }
    if (glContext_ != nullptr) {
        SDL_GL_DeleteContext(glContext_);
    }
    if (window_ != nullptr) {
        SDL_DestroyWindow(window_);
    }
    if (sdlStarted_) {
        SDL_Quit();
    }
}

int UiPlatform::width() const {
    int w = 0;
    SDL_GL_GetDrawableSize(window_, &w, nullptr);
    return w;
}

int UiPlatform::height() const {
    int h = 0;
    SDL_GL_GetDrawableSize(window_, nullptr, &h);
    return h;
}

std::string UiPlatform::rendererDescription() const {
    const auto* renderer = reinterpret_cast<const char*>(glGetString(GL_RENDERER));
    const auto* version = reinterpret_cast<const char*>(glGetString(GL_VERSION));
    return std::string(renderer ? renderer : "?") + ", " + (version ? version : "?");
}

void UiPlatform::beginFrame() {
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplSDL2_NewFrame();
    ImGui::NewFrame();
}

void UiPlatform::endFrame(float clearR, float clearG, float clearB) {
    ImGui::Render();
    const ImGuiIO& io = ImGui::GetIO();
    glViewport(0, 0, static_cast<GLsizei>(io.DisplaySize.x * io.DisplayFramebufferScale.x),
               static_cast<GLsizei>(io.DisplaySize.y * io.DisplayFramebufferScale.y));
    glClearColor(clearR, clearG, clearB, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    // The font atlas is on the GPU since the first NewFrame: its CPU copy (an
    // alpha and an RGBA bitmap of every glyph at kiosk sizes) and the font
    // files it was built from are megabytes the kiosk never reads again. Dropped once the frame has ended (the
    // atlas is locked during a frame); the fonts are never rebuilt.
    if (!fontPixelsReleased_) {
        ImGui::GetIO().Fonts->ClearTexData();
        ImGui::GetIO().Fonts->ClearInputData();  // the font files' bytes; the built glyphs stay
        fontPixelsReleased_ = true;
    }
}

bool parseWindowSize(const std::string& text, int& width, int& height) {
    char separator = 0;
    return std::sscanf(text.c_str(), "%d%c%d", &width, &separator, &height) == 3 && (separator == 'x' || separator == 'X') &&
           width >= 320 && height >= 240 && width <= 7680 && height <= 4320;
}

void UiPlatform::present() { SDL_GL_SwapWindow(window_); }

}  // namespace ui
