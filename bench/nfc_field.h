#pragma once
// bench_nfc: the PN532 simulator the cards are presented to, on a thread of
// the bench (ThreadField, the bench's old setup) or in a child process of
// its own (ProcessField, the default: the chip is outside the host, so no
// line gets cheaper same-process thread switches to the chip than the
// kiosk-nfc-worker does).

#include <sys/types.h>

#include <memory>
#include <string>
#include <vector>

#include "nfc/sim/Pn532Simulator.h"
#include "nfc_taps.h"

namespace nfcbench {

using Cards = std::vector<std::shared_ptr<nfcsim::VirtualCard>>;

class ThreadField : public Field {
public:
    ThreadField(std::unique_ptr<nfcsim::Pn532Simulator> sim, Cards cards);
    std::string connstring() const override { return connstring_; }
    Clock::time_point present(std::size_t card) override;
    void remove() override;

private:
    std::unique_ptr<nfcsim::Pn532Simulator> sim_;
    Cards cards_;
    std::string connstring_;
};

// The simulator in a child process (forked before this process has any
// thread), driven over a socketpair: 'p' + card index -> the time it entered
// the field (ns), 'r' -> removed. The child ends when the socket does.
class ProcessField : public Field {
public:
    static std::unique_ptr<ProcessField> start(const Cards& cards, std::string& error);
    ~ProcessField() override;
    ProcessField(const ProcessField&) = delete;
    ProcessField& operator=(const ProcessField&) = delete;

    std::string connstring() const override { return connstring_; }
    Clock::time_point present(std::size_t card) override;
    void remove() override;

private:
    ProcessField(pid_t pid, int fd) : pid_(pid), fd_(fd) {}
    bool readAll(void* into, std::size_t size);
    // The child: a simulator and the command loop.
    static int serve(int fd, const Cards& cards);

    pid_t pid_;
    int fd_;
    std::string connstring_;
};

}  // namespace nfcbench
