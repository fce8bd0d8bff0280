#include "kiosk_frames.h"

#include <algorithm>

#include "kiosk_process.h"
#include "support/ChildProcess.h"

namespace kioskbench {

TourFrames runTour(const std::string& tour, const std::string& display, const std::string& dir, int holdFrames) {
    TourFrames result;
    const std::string trace = dir + "/tour-trace.jsonl";
    const auto exit = testsupport::ChildProcess::run(
        {tour, "--assets", KIOSK_SOURCE_ASSETS, "--windowed", "1280x800", "--continuous", "--hold-frames",
         std::to_string(holdFrames), "--ui-trace", trace},
        {{"DISPLAY", display}, {"SDL_VIDEODRIVER", "x11"}, {"KIOSK_HEAD_OFFICE", ""}}, dir + "/tour.log", 600000);
    if (!exit || *exit != 0) {
        result.error = "kiosk-tour " + (exit ? "exited with " + std::to_string(*exit) : std::string("timed out")) +
                       "; its log is " + dir + "/tour.log";
        return result;
    }
    const auto frames = readTrace(trace);
    for (std::size_t i = 1; i < frames.size(); ++i) {
        const auto& previous = frames[i - 1];
        const auto& frame = frames[i];
        if (frame.screen != previous.screen || !frame.tMs || !previous.tMs) {
            continue;  // the first frame of a screen includes the step's switch
        }
        if (std::find(result.order.begin(), result.order.end(), frame.screen) == result.order.end()) {
            result.order.push_back(frame.screen);
        }
        result.frameMs[frame.screen].push_back(*frame.tMs - *previous.tMs);
    }
    if (result.order.empty()) {
        result.error = "the tour's trace " + trace + " holds no consecutive frames of one screen";
    }
    return result;
}

}  // namespace kioskbench
