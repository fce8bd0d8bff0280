#pragma once
// Frame time per screen: runs kiosk-tour (app/tour) with --continuous
// --hold-frames N so it draws N frames of every screen back to back, and
// takes the t_ms deltas between consecutive frames of the same screen in its
// --ui-trace. Xvfb has no vsync, so a delta is what building, rendering
// (Mesa llvmpipe) and presenting one frame costs.

#include <map>
#include <string>
#include <vector>

namespace kioskbench {

struct TourFrames {
    std::string error;    // empty when the tour ran
    std::map<std::string, std::vector<double>> frameMs;  // by screen name, in first-seen order of names
    std::vector<std::string> order;
};

TourFrames runTour(const std::string& tour, const std::string& display, const std::string& dir, int holdFrames);

}  // namespace kioskbench
