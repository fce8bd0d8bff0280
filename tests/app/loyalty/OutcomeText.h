#pragma once
// Test helper: an Expected<T, Refusal> as text, "ok" or the refusal's stable
// code name ("insufficient_points"), so a failing STRCMP_EQUAL shows what
// the rules actually said.

#include <string>

#include "loyalty/Expected.h"
#include "loyalty/Refusal.h"

namespace loyalty::test {

template <class T>
std::string outcome(const Expected<T, Refusal>& result) {
    return result.hasValue() ? std::string("ok") : std::string(refusalCodeName(result.error().code));
}

inline std::string codeText(RefusalCode code) {
    return std::string(refusalCodeName(code));
}

}  // namespace loyalty::test
