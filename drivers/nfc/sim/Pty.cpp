#include "nfc/sim/Pty.h"

#include <fcntl.h>
#include <stdlib.h>
#include <termios.h>

#include <cerrno>
#include <cstring>

namespace nfcsim {

namespace {

bool makeRaw(int fd) {
    termios settings{};
    if (tcgetattr(fd, &settings) != 0) {
        return false;
    }
    cfmakeraw(&settings);
    settings.c_cc[VMIN] = 0;
    settings.c_cc[VTIME] = 0;
    return tcsetattr(fd, TCSANOW, &settings) == 0;
}

std::string failure(const char* call) {
    return std::string(call) + ": " + std::strerror(errno);
}

}  // namespace

loyalty::Expected<Pty, std::string> Pty::open() {
    Pty pty;
    pty.master_.reset(posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC | O_NONBLOCK));
    if (!pty.master_.valid()) {
        return loyalty::unexpected(failure("posix_openpt"));
    }
    if (grantpt(pty.master_.get()) != 0) {
        return loyalty::unexpected(failure("grantpt"));
    }
    if (unlockpt(pty.master_.get()) != 0) {
        return loyalty::unexpected(failure("unlockpt"));
    }
    char name[128] = {};
    if (ptsname_r(pty.master_.get(), name, sizeof name) != 0) {
        return loyalty::unexpected(failure("ptsname_r"));
    }
    pty.slavePath_ = name;
    pty.slave_.reset(::open(name, O_RDWR | O_NOCTTY | O_CLOEXEC | O_NONBLOCK));
    if (!pty.slave_.valid()) {
        return loyalty::unexpected(failure("open slave"));
    }
    if (!makeRaw(pty.slave_.get()) || !makeRaw(pty.master_.get())) {
        return loyalty::unexpected(failure("tcsetattr raw"));
    }
    return pty;
}

void Pty::close() {
    master_.reset();
    slave_.reset();
}

}  // namespace nfcsim
