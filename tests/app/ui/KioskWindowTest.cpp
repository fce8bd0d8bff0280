// Starts the real kiosk binary on a real X server (Xvfb, Mesa's software GL)
// and checks what it draws.
#include <algorithm>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "support/ChildProcess.h"
#include "support/PngImage.h"
#include "support/TempDir.h"
#include "support/XvfbServer.h"

// CppUTest last: its memory-leak macros redefine new.
#include <CppUTest/TestHarness.h>

namespace {

constexpr int kStartTimeoutMs = 60000;

struct Run {
    std::optional<int> exitCode;
    std::string log;
};

Run runKiosk(const std::string& display, const std::vector<std::string>& extraArgs, const std::string& logPath) {
    std::vector<std::string> argv{KIOSK_BINARY, "--assets", KIOSK_SOURCE_ASSETS};
    if (std::find(extraArgs.begin(), extraArgs.end(), "--database") == extraArgs.end()) {
        argv.insert(argv.end(), {"--database", logPath.substr(0, logPath.rfind('/')) + "/kiosk.db"});
    }
    argv.insert(argv.end(), extraArgs.begin(), extraArgs.end());
    testsupport::ChildProcess child(argv, {{"DISPLAY", display}, {"SDL_VIDEODRIVER", "x11"}}, logPath);
    Run run;
    run.exitCode = child.wait(kStartTimeoutMs);
    if (!run.exitCode) {
        child.terminate();
    }
    run.log = child.stderrText();
    return run;
}

}  // namespace

TEST_GROUP(KioskWindow) {
    std::unique_ptr<testsupport::XvfbServer> xvfb;
    std::unique_ptr<testsupport::TempDir> dir;

    void setup() override {
        xvfb = std::make_unique<testsupport::XvfbServer>(1280, 800);
        dir = std::make_unique<testsupport::TempDir>("kiosk-ui");
        if (!xvfb->running()) {
            FAIL(xvfb->error().c_str());
        }
    }
    void teardown() override {
        dir.reset();
        xvfb.reset();
    }

    testsupport::PngImage screenshot(const std::string& name, std::vector<std::string> args) {
        const std::string png = dir->file(name + ".png");
        args.insert(args.end(), {"--screenshot", png});
        const Run run = runKiosk(xvfb->display(), args, dir->file(name + ".log"));
        if (!run.exitCode || *run.exitCode != 0) {
            FAIL(("kiosk did not exit cleanly; its output:\n" + run.log).c_str());
        }
        return testsupport::PngImage::load(png);
    }
};

TEST(KioskWindow, AttractScreenIsTheRequestedSizeAndNotBlank) {
    const auto image = screenshot("attract", {"--windowed", "1280x800"});
    LONGS_EQUAL(1280, image.width);
    LONGS_EQUAL(800, image.height);
    // Text and the illustration: antialiased glyphs give many colours, and a
    // real share of the screen is not background.
    CHECK_COMPARE(image.distinctColours(), >, 50u);
    CHECK_COMPARE(image.nonBackgroundShare(), >, 0.03);
    CHECK_COMPARE(image.nonBackgroundShare(), <, 0.6);
}

TEST(KioskWindow, SmallPanelIsDrawnAtItsOwnSize) {
    const auto image = screenshot("attract-small", {"--windowed", "800x480"});
    LONGS_EQUAL(800, image.width);
    LONGS_EQUAL(480, image.height);
    CHECK_COMPARE(image.nonBackgroundShare(), >, 0.03);
}

TEST(KioskWindow, SpanishTextsDifferFromEnglish) {
    const auto english = screenshot("attract-en", {"--windowed", "1280x800", "--languages", "en,es"});
    const auto spanish = screenshot("attract-es", {"--windowed", "1280x800", "--languages", "es,en"});
    // Same layout and illustration, different words: some pixels change, most do not.
    CHECK_COMPARE(english.differenceShare(spanish), >, 0.005);
    CHECK_COMPARE(english.differenceShare(spanish), <, 0.5);
}

TEST(KioskWindow, HighContrastThemeUsesABlackBackground) {
    const auto image = screenshot("attract-hc", {"--windowed", "1280x800", "--high-contrast"});
    LONGS_EQUAL(0x000000, image.at(5, 400));
    CHECK_COMPARE(image.nonBackgroundShare(), >, 0.03);
}

TEST(KioskWindow, ABrokenProgrammeFileStopsStartUpWithFileAndLine) {
    const std::string broken = dir->file("program.toml");
    FILE* out = fopen(broken.c_str(), "w");
    CHECK(out != nullptr);
    fputs("[program]\nname = \"Broken\"\ncurrency = \"EUR\"\n\n[[tiers]]\nid = \"bronze\"\nname = ", out);
    fclose(out);
    const Run run = runKiosk(xvfb->display(), {"--windowed", "1280x800", "--program", broken}, dir->file("broken.log"));
    CHECK(run.exitCode.has_value());
    LONGS_EQUAL(1, *run.exitCode);
    STRCMP_CONTAINS((broken + ":7:").c_str(), run.log.c_str());
}

TEST(KioskWindow, StartUpLogsHowTheDatabaseRuns) {
    const Run run = runKiosk(xvfb->display(), {"--windowed", "800x480", "--screenshot", dir->file("db.png")},
                             dir->file("db.log"));
    CHECK(run.exitCode.has_value());
    LONGS_EQUAL(0, *run.exitCode);
    STRCMP_CONTAINS("journal_mode=wal synchronous=FULL", run.log.c_str());
}

TEST(KioskWindow, ADatabaseThatCannotBeOpenedStopsStartUpNamingTheFile) {
    const Run run = runKiosk(xvfb->display(), {"--windowed", "800x480", "--database", "/nonexistent/dir/kiosk.db"},
                             dir->file("nodb.log"));
    CHECK(run.exitCode.has_value());
    LONGS_EQUAL(1, *run.exitCode);
    STRCMP_CONTAINS("/nonexistent/dir/kiosk.db", run.log.c_str());
}

TEST(KioskWindow, ABadWindowSizeIsRefusedWithAMessage) {
    const Run run = runKiosk(xvfb->display(), {"--windowed", "huge"}, dir->file("size.log"));
    CHECK(run.exitCode.has_value());
    LONGS_EQUAL(1, *run.exitCode);
    STRCMP_CONTAINS("--windowed takes WIDTHxHEIGHT", run.log.c_str());
}
