#include "headoffice/EarnedWindow.h"

#include <algorithm>

#include "headoffice/CalendarDay.h"

namespace headoffice {

EarnedWindow EarnedWindow::endingAt(std::int64_t nowMs) {
    const std::int64_t today = CalendarDay::utcDay(nowMs);
    EarnedWindow window;
    window.from_ = CalendarDay::text(today - kDaysBack);
    window.through_ = CalendarDay::text(today + kDaysAhead);
    return window;
}

void EarnedWindow::add(std::vector<EarnedDay>& history, const std::string& day, std::int64_t points) const {
    if (!contains(day) || points == 0) {
        return;
    }
    auto at = std::lower_bound(history.begin(), history.end(), day,
                               [](const EarnedDay& entry, const std::string& d) { return entry.day < d; });
    if (at != history.end() && at->day == day) {
        at->points += points;
        if (at->points <= 0) {
            history.erase(at);
        }
    } else if (points > 0) {
        history.insert(at, EarnedDay{day, points});
    }
}

std::vector<EarnedDay> EarnedWindow::within(const std::vector<EarnedDay>& history) const {
    std::vector<EarnedDay> inside;
    for (const EarnedDay& entry : history) {
        if (contains(entry.day)) {
            inside.push_back(entry);
        }
    }
    std::stable_sort(inside.begin(), inside.end(),
                     [](const EarnedDay& a, const EarnedDay& b) { return a.day < b.day; });
    std::vector<EarnedDay> merged;
    for (const EarnedDay& entry : inside) {
        if (!merged.empty() && merged.back().day == entry.day) {
            merged.back().points += entry.points;
        } else {
            merged.push_back(entry);
        }
    }
    merged.erase(std::remove_if(merged.begin(), merged.end(), [](const EarnedDay& e) { return e.points <= 0; }),
                 merged.end());
    return merged;
}

}  // namespace headoffice
