#pragma once
// A real X server (Xvfb) on a display number it picks itself (-displayfd), for
// UI tests and benchmarks on machines without a screen. Stopped on
// destruction.

#include <sys/types.h>

#include <string>

namespace testsupport {

class XvfbServer {
public:
    XvfbServer(int width, int height);
    ~XvfbServer();
    XvfbServer(const XvfbServer&) = delete;
    XvfbServer& operator=(const XvfbServer&) = delete;

    bool running() const { return !display_.empty(); }
    const std::string& display() const { return display_; }  // ":99"
    const std::string& error() const { return error_; }

private:
    pid_t pid_ = -1;
    std::string display_;
    std::string error_;
};

}  // namespace testsupport
