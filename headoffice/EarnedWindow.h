#pragma once
// The days of earning history a member record carries as "earned"
// (docs/sync-protocol.md, "Kinds and their data"): with D head office's UTC
// day when it writes the record, every day from D - 366 through D + 1.
// Kiosks count the points earned over the last 12 months of their own
// shop-local day (loyalty::TierCalculator: at most 366 days back); the day
// either side covers shops west and east of UTC. Days are YYYY-MM-DD, so
// they compare as text.

#include <cstdint>
#include <string>
#include <vector>

#include "headoffice/Records.h"

namespace headoffice {

class EarnedWindow {
public:
    static constexpr std::int64_t kDaysBack = 366;
    static constexpr std::int64_t kDaysAhead = 1;

    EarnedWindow() = default;  // empty: reads and holds no history
    static EarnedWindow endingAt(std::int64_t nowMs);

    bool empty() const { return from_.empty(); }
    const std::string& from() const { return from_; }
    const std::string& through() const { return through_; }
    bool contains(const std::string& day) const { return !empty() && day >= from_ && day <= through_; }

    // Adds `points` to `day` of a history (days ascending, points > 0) when
    // the day is inside the window; a day that falls to 0 or below is left out.
    void add(std::vector<EarnedDay>& history, const std::string& day, std::int64_t points) const;
    // The days of `history` inside the window, merged by day, ascending, points > 0.
    std::vector<EarnedDay> within(const std::vector<EarnedDay>& history) const;

private:
    std::string from_;
    std::string through_;
};

}  // namespace headoffice
