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
#include "storage/KioskIdentity.h"
#include "storage/KioskStore.h"
#include "ui/KioskWindow.h"

namespace {

constexpr const char* kInstalledAssets = "/usr/share/loyalty-kiosk";
constexpr const char* kDefaultDatabase = "/var/lib/loyalty-kiosk/kiosk.db";

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

// Opens the ledger (quick check, migrations), provisions the kiosk id on
// first start, and logs how the database runs. A database that cannot be
// opened stops the kiosk with the store's message (file and recovery).
loyalty::Expected<storage::KioskStore, std::string> openStore(const std::string& path, const std::string& kioskId) {
    auto store = storage::KioskStore::open({path});
    if (!store) {
        return loyalty::unexpected(store.error().message);
    }
    auto& db = store->database();
    const auto level = db.synchronousLevel();
    const auto journal = db.queryText("PRAGMA journal_mode");
    std::fprintf(stderr, "loyalty-kiosk: database %s: journal_mode=%s synchronous=%s schema=%d%s%s\n", path.c_str(),
                 journal ? journal->c_str() : "?",
                 level ? storage::Database::synchronousName(level.value()).c_str() : "?", store->schemaVersion(),
                 store->degraded() ? ", READ-ONLY: " : "", store->readOnlyReason().c_str());
    if (!kioskId.empty() && !store->readOnly()) {
        if (auto provisioned = storage::KioskIdentity(db).provision(kioskId, 0); !provisioned) {
            return loyalty::unexpected(provisioned.error().message);
        }
    }
    return std::move(store.value());
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App cli{"Loyalty kiosk: the in-store loyalty terminal"};
    std::string windowed;
    std::string assets;
    std::string programFile;
    std::string database;
    std::string kioskId;
    std::vector<std::string> languages{"en", "es"};
    ui::KioskWindowOptions options;
    cli.add_option("--windowed", windowed, "Run in a window of this size instead of fullscreen, e.g. 1280x800");
    cli.add_option("--screenshot", options.screenshotPath, "Write a PNG of the first settled frame here and exit");
    cli.add_option("--assets", assets, "Directory with program.toml, i18n/ and fonts (default: installed assets)");
    cli.add_option("--program", programFile, "Programme file (default: ASSETS/program.toml)");
    cli.add_option("--database", database, "The kiosk's SQLite ledger (default: $KIOSK_DATABASE, else /var/lib/loyalty-kiosk/kiosk.db)");
    cli.add_option("--kiosk-id", kioskId, "Provision this kiosk id on first start (1-64 of A-Z a-z 0-9 . _ -)");
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

    if (database.empty()) {
        const char* fromEnvironment = std::getenv("KIOSK_DATABASE");
        database = fromEnvironment && *fromEnvironment ? fromEnvironment : kDefaultDatabase;
    }
    auto store = openStore(database, kioskId);
    if (!store) {
        return fail(store.error());
    }

    options.window.title = program->name;
    options.faces = ui::FontSet::findFaces({
        {assetDir + "/fonts/regular.otf", assetDir + "/fonts/bold.otf"},
        {"/usr/share/fonts/opentype/inter/Inter-Regular.otf", "/usr/share/fonts/opentype/inter/Inter-SemiBold.otf"},
        {"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"},
    });

    kiosk::KioskFlow flow(*program, std::move(catalogues));
    auto window = ui::KioskWindow::create(options, flow);
    if (!window) {
        return fail(window.error());
    }
    return window.value()->run();
}
