#pragma once
// curl_global_init, once per process, from whichever thread gets here
// first (std::call_once). libcurl is never cleaned up: threads may still
// hold handles when the process ends.

namespace net {

class CurlGlobal {
public:
    // True when libcurl initialised; the same answer on every call.
    static bool ensureInitialized();
};

}  // namespace net
