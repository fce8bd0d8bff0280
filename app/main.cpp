// loyalty-kiosk: wiring only. Parses the command line, loads the programme and
// the language catalogues, and hands them to the flow and the window.

#include <CLI/CLI.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "config/Catalog.h"
#include "config/ProgramLoader.h"
#include "kiosk/KioskFlow.h"
#include "ui/KioskWindow.h"

namespace {

constexpr const char* kInstalledAssets = "/usr/share/loyalty-kiosk";

// --assets, then $KIOSK_ASSETS, then the installed location, then the source
// tree this binary was built from (a developer's build).
std::string findAssets(const std::string& requested) {
    if (!requested.empty()) {
        return requested;
    }
    if (const char* fromEnvironment = std::getenv("KIOSK_ASSETS"); fromEnvironment && *fromEnvironment) {
        return fromEnvironment;
    }
    std::error_code ignored;
    if (std::filesystem::is_directory(kInstalledAssets, ignored)) {
        return kInstalledAssets;
    }
    return KIOSK_SOURCE_ASSETS;
}

bool parseSize(const std::string& text, int& width, int& height) {
    char separator = 0;
    return std::sscanf(text.c_str(), "%d%c%d", &width, &separator, &height) == 3 && (separator == 'x' || separator == 'X') &&
           width >= 320 && height >= 240 && width <= 7680 && height <= 4320;
}

int fail(const std::string& message) {
    std::fprintf(stderr, "loyalty-kiosk: %s\n", message.c_str());
    return 1;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App cli{"Loyalty kiosk: the in-store loyalty terminal"};
    std::string windowed;
    std::string assets;
    std::string programFile;
    std::vector<std::string> languages{"en", "es"};
    ui::KioskWindowOptions options;
    cli.add_option("--windowed", windowed, "Run in a window of this size instead of fullscreen, e.g. 1280x800");
    cli.add_option("--screenshot", options.screenshotPath, "Write a PNG of the first settled frame here and exit");
    cli.add_option("--assets", assets, "Directory with program.toml, i18n/ and fonts (default: installed assets)");
    cli.add_option("--program", programFile, "Programme file (default: ASSETS/program.toml)");
    cli.add_option("--languages", languages, "Languages offered, first is the default")->delimiter(',');
    cli.add_option("--dpi", options.dpi, "Pixel density of the panel; sizes touch targets")->check(CLI::Range(50.0, 600.0));
    cli.add_flag("--high-contrast", options.highContrast, "High-contrast theme");
    cli.add_flag("--continuous", options.continuous, "Draw every frame (benchmark baseline only)");
    cli.set_version_flag("--version", KIOSK_VERSION);
    CLI11_PARSE(cli, argc, argv);

    if (!windowed.empty()) {
        options.window.fullscreen = false;
        if (!parseSize(windowed, options.window.width, options.window.height)) {
            return fail("--windowed takes WIDTHxHEIGHT between 320x240 and 7680x4320, got '" + windowed + "'");
        }
    }
    const std::string assetDir = findAssets(assets);
    if (programFile.empty()) {
        programFile = assetDir + "/program.toml";
    }
    auto program = config::ProgramLoader::loadFile(programFile);
    if (!program) {
        return fail("the programme file is not valid: " + program.error().describe());
    }
    std::vector<config::Catalog> catalogues;
    for (const auto& language : languages) {
        auto catalogue = config::Catalog::loadFile(assetDir + "/i18n/" + language + ".toml", language);
        if (!catalogue) {
            return fail("language '" + language + "': " + catalogue.error().describe());
        }
        catalogues.push_back(std::move(catalogue.value()));
    }
    if (catalogues.empty()) {
        return fail("--languages names no language");
    }

    options.window.title = program->name;
    options.faces = ui::FontSet::findFaces({
        {assetDir + "/fonts/regular.otf", assetDir + "/fonts/bold.otf"},
        {"/usr/share/fonts/opentype/inter/Inter-Regular.otf", "/usr/share/fonts/opentype/inter/Inter-SemiBold.otf"},
        {"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"},
    });

    kiosk::KioskFlow flow(program->name, std::move(catalogues));
    auto window = ui::KioskWindow::create(options, flow);
    if (!window) {
        return fail(window.error());
    }
    return window.value()->run();
}
