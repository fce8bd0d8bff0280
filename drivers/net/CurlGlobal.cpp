#include "net/CurlGlobal.h"

#include <curl/curl.h>

#include <mutex>

namespace net {

bool CurlGlobal::ensureInitialized() {
    static std::once_flag once;
    static bool initialized = false;
    std::call_once(once, [] { initialized = curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK; });
    return initialized;
}

}  // namespace net
