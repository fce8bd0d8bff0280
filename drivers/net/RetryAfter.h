#pragma once
// Retry-After (RFC 9110 §10.2.3): delta-seconds ("120") or an HTTP-date in
// any of the three forms a recipient must accept:
//   IMF-fixdate  "Sun, 06 Nov 1994 08:49:37 GMT"
//   RFC 850      "Sunday, 06-Nov-94 08:49:37 GMT"
//   asctime      "Sun Nov  6 08:49:37 1994"
// as the wait from now: a date in the past is 0 ms, anything over maxWait
// is maxWait (a broken server cannot silence a kiosk for a year), a value
// that is neither form is nullopt.

#include <chrono>
#include <optional>
#include <string_view>

#include "net/HttpResponse.h"

namespace net {

class RetryAfter {
public:
    static constexpr std::chrono::milliseconds maxWait = std::chrono::hours(24);

    static std::optional<std::chrono::milliseconds> parse(
        std::string_view value, std::chrono::system_clock::time_point now = std::chrono::system_clock::now());
    // The response's Retry-After field, if it has a valid one.
    static std::optional<std::chrono::milliseconds> of(
        const HttpResponse& response, std::chrono::system_clock::time_point now = std::chrono::system_clock::now());
    // An HTTP-date alone, as a time point; nullopt when not one of the three forms.
    // now only places a two-digit RFC 850 year.
    static std::optional<std::chrono::system_clock::time_point> parseHttpDate(
        std::string_view text, std::chrono::system_clock::time_point now = std::chrono::system_clock::now());
};

}  // namespace net
