#include "nfc_field.h"

#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace nfcbench {

namespace {

bool readFully(int fd, void* into, std::size_t size) {
    auto* bytes = static_cast<std::uint8_t*>(into);
    std::size_t done = 0;
    while (done < size) {
        const ssize_t n = ::read(fd, bytes + done, size - done);
        if (n <= 0) {
            return false;
        }
        done += static_cast<std::size_t>(n);
    }
    return true;
}

[[noreturn]] void simulatorGone() {
    std::fprintf(stderr, "bench_nfc: the simulator process is gone\n");
    std::exit(1);
}

}  // namespace

ThreadField::ThreadField(std::unique_ptr<nfcsim::Pn532Simulator> sim, Cards cards)
    : sim_(std::move(sim)), cards_(std::move(cards)), connstring_(sim_->connstring()) {}

Clock::time_point ThreadField::present(std::size_t card) {
    return sim_->present(cards_.at(card));
}

void ThreadField::remove() {
    sim_->remove();
}

std::unique_ptr<ProcessField> ProcessField::start(const Cards& cards, std::string& error) {
    int fds[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0) {
        error = "socketpair failed";
        return nullptr;
    }
    std::fflush(stdout);
    std::fflush(stderr);
    const pid_t pid = ::fork();
    if (pid < 0) {
        error = "fork failed";
        return nullptr;
    }
    if (pid == 0) {
        ::close(fds[0]);
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
        ::_exit(serve(fds[1], cards));
    }
    ::close(fds[1]);
    std::unique_ptr<ProcessField> field(new ProcessField(pid, fds[0]));
    std::uint32_t size = 0;
    if (!field->readAll(&size, sizeof size) || size == 0 || size > 4096) {
        error = "the simulator process did not start";
        return nullptr;
    }
    field->connstring_.resize(size);
    if (!field->readAll(field->connstring_.data(), size)) {
        error = "the simulator process did not start";
        return nullptr;
    }
    return field;
}

ProcessField::~ProcessField() {
    ::close(fd_);  // the child sees the end of its input and exits
    ::waitpid(pid_, nullptr, 0);
}

Clock::time_point ProcessField::present(std::size_t card) {
    const std::array<std::uint8_t, 2> command{'p', static_cast<std::uint8_t>(card)};
    std::int64_t ns = 0;
    if (::write(fd_, command.data(), command.size()) != 2 || !readAll(&ns, sizeof ns)) {
        simulatorGone();
    }
    return Clock::time_point(std::chrono::nanoseconds(ns));
}

void ProcessField::remove() {
    const std::uint8_t command = 'r';
    std::uint8_t done = 0;
    if (::write(fd_, &command, 1) != 1 || !readAll(&done, 1)) {
        simulatorGone();
    }
}

bool ProcessField::readAll(void* into, std::size_t size) {
    return readFully(fd_, into, size);
}

int ProcessField::serve(int fd, const Cards& cards) {
    auto sim = nfcsim::Pn532Simulator::start();
    if (!sim) {
        return 1;
    }
    const std::string connstring = (*sim)->connstring();
    const auto size = static_cast<std::uint32_t>(connstring.size());
    if (::write(fd, &size, sizeof size) != sizeof size ||
        ::write(fd, connstring.data(), connstring.size()) != static_cast<ssize_t>(connstring.size())) {
        return 1;
    }
    std::uint8_t command[2];
    while (readFully(fd, command, 1)) {
        if (command[0] == 'p' && readFully(fd, command + 1, 1) && command[1] < cards.size()) {
            const auto entered = (*sim)->present(cards[command[1]]);
            const std::int64_t ns =
                std::chrono::duration_cast<std::chrono::nanoseconds>(entered.time_since_epoch()).count();
            if (::write(fd, &ns, sizeof ns) != sizeof ns) {
                break;
            }
        } else if (command[0] == 'r') {
            (*sim)->remove();
            if (::write(fd, command, 1) != 1) {
                break;
            }
        } else {
            break;
        }
    }
    return 0;
}

}  // namespace nfcbench
