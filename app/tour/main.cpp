// kiosk-tour: the real kiosk window (ui::KioskWindow) and flow driven by a
// script through every screen with fictional demo data (DemoShop), for
// screenshots (scripts/screenshots, docs/screens.md), the UI trace and the
// frame-time benchmark. No database, reader or head office: the script
// answers the flow's effects itself. Built with the kiosk, never installed.

#include <CLI/CLI.hpp>
#include <SDL.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>
#include <vector>

#include "config/Catalog.h"
#include "config/ProgramLoader.h"
#include "kiosk/KioskFlow.h"
#include "tour/DemoShop.h"
#include "tour/TourDriver.h"
#include "tour/TourScript.h"
#include "ui/KioskWindow.h"

namespace {

int fail(const std::string& message) {
    std::fprintf(stderr, "kiosk-tour: %s\n", message.c_str());
    return 1;
}

// --assets, then $KIOSK_ASSETS, then the source tree it was built from.
std::string findAssets(const std::string& requested) {
    if (!requested.empty()) {
        return requested;
    }
    if (const char* fromEnvironment = std::getenv("KIOSK_ASSETS"); fromEnvironment && *fromEnvironment) {
        return fromEnvironment;
    }
    return KIOSK_SOURCE_ASSETS;
}

std::int32_t localUtcOffsetSeconds(std::time_t now) {
    std::tm local{};
    localtime_r(&now, &local);
    return static_cast<std::int32_t>(local.tm_gmtoff);
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App cli{"kiosk-tour: walks the kiosk's every screen with demo data (screenshots, UI trace, frame times)"};
    std::string windowed = "1280x800";
    std::string assets;
    std::vector<std::string> languages{"en", "es"};
    ui::KioskWindowOptions options;
    int holdFrames = 60;
    cli.add_option("--windowed", windowed, "Window size, e.g. 800x480 (default 1280x800)");
    cli.add_option("--languages", languages, "Languages offered; the first is the session's")->delimiter(',');
    cli.add_flag("--high-contrast", options.highContrast, "High-contrast theme");
    cli.add_option("--dpi", options.dpi, "Pixel density of the panel; sizes touch targets")->check(CLI::Range(50.0, 600.0));
    cli.add_option("--screenshot-dir", options.screenshotDir, "Write NN-<screen>[-variant].png of every step here");
    cli.add_option("--ui-trace", options.uiTracePath, "Append one JSON line per frame (screen, texts) to this file; - for stderr");
    auto* continuous = cli.add_flag("--continuous", options.continuous, "Draw every frame, --hold-frames of each step (benchmark)");
    cli.add_option("--hold-frames", holdFrames, "With --continuous: frames drawn of each step's screen")
        ->check(CLI::Range(1, 100000))
        ->needs(continuous);
    cli.add_option("--assets", assets, "Directory with program.toml, i18n/ and fonts (default: the source tree's)");
    CLI11_PARSE(cli, argc, argv);

    options.window.fullscreen = false;
    if (!ui::parseWindowSize(windowed, options.window.width, options.window.height)) {
        return fail("--windowed takes WIDTHxHEIGHT between 320x240 and 7680x4320, got '" + windowed + "'");
    }
    if (options.continuous && !options.screenshotDir.empty()) {
        return fail("--continuous draws without settling, so it takes no screenshots: drop --screenshot-dir");
    }
    const std::string assetDir = findAssets(assets);
    auto program = config::ProgramLoader::loadFile(assetDir + "/program.toml");
    if (!program) {
        return fail("the programme file is not valid: " + program.error().describe());
    }
    auto catalogues = config::Catalog::loadLanguages(assetDir + "/i18n", languages);
    if (!catalogues) {
        return fail(catalogues.error());
    }
    options.window.title = program->name + " (screen tour)";
    options.faces = ui::FontSet::kioskFaces(assetDir);
    const std::time_t now = std::time(nullptr);
    options.utcOffsetSeconds = localUtcOffsetSeconds(now);
    const std::string screenshotDir = options.screenshotDir;
    if (!screenshotDir.empty()) {
        options.screenshotDir = tour::TourDriver::stagingDir(screenshotDir);
    }

    // The tour never idles long enough to time out, however slow the renderer.
    kiosk::FlowSettings settings;
    settings.customerIdleMs = 3'600'000;
    settings.staffIdleMs = 3'600'000;
    kiosk::KioskFlow flow(*program, std::move(catalogues.value()), settings);
    tour::DemoShop shop(loyalty::Instant{static_cast<std::int64_t>(now), options.utcOffsetSeconds}, languages.front());
    tour::TourDriver driver(tour::buildTour(shop), flow, {screenshotDir, options.continuous, holdFrames});

    auto created = ui::KioskWindow::create(options, flow);
    if (!created) {
        return fail(created.error());
    }
    ui::KioskWindow& window = *created.value();
    window.link(driver.links(window.waker(), [] {
        // KioskWindow ends its loop on SDL_QUIT, as when the window is closed.
        SDL_Event quit{};
        quit.type = SDL_QUIT;
        SDL_PushEvent(&quit);
    }));
    const int code = window.run();
    if (code != 0) {
        return code;
    }
    if (!driver.error().empty()) {
        return fail(driver.error());
    }
    if (!driver.finished()) {
        return fail("the window closed after " + std::to_string(driver.stepsDone()) + " steps, before the tour ended");
    }
    std::fprintf(stderr, "kiosk-tour: %zu steps%s%s\n", driver.stepsDone(), screenshotDir.empty() ? "" : ", screenshots in ",
                 screenshotDir.c_str());
    return 0;
}
