#include "loyalty/CheckedMath.h"

#include <limits>
#include <string>

namespace loyalty {

namespace {
__extension__ typedef __int128 Int128;
}  // namespace

std::optional<std::int64_t> checkedAdd(std::int64_t a, std::int64_t b) {
    std::int64_t result = 0;
    if (__builtin_add_overflow(a, b, &result)) {
        return std::nullopt;
    }
    return result;
}

std::optional<std::int64_t> checkedSub(std::int64_t a, std::int64_t b) {
    std::int64_t result = 0;
    if (__builtin_sub_overflow(a, b, &result)) {
        return std::nullopt;
    }
    return result;
}

std::optional<std::int64_t> checkedMul(std::int64_t a, std::int64_t b) {
    std::int64_t result = 0;
    if (__builtin_mul_overflow(a, b, &result)) {
        return std::nullopt;
    }
    return result;
}

std::optional<std::int64_t> checkedNeg(std::int64_t a) {
    return checkedSub(0, a);
}

std::optional<std::int64_t> mulDivFloor(std::int64_t a, std::int64_t b, std::int64_t divisor) {
    if (divisor <= 0) {
        return std::nullopt;
    }
    // |a * b| < 2^126 always fits in 128 bits.
    const Int128 product = static_cast<Int128>(a) * static_cast<Int128>(b);
    Int128 quotient = product / divisor;
    if (product % divisor != 0 && product < 0) {
        --quotient;  // C++ division truncates towards zero; we want the floor
    }
    if (quotient > std::numeric_limits<std::int64_t>::max() ||
        quotient < std::numeric_limits<std::int64_t>::min()) {
        return std::nullopt;
    }
    return static_cast<std::int64_t>(quotient);
}

std::optional<std::int64_t> applyPercent(std::int64_t value, std::int64_t percent) {
    return mulDivFloor(value, percent, 100);
}

std::int64_t floorDiv(std::int64_t value, std::int64_t divisor) {
    const std::int64_t quotient = value / divisor;
    return (value % divisor != 0 && value < 0) ? quotient - 1 : quotient;
}

std::int64_t floorMod(std::int64_t value, std::int64_t divisor) {
    const std::int64_t remainder = value % divisor;
    return remainder < 0 ? remainder + divisor : remainder;
}

Refusal overflowRefusal(std::string_view what) {
    return Refusal{RefusalCode::Overflow, std::string(what) + " is too large."};
}

}  // namespace loyalty
