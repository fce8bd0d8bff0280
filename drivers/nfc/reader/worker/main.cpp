// kiosk-nfc-worker: the libnfc card reader in a process of its own, so that
// a libnfc abort() ends this process and not the kiosk (docs/reader.md).
// Started by SupervisedCardReader with a socket on stdin and stdout: it
// writes MessageCodec frames to stdout and stops when stdin ends (or on
// SIGTERM/SIGINT). On stdin it takes WriteCardRecord frames: the card in the
// field gets this kiosk's signed record (CardWrite), answered with a
// CardWritten frame; and SelfTestRequest frames (the technician's "test
// reader"), answered with a SelfTestResult. Diagnostics go to stderr, never card data or keys.
//
//   kiosk-nfc-worker --device CONN [--poll auto|select] [--poll-ms N]
//                    [--presence-ms N] [--backoff-ms N] [--backoff-max-ms N]
//                    [--head-office-key FILE] [--kiosk-key FILE]
//                    [--sun-keys FILE] [--sun-counters FILE] [--no-uid-only]
//
// Bad arguments or a key/counter file that does not load: the reason on
// stderr and in a ReaderStatus{Unavailable} frame, then exit code 78
// (WorkerProcess::kConfigurationError), before the reader is opened.

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

#include "nfc/reader/CardWrite.h"
#include "nfc/reader/LibnfcCardReader.h"
#include "nfc/reader/MessageCodec.h"
#include "nfc/reader/WorkerProcess.h"

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

// Says why on stderr (the journal) and to the supervisor, which shows it as
// the reader's lastError; the exit code tells it not to hurry back.
int configurationError(const std::string& connstring, const std::string& why) {
    std::fprintf(stderr, "kiosk-nfc-worker: %s\n", why.c_str());
    nfc::ReaderStatus status;
    status.state = nfc::ReaderState::Unavailable;
    status.lastError = why;
    status.connstring = connstring;
    if (::isatty(STDOUT_FILENO) == 0) {  // not when a technician runs it by hand
        writeAll(STDOUT_FILENO, nfc::MessageCodec::encode(status));
    }
    return nfc::WorkerProcess::kConfigurationError;
}

int usage(const std::string& connstring, const std::string& why) {
    std::fprintf(stderr,
                 "usage: kiosk-nfc-worker --device CONN [--poll auto|select] [--poll-ms N] [--presence-ms N]\n"
                 "                        [--backoff-ms N] [--backoff-max-ms N] [--head-office-key FILE]\n"
                 "                        [--kiosk-key FILE] [--sun-keys FILE] [--sun-counters FILE] [--no-uid-only]\n");
    return configurationError(connstring, "reader worker arguments: " + why);
}

}  // namespace

int main(int argc, char** argv) {
    // The parent may be gone when we write: an error, not a signal.
    ::signal(SIGPIPE, SIG_IGN);

    nfc::ReaderOptions options;
    nfc::CardKeyFiles keys;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--no-uid-only") {
            keys.acceptUidOnly = false;
            continue;
        }
        if (i + 1 >= argc) {
            return usage(options.connstring, arg + " needs a value");
        }
        const char* value = argv[++i];
        bool ok = true;
        if (arg == "--head-office-key" || arg == "--kiosk-key" || arg == "--sun-keys" || arg == "--sun-counters") {
            ok = *value != '\0';
            std::string& path = arg == "--head-office-key" ? keys.headOfficeKey
                                : arg == "--kiosk-key"     ? keys.kioskKey
                                : arg == "--sun-keys"      ? keys.sunKeys
                                                           : keys.sunCounters;
            path = value;
        } else if (arg == "--device") {
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
            return usage(options.connstring, "unknown option " + arg);
        }
        if (!ok) {
            return usage(options.connstring, "bad value for " + arg);
        }
    }
    auto identify = nfc::cardIdentifyFromFiles(keys);
    if (!identify) {
        return configurationError(options.connstring, "card keys: " + identify.error());
    }
    options.identify = std::move(*identify);
    auto write = nfc::cardWriteFromFiles(keys);
    if (!write) {
        return configurationError(options.connstring, "card keys: " + write.error());
    }
    const nfc::CardWrite writeCard = std::move(*write);

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
    const auto send = [&](const std::vector<std::uint8_t>& frame) {
        std::lock_guard lock(writeMutex);
        if (!peerGone && !writeAll(STDOUT_FILENO, frame)) {
            peerGone = true;
        }
    };
    reader.start([&](nfc::NfcMessage message) { send(nfc::MessageCodec::encode(nfc::MessageCodec::toWire(std::move(message)))); });

    nfc::MessageCodec commands;
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
            std::uint8_t buffer[512];
            const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
            if (n < 0 && errno == EINTR) {
                continue;
            }
            if (n <= 0) {
                break;  // end of input: the supervisor wants us to stop
            }
            commands.feed(buffer, static_cast<std::size_t>(n));
            while (auto command = commands.next()) {
                if (const auto* test = std::get_if<nfc::SelfTestRequest>(&*command)) {
                    reader.selfTest([&send, asked = test->request](bool ok, const std::string& detail) {
                        send(nfc::MessageCodec::encode(nfc::SelfTestResult{asked, ok, detail}));
                    });
                    continue;
                }
                const auto* request = std::get_if<nfc::WriteCardRecord>(&*command);
                if (request == nullptr) {
                    continue;  // nothing else is a command; ignored
                }
                reader.runOnCard(request->uid, [&send, &writeCard, asked = *request](const nfc::TargetInfo* target,
                                                                                    nfc::CardTransport* transport) {
                    const nfc::CardWritten written = target != nullptr && transport != nullptr
                                                         ? writeCard(*target, *transport, asked)
                                                         : nfc::cardNotInField(asked);
                    send(nfc::MessageCodec::encode(nfc::WireMessage(written)));
                });
            }
            if (commands.corrupt()) {
                std::fprintf(stderr, "kiosk-nfc-worker: corrupt command frame on stdin; stopping\n");
                break;
            }
        }
    }
    reader.stop();
    return 0;
}
