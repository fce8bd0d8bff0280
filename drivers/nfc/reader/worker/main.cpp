// kiosk-nfc-worker: the libnfc card reader in a process of its own, so that
// a libnfc abort() ends this process and not the kiosk (docs/reader.md).
// Started by SupervisedCardReader with a socket on stdin and stdout: it
// writes MessageCodec frames to stdout and stops when stdin ends (or on
// SIGTERM/SIGINT). Diagnostics go to stderr, never card data.
//
//   kiosk-nfc-worker --device CONN [--poll auto|select] [--poll-ms N]
//                    [--presence-ms N] [--backoff-ms N] [--backoff-max-ms N]

#include <poll.h>
#include <signal.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <mutex>
#include <string>
#include <vector>

#include "nfc/reader/LibnfcCardReader.h"
#include "nfc/reader/MessageCodec.h"

namespace {

bool writeAll(int fd, const std::vector<std::uint8_t>& bytes) {
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            return false;
        }
        done += static_cast<std::size_t>(n);
    }
    return true;
}

bool parseMs(const char* text, std::chrono::milliseconds& out) {
    char* end = nullptr;
    const long value = std::strtol(text, &end, 10);
    if (end == text || *end != '\0' || value < 0 || value > 600000) {
        return false;
    }
    out = std::chrono::milliseconds(value);
    return true;
}

int usage() {
    std::fprintf(stderr,
                 "usage: kiosk-nfc-worker --device CONN [--poll auto|select] [--poll-ms N] [--presence-ms N]\n"
                 "                        [--backoff-ms N] [--backoff-max-ms N]\n");
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    nfc::ReaderOptions options;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (i + 1 >= argc) {
            return usage();
        }
        const char* value = argv[++i];
        bool ok = true;
        if (arg == "--device") {
            options.connstring = value;
        } else if (arg == "--poll") {
            ok = std::strcmp(value, "auto") == 0 || std::strcmp(value, "select") == 0;
            options.pollMode = std::strcmp(value, "auto") == 0 ? nfc::PollMode::AutoPoll : nfc::PollMode::SelectAndSleep;
        } else if (arg == "--poll-ms") {
            ok = parseMs(value, options.pollPeriod);
        } else if (arg == "--presence-ms") {
            ok = parseMs(value, options.presencePeriod);
        } else if (arg == "--backoff-ms") {
            ok = parseMs(value, options.backoffInitial);
        } else if (arg == "--backoff-max-ms") {
            ok = parseMs(value, options.backoffMax);
        } else {
            ok = false;
        }
        if (!ok) {
            return usage();
        }
    }

    // The parent may be gone when we write: an error, not a signal.
    ::signal(SIGPIPE, SIG_IGN);
    // SIGTERM/SIGINT (and the parent-death signal) arrive on a signalfd, so the
    // main thread waits for them and for end of input in one poll().
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGTERM);
    sigaddset(&signals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);  // before the reader's threads start: they inherit it
    const int signalFd = ::signalfd(-1, &signals, SFD_CLOEXEC);

    std::mutex writeMutex;
    bool peerGone = false;
    nfc::LibnfcCardReader reader(options);
    // Written by the reader's thread itself, no queue: after a CardPresented
    // that thread goes to sleep at once (it checks presence a period later),
    // so the supervisor the write wakes has the CPU to itself (docs/reader.md).
    reader.start([&](nfc::NfcMessage message) {
        const auto frame = nfc::MessageCodec::encode(message);
        std::lock_guard lock(writeMutex);
        if (!peerGone && !writeAll(STDOUT_FILENO, frame)) {
            peerGone = true;
        }
    });

    pollfd fds[2] = {{STDIN_FILENO, POLLIN, 0}, {signalFd, POLLIN, 0}};
    while (true) {
        const int ready = ::poll(fds, signalFd >= 0 ? 2 : 1, -1);
        if (ready < 0 && errno == EINTR) {
            continue;
        }
        if (ready < 0 || fds[1].revents != 0) {
            break;
        }
        if (fds[0].revents != 0) {
            char buffer[64];
            const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
            if (n <= 0 && !(n < 0 && errno == EINTR)) {
                break;  // end of input: the supervisor wants us to stop
            }
        }
    }
    reader.stop();
    return 0;
}
