#include "services/LogRing.h"

#include <cstdio>
#include <ctime>

namespace services {

void LogRing::add(const std::string& line) {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    char stamp[16];
    std::strftime(stamp, sizeof stamp, "%H:%M:%S", &local);
    const std::string stamped = std::string(stamp) + " " + line;
    if (echo_) {
        std::fprintf(stderr, "loyalty-kiosk: %s\n", line.c_str());
    }
    std::lock_guard lock(mutex_);
    lines_.push_back(stamped);
    while (lines_.size() > capacity_) {
        lines_.pop_front();
    }
}

std::vector<std::string> LogRing::lines() const {
    std::lock_guard lock(mutex_);
    return {lines_.begin(), lines_.end()};
}

}  // namespace services
