#pragma once
// Stamp cards: buy N get one free, per product family. Stamps are collected
// per member (not per physical card), like points.

#include <cstdint>
#include <string>

#include "loyalty/Event.h"
#include "loyalty/Expected.h"
#include "loyalty/MemberState.h"
#include "loyalty/Program.h"
#include "loyalty/Refusal.h"

namespace loyalty {

struct StampProgress {
    std::int32_t held = 0;      // stamps collected towards the next free item
    std::int32_t required = 0;  // N
    friend bool operator==(const StampProgress&, const StampProgress&) = default;
};

class StampRules {
public:
    // Most stamps one transaction may add; more is taken as a keying error.
    static constexpr std::int32_t kMaxStampsPerTransaction = 100;

    explicit StampRules(const Program& program) : program_(program) {}

    // Adds `count` stamps. Checks, in this order, the first failure wins:
    //   MemberBlocked, CardNotActive, UnknownStampCard (also a card with
    //   stampsRequired <= 0), InvalidAmount (count <= 0 or
    //   > kMaxStampsPerTransaction), VelocityHeld (managerOverride releases).
    // Events: one Stamp event with stamps = count (reason "Stamp added: <card
    // name>" or "N stamps added: <card name>"), then, for every N stamps
    // reached, one Stamp event with stamps = -N and reason "Free item earned:
    // <reward name>" (the free item is handed over with this purchase). Stamps
    // beyond a multiple of N stay on the card. No points move.
    Expected<Decision, Refusal> stamp(const MemberState& member, const CardState& card,
                                      const std::string& stampCardId, std::int32_t count,
                                      const std::string& staffId, bool managerOverride,
                                      const Instant& now) const;

    // Stamps held towards the next free item, or UnknownStampCard. A negative
    // count in the member state (a bookkeeping error) reads as 0.
    Expected<StampProgress, Refusal> progress(const MemberState& member,
                                              const std::string& stampCardId) const;

private:
    const Program& program_;
};

}  // namespace loyalty
