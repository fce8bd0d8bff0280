#pragma once
// Checked 64-bit integer arithmetic for money and points. Every operation that
// could leave the 64-bit range returns nullopt instead of wrapping; callers
// turn that into a RefusalCode::Overflow refusal (overflowRefusal()).

#include <cstdint>
#include <optional>
#include <string_view>

#include "loyalty/Refusal.h"

namespace loyalty {

std::optional<std::int64_t> checkedAdd(std::int64_t a, std::int64_t b);
std::optional<std::int64_t> checkedSub(std::int64_t a, std::int64_t b);
std::optional<std::int64_t> checkedMul(std::int64_t a, std::int64_t b);
std::optional<std::int64_t> checkedNeg(std::int64_t a);

// floor(a * b / divisor) computed without intermediate overflow; nullopt when
// divisor <= 0 or the result does not fit in 64 bits.
std::optional<std::int64_t> mulDivFloor(std::int64_t a, std::int64_t b, std::int64_t divisor);

// floor(value * percent / 100): "multiply by a percentage, rounding down"
// (towards minus infinity, so -1 * 150% = -2).
std::optional<std::int64_t> applyPercent(std::int64_t value, std::int64_t percent);

// Floor division and the matching non-negative remainder, for divisor > 0
// (floorDiv(-1, 86400) == -1, floorMod(-1, 86400) == 86399).
std::int64_t floorDiv(std::int64_t value, std::int64_t divisor);
std::int64_t floorMod(std::int64_t value, std::int64_t divisor);

// The refusal to return when a result would not fit: "<what> is too large."
Refusal overflowRefusal(std::string_view what);

}  // namespace loyalty
