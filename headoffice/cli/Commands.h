#pragma once
// The `headoffice` subcommands, each returning the exit code:
// 0 done, 1 failed (the message says why), 2 usage.

#include <string>

namespace headoffice {

class Commands {
public:
    // Serves until SIGINT or SIGTERM. Prints "listening on HOST:PORT" on
    // stdout once the socket is bound (the chosen port for port 0).
    static int serve(const std::string& storeUrl, const std::string& listen, bool quiet, std::size_t threads);
    // Loads a file: all or nothing; prints what changed.
    static int load(const std::string& storeUrl, const std::string& file);
    // Registers a kiosk and prints its new token once (stdout, alone on its
    // line); with rotate, replaces an existing kiosk's token.
    static int addKiosk(const std::string& storeUrl, const std::string& kioskId, bool rotate);
    // What the store holds, in counts.
    static int info(const std::string& storeUrl);
};

}  // namespace headoffice
