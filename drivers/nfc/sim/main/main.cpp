// pn532-sim: a PN532 on a pseudo-terminal. Prints the slave path (/dev/pts/N)
// on the first line of stdout, then takes commands on stdin (see
// SimConsole.h and docs/pn532-sim.md). Point libnfc at it with
//   LIBNFC_DEVICE=pn532_uart:/dev/pts/N nfc-list

#include <signal.h>

#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>

#include "SimConsole.h"
#include "nfc/sim/CardFile.h"
#include "nfc/sim/Pn532Simulator.h"

namespace {

volatile sig_atomic_t stopRequested = 0;

void onSignal(int) {
    stopRequested = 1;
}

void usage() {
    std::cout << "usage: pn532-sim [--link PATH] [--card FILE] [--trace]\n"
                 "  --link PATH  keep a symlink at PATH pointing at the current pty slave\n"
                 "  --card FILE  present this card file at start\n"
                 "  --trace      log every frame in and out on stderr\n"
                 "Prints the pty slave path, then reads commands on stdin:\n"
                 "  present FILE | remove | unplug | replug | fault KIND [ARG] [once|always] |\n"
                 "  clear | status | quit\n";
}

}  // namespace

int main(int argc, char** argv) {
    nfcsim::SimulatorOptions options;
    std::string initialCard;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--link" && i + 1 < argc) {
            options.linkPath = argv[++i];
        } else if (arg == "--card" && i + 1 < argc) {
            initialCard = argv[++i];
        } else if (arg == "--trace") {
            options.trace = [](const std::string& line) { std::fprintf(stderr, "pn532-sim: %s\n", line.c_str()); };
        } else if (arg == "--help" || arg == "-h") {
            usage();
            return 0;
        } else {
            std::cerr << "pn532-sim: unknown argument " << arg << "\n";
            usage();
            return 2;
        }
    }

    struct sigaction action {};
    action.sa_handler = onSignal;  // no SA_RESTART: a blocked read of stdin returns
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
    signal(SIGPIPE, SIG_IGN);

    auto simulator = nfcsim::Pn532Simulator::start(options);
    if (!simulator) {
        std::cerr << "pn532-sim: cannot start: " << simulator.error() << "\n";
        return 1;
    }
    nfcsim::SimConsole console(**simulator);
    if (!initialCard.empty()) {
        const auto answer = console.execute("present " + initialCard);
        if (answer.line.rfind("ok", 0) != 0) {
            std::cerr << "pn532-sim: " << answer.line << "\n";
            return 1;
        }
    }
    std::cout << (*simulator)->slavePath() << std::endl;

    std::string line;
    while (!stopRequested && std::getline(std::cin, line)) {
        const auto answer = console.execute(line);
        if (!answer.line.empty()) {
            std::cout << answer.line << std::endl;
        }
        if (answer.quit) {
            break;
        }
    }
    return 0;
}
