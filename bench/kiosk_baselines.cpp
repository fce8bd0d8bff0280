#include "kiosk_baselines.h"

#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>
#include <thread>
#include <vector>

#include "kiosk_process.h"
#include "support/ChildProcess.h"

namespace kioskbench {
namespace {

// The first executable `name` on $PATH, or "".
std::string onPath(const std::string& name) {
    const char* path = std::getenv("PATH");
    std::istringstream dirs(path ? path : "/usr/bin:/bin");
    std::string dir;
    while (std::getline(dirs, dir, ':')) {
        const std::string candidate = (dir.empty() ? "." : dir) + "/" + name;
        if (access(candidate.c_str(), X_OK) == 0) {
            return candidate;
        }
    }
    return {};
}

// Processes whose command line mentions `text` (Chromium's crashpad handler
// is not a descendant of the browser but names the profile directory).
std::vector<pid_t> processesMentioning(const std::string& text) {
    std::vector<pid_t> found;
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator("/proc", error)) {
        const std::string name = entry.path().filename().string();
        if (name.empty() || name.find_first_not_of("0123456789") != std::string::npos) {
            continue;
        }
        std::ifstream in(entry.path() / "cmdline", std::ios::binary);
        const std::string cmdline((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        if (cmdline.find(text) != std::string::npos) {
            found.push_back(static_cast<pid_t>(std::stol(name)));
        }
    }
    return found;
}

}  // namespace

BaselinePss emptyWindowPss(const std::string& display, const std::string& dir, int settleSeconds) {
    BaselinePss result;
    testsupport::ChildProcess window({EMPTY_WINDOW_BINARY}, {{"DISPLAY", display}, {"SDL_VIDEODRIVER", "x11"}},
                                     dir + "/empty-window.log");
    std::this_thread::sleep_for(std::chrono::seconds(settleSeconds));
    if (window.wait(0)) {
        result.note = "the empty window exited: " + window.stderrText();
        return result;
    }
    const auto tree = treePss(window.pid());
    result.kb = tree.kb;
    result.memory = tree.memory;
    result.processes = tree.processes;
    result.note = window.stderrText();
    while (!result.note.empty() && result.note.back() == '\n') {
        result.note.pop_back();
    }
    window.terminate();
    return result;
}

BaselinePss chromiumPss(const std::string& display, const std::string& dir, int settleSeconds) {
    BaselinePss result;
    const std::string chromium = onPath("chromium");
    if (chromium.empty()) {
        result.note = "chromium is not installed: sudo apt-get install chromium (scripts/bench does it when run as root)";
        return result;
    }
    // As it would run in a shop: kiosk mode, defaults otherwise (under Xvfb it
    // finds no GPU and falls back to software rendering by itself). No
    // sandbox: this may run as root in a container, where Chromium refuses it.
    testsupport::ChildProcess browser(
        {chromium, "--kiosk", "--no-sandbox", "--user-data-dir=" + dir + "/chromium-profile", "--no-first-run",
         "--no-default-browser-check", "--password-store=basic", "--disable-background-networking",
         "--window-size=1280,800", "--window-position=0,0", std::string("file://") + MEMBER_HTML},
        {{"DISPLAY", display}}, dir + "/chromium.log");
    std::this_thread::sleep_for(std::chrono::seconds(settleSeconds));
    if (browser.wait(0)) {
        result.note = "chromium exited early; its log is " + dir + "/chromium.log";
        return result;
    }
    const std::string profile = dir + "/chromium-profile";
    std::set<pid_t> processes;
    for (const pid_t pid : processTree(browser.pid())) {
        processes.insert(pid);
    }
    for (const pid_t pid : processesMentioning(profile)) {
        processes.insert(pid);
    }
    long total = 0;
    for (const pid_t pid : processes) {
        if (const auto memory = memoryKb(pid)) {
            total += memory->pss;
            result.memory += *memory;
            ++result.processes;
        }
    }
    result.kb = total;
    result.note = chromium;
    browser.terminate();
    // Whatever of it outlived the browser (this run's processes only, by pid).
    std::this_thread::sleep_for(std::chrono::seconds(1));
    for (const pid_t pid : processesMentioning(profile)) {
        kill(pid, SIGKILL);
    }
    return result;
}

}  // namespace kioskbench
