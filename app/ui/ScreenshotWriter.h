#pragma once
// Reads back the frame just rendered (before it is presented) and writes it
// as a PNG. Used by --screenshot, the UI tests and the demo.

#include <string>

namespace ui {

class ScreenshotWriter {
public:
    // Returns an error message, empty on success. The file is written to a
    // temporary name and renamed, so a reader never sees half a PNG.
    static std::string capture(int width, int height, const std::string& path);
};

}  // namespace ui
