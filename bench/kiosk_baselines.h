#pragma once
// The memory baselines the kiosk is compared with, on the same X server and
// Mesa driver: an empty SDL2 + OpenGL ES 2 window (empty_window.cpp: the
// floor any GLES window pays, llvmpipe's ~80 MB included) and Chromium in
// kiosk mode showing an equivalent member screen (member.html), PSS summed
// over all its processes.

#include <cstddef>
#include <optional>
#include <string>

#include "kiosk_process.h"

namespace kioskbench {

struct BaselinePss {
    std::optional<long> kb;      // PSS; nullopt: not measured (see note)
    Memory memory;
    std::size_t processes = 0;
    std::string note;            // why not, or what ran
};

BaselinePss emptyWindowPss(const std::string& display, const std::string& dir, int settleSeconds);
BaselinePss chromiumPss(const std::string& display, const std::string& dir, int settleSeconds);

}  // namespace kioskbench
