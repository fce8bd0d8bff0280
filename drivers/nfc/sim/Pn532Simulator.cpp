#include "nfc/sim/Pn532Simulator.h"

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <future>

#include "nfc/sim/HostLink.h"
#include "nfc/sim/Pn532Chip.h"
#include "nfc/sim/Pty.h"
#include "nfc/sim/UniqueFd.h"

namespace nfcsim {

struct Pn532Simulator::State {
    explicit State(HostLink::Trace trace) : link(std::move(trace)) {}
    Pty pty;
    HostLink link;
    UniqueFd wakeRead;
    UniqueFd wakeWrite;
};

namespace {

using Clock = std::chrono::steady_clock;

bool pointLink(const std::string& linkPath, const std::string& target) {
    if (linkPath.empty()) {
        return true;
    }
    const std::string temporary = linkPath + ".new";
    ::unlink(temporary.c_str());
    return ::symlink(target.c_str(), temporary.c_str()) == 0 && ::rename(temporary.c_str(), linkPath.c_str()) == 0;
}

void writeAll(int fd, const Bytes& bytes) {
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            return;  // the host is not reading (EAGAIN) or gone: the rest is lost, as on a wire
        }
        done += static_cast<std::size_t>(n);
    }
}

}  // namespace

Pn532Simulator::Pn532Simulator(SimulatorOptions options)
    : options_(std::move(options)), state_(std::make_unique<State>(options_.trace)) {}

loyalty::Expected<std::unique_ptr<Pn532Simulator>, std::string> Pn532Simulator::start(SimulatorOptions options) {
    std::unique_ptr<Pn532Simulator> simulator(new Pn532Simulator(std::move(options)));
    auto pty = Pty::open();
    if (!pty) {
        return loyalty::unexpected(pty.error());
    }
    simulator->state_->pty = std::move(*pty);
    int fds[2] = {-1, -1};
    if (::pipe2(fds, O_CLOEXEC | O_NONBLOCK) != 0) {
        return loyalty::unexpected(std::string("pipe2 failed"));
    }
    simulator->state_->wakeRead.reset(fds[0]);
    simulator->state_->wakeWrite.reset(fds[1]);
    simulator->wakeRead_ = fds[0];
    simulator->wakeWrite_ = fds[1];
    if (!pointLink(simulator->options_.linkPath, simulator->state_->pty.slavePath())) {
        return loyalty::unexpected("cannot create the symlink " + simulator->options_.linkPath);
    }
    simulator->thread_ = std::thread([raw = simulator.get()] { raw->loop(); });
    return simulator;
}

Pn532Simulator::~Pn532Simulator() {
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
    }
    wake();
    if (thread_.joinable()) {
        thread_.join();
    }
    if (!options_.linkPath.empty()) {
        ::unlink(options_.linkPath.c_str());
    }
}

void Pn532Simulator::wake() {
    const std::uint8_t byte = 1;
    [[maybe_unused]] const ssize_t ignored = ::write(wakeWrite_, &byte, 1);
}

void Pn532Simulator::run(std::function<void()> task) {
    auto promise = std::make_shared<std::promise<void>>();
    auto finished = promise->get_future();
    {
        std::lock_guard lock(mutex_);
        if (stop_) {
            return;
        }
        tasks_.push_back([task = std::move(task), promise] {
            try {
                task();
            } catch (...) {
                // Nothing leaves the simulator thread; the caller sees the state unchanged.
            }
            promise->set_value();
        });
    }
    wake();
    finished.wait();
}

