// Runs kiosk-tour (the real window and flow driven through every screen with
// demo data) at the small panel's 800x480 under Xvfb, in English and in
// Spanish, and checks what it drew: every screen, each language's own words,
// no untranslated catalogue key, and one screenshot per step.
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <memory>
#include <optional>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "config/Catalog.h"
#include "kiosk/ViewModels.h"
#include "support/ChildProcess.h"
#include "support/PngImage.h"
#include "support/TempDir.h"
#include "support/XvfbServer.h"

// CppUTest last: its memory-leak macros redefine new.
#include <CppUTest/TestHarness.h>

namespace {

constexpr int kTourTimeoutMs = 240000;  // llvmpipe on a shared machine: generous, not a timing assertion

struct TourRun {
    std::optional<int> exitCode;
    std::string log;
    std::map<std::string, std::vector<std::string>> textsByScreen;  // every text drawn, per screen name
    std::string shotsDir;
    std::vector<std::string> pngs;                                  // file names, sorted
};

std::vector<std::string> pngsIn(const std::string& dir) {
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        if (entry.path().extension() == ".png") {
            names.push_back(entry.path().filename().string());
        }
    }
    std::sort(names.begin(), names.end());
    return names;
}

TourRun runTour(const std::string& display, const testsupport::TempDir& dir, const std::string& languages) {
    const std::string shots = dir.file("screens-" + languages);
    const std::string trace = dir.file("trace-" + languages + ".jsonl");
    testsupport::ChildProcess child({KIOSK_TOUR_BINARY, "--assets", KIOSK_SOURCE_ASSETS, "--windowed", "800x480",
                                     "--languages", languages, "--screenshot-dir", shots, "--ui-trace", trace},
                                    {{"DISPLAY", display}, {"SDL_VIDEODRIVER", "x11"}}, dir.file("tour-" + languages + ".log"));
    TourRun run;
    run.shotsDir = shots;
    run.exitCode = child.wait(kTourTimeoutMs);
    if (!run.exitCode) {
        child.terminate();
    }
    run.log = child.stderrText();
    std::ifstream in(trace);
    std::string line;
    while (std::getline(in, line)) {
        const auto frame = nlohmann::json::parse(line, nullptr, false);
        if (frame.is_discarded() || !frame.contains("screen")) {
            continue;
        }
        auto& texts = run.textsByScreen[frame["screen"].get<std::string>()];
        for (const auto& text : frame.value("texts", nlohmann::json::array())) {
            texts.push_back(text.get<std::string>());
        }
    }
    if (std::filesystem::is_directory(shots)) {
        run.pngs = pngsIn(shots);
    }
    return run;
}

bool anyContains(const std::vector<std::string>& texts, const std::string& wanted) {
    return std::any_of(texts.begin(), texts.end(), [&](const std::string& text) { return text.find(wanted) != std::string::npos; });
}

config::Catalog catalogue(const std::string& language) {
    auto loaded = config::Catalog::loadFile(std::string(KIOSK_SOURCE_ASSETS) + "/i18n/" + language + ".toml", language);
    if (!loaded) {
        FAIL(("cannot load the " + language + " catalogue").c_str());
    }
    return loaded.value();
}

}  // namespace

TEST_GROUP(ScreenTour) {
    std::unique_ptr<testsupport::XvfbServer> xvfb;
    std::unique_ptr<testsupport::TempDir> dir;

    void setup() override {
        xvfb = std::make_unique<testsupport::XvfbServer>(800, 480);
        dir = std::make_unique<testsupport::TempDir>("kiosk-tour");
        if (!xvfb->running()) {
            FAIL(xvfb->error().c_str());
        }
    }
    void teardown() override {
        dir.reset();
        xvfb.reset();
    }

    TourRun tour(const std::string& languages) {
        TourRun run = runTour(xvfb->display(), *dir, languages);
        if (!run.exitCode || *run.exitCode != 0) {
            FAIL(("kiosk-tour did not finish cleanly; its output:\n" + run.log).c_str());
        }
        return run;
    }

    // Every screen drawn, no "[missing.key]", one 800x480 PNG per step.
    void checkComplete(const TourRun& run) {
        for (int id = 0; id <= static_cast<int>(kiosk::ScreenId::Technician); ++id) {
            const std::string name = kiosk::screenName(static_cast<kiosk::ScreenId>(id));
            CHECK_TEXT(run.textsByScreen.count(name) == 1, ("the trace never shows the screen " + name).c_str());
        }
        for (const auto& [screen, texts] : run.textsByScreen) {
            for (const auto& text : texts) {
                CHECK_TEXT(text.find("[missing.") == std::string::npos, (screen + " shows " + text).c_str());
            }
        }
        // "kiosk-tour: 01 attract" per step; the PNGs are 01-attract.png ...
        std::vector<std::string> expected;
        std::size_t at = 0;
        while ((at = run.log.find("kiosk-tour: ", at)) != std::string::npos) {
            at += 12;
            const auto end = run.log.find('\n', at);
            const std::string step = run.log.substr(at, end - at);
            if (step.size() > 3 && std::isdigit(static_cast<unsigned char>(step[0])) && step[2] == ' ' &&
                step.find(' ', 3) == std::string::npos) {
                expected.push_back(step.substr(0, 2) + "-" + step.substr(3) + ".png");
            }
        }
        CHECK_COMPARE(expected.size(), >=, 17u);
        CHECK_TEXT(expected == run.pngs, ("steps and screenshots differ; the tour's output:\n" + run.log).c_str());
        for (const auto& png : run.pngs) {
            const auto image = testsupport::PngImage::load(run.shotsDir + "/" + png);
            CHECK_TEXT(image.width == 800 && image.height == 480, (png + " is not 800x480").c_str());
        }
    }
};

TEST(ScreenTour, EveryScreenInEnglishAt800x480) {
    const TourRun run = tour("en,es");
    checkComplete(run);
    const auto english = catalogue("en");
    const auto& member = run.textsByScreen.at("member");
    CHECK_TEXT(anyContains(member, english.text("member.offers_title")), "the member screen lacks its English offers title");
    CHECK_TEXT(anyContains(member, "Carla"), "the member screen does not greet the demo member");
    CHECK_TEXT(anyContains(run.textsByScreen.at("reward_code"), "R-DE0C0DE5A1E7"), "the reward code is not shown");
}

TEST(ScreenTour, EveryScreenInSpanishAt800x480) {
    const TourRun run = tour("es,en");
    checkComplete(run);
    const auto spanish = catalogue("es");
    const auto english = catalogue("en");
    const auto& member = run.textsByScreen.at("member");
    CHECK_TEXT(spanish.text("member.offers_title") != english.text("member.offers_title"), "the catalogues agree");
    CHECK_TEXT(anyContains(member, spanish.text("member.offers_title")), "the member screen lacks its Spanish offers title");
    CHECK_FALSE(anyContains(member, english.text("member.offers_title")));
    CHECK_TEXT(anyContains(run.textsByScreen.at("staff_menu"), spanish.text("staff_menu.logout")),
               "the staff menu is not in Spanish");
}
