#pragma once
// Byte strings as the simulator passes them around, and hex helpers for
// card files, logs and the stdin console.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nfcsim {

using Bytes = std::vector<std::uint8_t>;

// "04a1 B2:c3" -> {0x04, 0xA1, 0xB2, 0xC3}. Spaces and colons are ignored;
// anything else that is not a hex digit, or an odd digit count, is nullopt.
std::optional<Bytes> parseHex(std::string_view text);

// {0x04, 0xA1} -> "04A1" (upper case, no separators) or "04 A1" with a separator.
std::string toHex(const Bytes& bytes, std::string_view separator = "");

}  // namespace nfcsim
