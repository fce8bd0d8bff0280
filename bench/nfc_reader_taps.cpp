#include "nfc_reader_taps.h"

#include <sys/syscall.h>
#include <unistd.h>

#include <memory>
#include <thread>

#include "nfc/reader/LibnfcCardReader.h"

namespace nfcbench {

namespace {

// A CardTransport that logs what goes through it.
class RecordingTransport : public nfc::CardTransport {
public:
    RecordingTransport(nfc::CardTransport& inner, std::vector<Exchange>& log) : inner_(inner), log_(log) {}
    loyalty::Expected<nfc::Bytes, nfc::TransportFailure> transceive(const nfc::Bytes& command, int timeoutMs) override {
        auto answer = inner_.transceive(command, timeoutMs);
        log_.push_back({command, timeoutMs, answer ? static_cast<int>(answer->size()) : -1});
        return answer;
    }

private:
    nfc::CardTransport& inner_;
    std::vector<Exchange>& log_;
};

const char* kindName(nfc::CardKind kind) {
    switch (kind) {
        case nfc::CardKind::UidOnly: return "UidOnly";
        case nfc::CardKind::Ntag21x: return "Ntag21x";
        case nfc::CardKind::Ntag424: return "Ntag424";
    }
    return "?";
}

}  // namespace

nfc::NfcSink ReaderProbe::sink() {
    return [this](nfc::NfcMessage message) {
        if (std::holds_alternative<nfc::CardPresented>(message)) {
            arrivals.cardSeen();  // first: nothing else on the path being timed
            std::lock_guard lock(mutex);
            lastCard = std::get<nfc::CardPresented>(message);
        } else if (std::holds_alternative<nfc::CardRemoved>(message)) {
            arrivals.cardGone();
        } else if (std::get<nfc::ReaderStatus>(message).state == nfc::ReaderState::Ready) {
            ready = true;
        }
        sinkThread = static_cast<pid_t>(syscall(SYS_gettid));
    };
}

bool ReaderProbe::waitReady() {
    for (int i = 0; i < 500 && !ready; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return ready;
}

std::optional<Recording> record(Field& field, std::size_t card, const nfc::ReaderOptions& base) {
    auto log = std::make_shared<std::vector<Exchange>>();
    nfc::ReaderOptions options = base;
    options.identify = [identify = nfc::defaultCardIdentify(), log](const nfc::TargetInfo& target,
                                                                  nfc::CardTransport& transport) {
        log->clear();
        RecordingTransport recording(transport, *log);
        return identify(target, recording);
    };
    ReaderProbe probe;
    nfc::LibnfcCardReader reader(options);
    reader.start(probe.sink());
    if (!probe.waitReady()) {
        return std::nullopt;
    }
    const auto taps = runTaps(field, card, probe.arrivals, 1);
    reader.stop();  // joins the reader thread: log is ours now
    if (taps.ms.empty()) {
        return std::nullopt;
    }
    Recording out;
    out.work = *log;
    std::lock_guard lock(probe.mutex);
    out.card = probe.lastCard;
    return out;
}

std::string outcome(const std::optional<nfc::CardPresented>& card) {
    if (!card) {
        return "?";
    }
    std::string out = kindName(card->kind);
    out += card->refusal == nfc::CardRefusal::None ? ", identity " + card->identity : std::string(", refused");
    return out + " (" + card->detail + ")";
}

}  // namespace nfcbench
