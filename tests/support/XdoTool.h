#pragma once
// Real X input for UI tests: runs /usr/bin/xdotool (XTEST) against a display,
// so the program under test receives the same pointer events a touchscreen's
// driver would send, not events pushed into its own queue.

#include <optional>
#include <string>
#include <vector>

namespace testsupport {

struct WindowOrigin {
    int x = 0;
    int y = 0;
};

class XdoTool {
public:
    // display: ":99"; scratchDir: where each run's output is kept (the last
    // one stays there for failure messages).
    XdoTool(std::string display, std::string scratchDir);

    static bool available();

    // Where the visible top-level window of this class (WM_CLASS instance
    // name: SDL uses the program's name) is on the screen, or nullopt
    // (error() says why).
    std::optional<WindowOrigin> windowOrigin(const std::string& className);
    // Moves the pointer to (x, y) in screen pixels and clicks the left button.
    bool click(int x, int y);

    const std::string& error() const { return error_; }

private:
    std::optional<std::string> run(const std::vector<std::string>& args);

    std::string display_;
    std::string outputPath_;
    std::string error_;
};

}  // namespace testsupport
