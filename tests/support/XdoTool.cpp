#include "support/XdoTool.h"

#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <vector>

#include "support/ChildProcess.h"

namespace testsupport {
namespace {

constexpr const char* kXdotool = "/usr/bin/xdotool";
constexpr int kRunTimeoutMs = 30000;  // generous: a loaded machine

std::string joined(const std::vector<std::string>& words) {
    std::string text;
    for (const auto& word : words) {
        text += (text.empty() ? "" : " ") + word;
    }
    return text;
}

}  // namespace

XdoTool::XdoTool(std::string display, std::string scratchDir)
    : display_(std::move(display)), outputPath_(std::move(scratchDir) + "/xdotool.out") {}

bool XdoTool::available() { return access(kXdotool, X_OK) == 0; }

std::optional<std::string> XdoTool::run(const std::vector<std::string>& args) {
    std::vector<std::string> argv{kXdotool};
    argv.insert(argv.end(), args.begin(), args.end());
    const auto code = ChildProcess::run(argv, {{"DISPLAY", display_}}, outputPath_, kRunTimeoutMs);
    std::ifstream in(outputPath_);
    std::ostringstream output;
    output << in.rdbuf();
    if (!code || *code != 0) {
        error_ = "xdotool " + joined(args) + (code ? " exited with " + std::to_string(*code) : std::string(" timed out")) +
                 ": " + output.str();
        return std::nullopt;
    }
    return output.str();
}

std::optional<WindowOrigin> XdoTool::windowOrigin(const std::string& className) {
    // "search" takes a regular expression (class names have no special
    // characters). Prints e.g. "Window 2097154\n  Position: 0,0 (screen: 0)\n
    // Geometry: 1280x800".
    auto output = run({"search", "--onlyvisible", "--classname", "^" + className + "$", "getwindowgeometry"});
    if (!output) {
        return std::nullopt;
    }
    const auto at = output->find("Position:");
    WindowOrigin origin;
    if (at == std::string::npos ||
        std::sscanf(output->c_str() + at, "Position: %d,%d", &origin.x, &origin.y) != 2) {
        error_ = "no window position in xdotool's answer: " + *output;
        return std::nullopt;
    }
    return origin;
}

bool XdoTool::click(int x, int y) {
    return run({"mousemove", "--sync", std::to_string(x), std::to_string(y), "click", "1"}).has_value();
}

}  // namespace testsupport
