#pragma once
// Tier qualification: a member's tier comes from points *earned* over the
// rolling qualification window (TierPolicy::qualificationMonths), never from
// the current balance.

#include <optional>

#include "loyalty/MemberState.h"
#include "loyalty/Program.h"

namespace loyalty {

struct TierStatus {
    const Tier* current = nullptr;     // never null for a valid programme (lowest tier has threshold 0)
    const Tier* next = nullptr;        // null at the top tier
    Points earnedInWindow = 0;         // earned within the window ending today (inclusive)
    Points pointsToNext = 0;           // 0 at the top tier
    // Progress towards the next tier in per-mille (0..1000) between the
    // current tier's threshold and the next one's; 1000 at the top tier.
    int progressPerMille = 1000;
};

class TierCalculator {
public:
    explicit TierCalculator(const Program& program) : program_(program) {}
    TierStatus status(const MemberState& member, const Instant& now) const;

private:
    const Program& program_;
};

}  // namespace loyalty
