#pragma once
// A pseudo-terminal pair in raw mode: the master is the simulated chip's end
// (non-blocking), the slave path (/dev/pts/N) is what the host opens. The
// object keeps its own slave descriptor open so the pty stays alive while no
// host has it open. Closing the master is how a reader is "unplugged": the
// host's next write on the slave fails with EIO.

#include <string>

#include "loyalty/Expected.h"
#include "nfc/sim/UniqueFd.h"

namespace nfcsim {

class Pty {
public:
    static loyalty::Expected<Pty, std::string> open();

    int master() const { return master_.get(); }
    bool plugged() const { return master_.valid(); }
    const std::string& slavePath() const { return slavePath_; }
    // Unplug: close both our ends (the host keeps a dead slave).
    void close();

private:
    UniqueFd master_;
    UniqueFd slave_;
    std::string slavePath_;
};

}  // namespace nfcsim
