#pragma once
// gzip (RFC 1952) with zlib, for request bodies and for tests that check
// what went over the wire.

#include <cstddef>
#include <string>
#include <string_view>

#include "loyalty/Expected.h"

namespace net {

class Gzip {
public:
    // zlib's levels: 1 fastest ... 9 smallest; 6 is zlib's default.
    static constexpr int kDefaultLevel = 6;
    static constexpr int kFastLevel = 1;
    static loyalty::Expected<std::string, std::string> compress(std::string_view data, int level = kDefaultLevel);
    // Fails beyond maxSize bytes of output (a small gzip can expand hugely).
    static loyalty::Expected<std::string, std::string> decompress(std::string_view data, std::size_t maxSize);
};

}  // namespace net