void Pn532Simulator::loop() {
    try {
        State& state = *state_;
        std::uint8_t buffer[512];
        while (true) {
            std::deque<std::function<void()>> tasks;
            {
                std::lock_guard lock(mutex_);
                if (stop_) {
                    break;
                }
                tasks.swap(tasks_);
            }
            for (auto& task : tasks) {
                task();
            }
            const auto now = Clock::now();
            state.link.onTimer(now);
            if (state.pty.plugged()) {
                const Bytes due = state.link.takeDue(now);
                if (!due.empty()) {
                    writeAll(state.pty.master(), due);
                }
            }
            int timeoutMs = -1;
            if (const auto next = state.link.nextDeadline()) {
                const auto wait = std::chrono::ceil<std::chrono::milliseconds>(*next - Clock::now()).count();
                timeoutMs = static_cast<int>(std::max<long>(0, wait));
            }
            pollfd fds[2] = {{wakeRead_, POLLIN, 0}, {state.pty.plugged() ? state.pty.master() : -1, POLLIN, 0}};
            const int ready = ::poll(fds, 2, timeoutMs);
            if (ready < 0 && errno != EINTR) {
                break;
            }
            if ((fds[0].revents & POLLIN) != 0) {
                while (::read(wakeRead_, buffer, sizeof buffer) > 0) {
                }
            }
            if (state.pty.plugged() && (fds[1].revents & POLLIN) != 0) {
                const ssize_t n = ::read(state.pty.master(), buffer, sizeof buffer);
                if (n > 0) {
                    state.link.receive(buffer, static_cast<std::size_t>(n), Clock::now());
                }
                if (state.link.takeUnplugRequest()) {
                    state.pty.close();
                }
            }
        }
    } catch (...) {
        // Nothing escapes the thread; callers waiting on tasks are released by stop.
        std::lock_guard lock(mutex_);
        stop_ = true;
    }
    // Release callers still waiting (their tasks run with the thread gone).
    std::deque<std::function<void()>> left;
    {
        std::lock_guard lock(mutex_);
        left.swap(tasks_);
    }
    for (auto& task : left) {
        task();
    }
}

std::string Pn532Simulator::slavePath() {
    std::string path;
    run([&] { path = state_->pty.slavePath(); });
    return path;
}

Clock::time_point Pn532Simulator::present(std::shared_ptr<VirtualCard> card) {
    Clock::time_point entered = Clock::now();
    run([&] {
        entered = Clock::now();
        state_->link.chip().field().insert(std::move(card));
        state_->link.fieldChanged(entered);
    });
    return entered;
}

void Pn532Simulator::remove() {
    run([&] { state_->link.chip().field().remove(); });
}

void Pn532Simulator::unplug() {
    run([&] { state_->pty.close(); });
}

loyalty::Expected<std::string, std::string> Pn532Simulator::replug() {
    loyalty::Expected<std::string, std::string> result = loyalty::unexpected(std::string("simulator stopped"));
    run([&] {
        auto pty = Pty::open();
        if (!pty) {
            result = loyalty::unexpected(pty.error());
            return;
        }
        state_->pty = std::move(*pty);
        state_->link.powerCycle();
        if (!pointLink(options_.linkPath, state_->pty.slavePath())) {
            result = loyalty::unexpected("cannot update the symlink " + options_.linkPath);
            return;
        }
        result = state_->pty.slavePath();
    });
    return result;
}

void Pn532Simulator::setFault(Fault fault) {
    run([&] { state_->link.faults().set(fault); });
}

void Pn532Simulator::clearFault() {
    run([&] { state_->link.faults().clear(); });
}

SimulatorStatus Pn532Simulator::status() {
    SimulatorStatus status;
    run([&] {
        State& state = *state_;
        status.slavePath = state.pty.slavePath();
        status.plugged = state.pty.plugged();
        const auto& card = state.link.chip().field().card();
        status.card = card ? card->describe() : "none";
        status.chip = state.link.chip().summary();
        status.fault = state.link.faults().describe();
        status.commands = state.link.commands();
        status.aborts = state.link.aborts();
        status.badFrames = state.link.badFrames();
    });
    return status;
}

void Pn532Simulator::inspect(const std::function<void(Pn532Chip&)>& fn) {
    run([&] { fn(state_->link.chip()); });
}

}  // namespace nfcsim
