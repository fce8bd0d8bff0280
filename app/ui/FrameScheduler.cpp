#include "ui/FrameScheduler.h"

#include <algorithm>

namespace ui {

int FrameScheduler::waitTimeoutMs(std::int64_t msUntilNextDeadline) const {
    if (shouldDraw()) {
        return 0;
    }
    const std::int64_t wait = std::clamp<std::int64_t>(msUntilNextDeadline, 0, kMaxIdleWaitMs);
    return static_cast<int>(wait);
}

}  // namespace ui
