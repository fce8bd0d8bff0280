#include "kioskctl/ReaderCommands.h"

#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>

#include "nfc/cards/CardIdentifier.h"
#include "nfc/cards/Hex.h"
#include "nfc/cards/MemorySunCounterStore.h"
#include "nfc/reader/LibnfcCardReader.h"

namespace kioskctl {

namespace {

using Clock = std::chrono::steady_clock;

// Messages from the reader's thread, waited for on this one.
class Inbox {
public:
    nfc::NfcSink sink() {
        return [this](nfc::NfcMessage message) {
            {
                std::lock_guard lock(mutex_);
                messages_.push_back(std::move(message));
            }
            arrived_.notify_all();
        };
    }
    std::optional<nfc::NfcMessage> next(Clock::time_point until) {
        std::unique_lock lock(mutex_);
        if (!arrived_.wait_until(lock, until, [this] { return !messages_.empty(); })) {
            return std::nullopt;
        }
        auto message = std::move(messages_.front());
        messages_.pop_front();
        return message;
    }

private:
    std::mutex mutex_;
    std::condition_variable arrived_;
    std::deque<nfc::NfcMessage> messages_;
};

const char* kindName(nfc::CardKind kind) {
    switch (kind) {
        case nfc::CardKind::UidOnly: return "UID only (MIFARE Classic or other)";
        case nfc::CardKind::Ntag21x: return "NTAG21x";
        case nfc::CardKind::Ntag424: return "NTAG 424 DNA";
    }
    return "?";
}

const char* assuranceName(loyalty::Assurance assurance) {
    switch (assurance) {
        case loyalty::Assurance::Low: return "low (UID only, can be cloned)";
        case loyalty::Assurance::Signed: return "signed record";
        case loyalty::Assurance::SecureMessaging: return "secure messaging (SUN)";
    }
    return "?";
}

const char* refusalName(nfc::CardRefusal refusal) {
    switch (refusal) {
        case nfc::CardRefusal::None: return "none";
        case nfc::CardRefusal::Unreadable: return "unreadable (left the field or answered garbage)";
        case nfc::CardRefusal::UnknownFormat: return "unknown format";
        case nfc::CardRefusal::BadSignature: return "bad signature (forged, or copied to another card)";
        case nfc::CardRefusal::RevokedKiosk: return "signed by a revoked kiosk";
        case nfc::CardRefusal::BadMac: return "SUN MAC does not verify";
        case nfc::CardRefusal::Replayed: return "SUN counter replayed";
    }
    return "?";
}

bool parseKey(const std::string& text, nfc::cards::Aes128::Key& out) {
    const auto bytes = nfc::cards::Hex::decodeExact(text, out.size());
    if (!bytes) {
        return false;
    }
    std::copy(bytes->begin(), bytes->end(), out.begin());
    return true;
}

}  // namespace

ReaderCommands::ReaderCommands(CLI::App& app) {
    reader_ = app.add_subcommand("reader", "the NFC card reader");
    reader_->require_subcommand(1);
    test_ = reader_->add_subcommand("test", "open the reader, print its firmware, read one card");
    test_->add_option("--device", options_.device, "libnfc connstring (default: $KIOSK_NFC_DEVICE or "
                                                   "pn532_uart:/dev/serial0)")
        ->envname("KIOSK_NFC_DEVICE");
    test_->add_option("--timeout", options_.timeoutSeconds, "seconds to wait for a card (default 30)")
        ->check(CLI::Range(1, 3600));
    test_->add_option("--meta-key", options_.metaKeyHex, "NTAG 424 SDM meta read key, 32 hex digits");
    test_->add_option("--file-key", options_.fileKeyHex, "NTAG 424 SDM file read key (or master), 32 hex digits");
    test_->add_flag("--diversify", options_.diversify, "--file-key is the master key (AN10922 diversification)");
}

bool ReaderCommands::parsed() const {
    return reader_ != nullptr && reader_->parsed();
}

int ReaderCommands::run(std::ostream& out, std::ostream& err) {
    if (test_->parsed()) {
        return test(options_, out, err);
    }
    return kUsage;
}

int ReaderCommands::test(const ReaderTestOptions& options, std::ostream& out, std::ostream& err) {
    nfc::cards::CardIdentifierConfig config;
    nfc::cards::MemorySunCounterStore counters;  // a technician's test read accepts any counter once
    config.counters = &counters;
    if (!options.metaKeyHex.empty() || !options.fileKeyHex.empty()) {
        nfc::cards::SunKeys keys;
        if (!parseKey(options.metaKeyHex, keys.metaReadKey) || !parseKey(options.fileKeyHex, keys.fileReadKey)) {
            err << "reader test: --meta-key and --file-key need 32 hex digits each\n";
            return kUsage;
        }
        keys.diversifyFileKey = options.diversify;
        config.sunKeys = keys;
    }
    const nfc::cards::CardIdentifier identifier(config);

    nfc::ReaderOptions readerOptions;
    readerOptions.connstring = options.device;
    readerOptions.identify = [&identifier](const nfc::TargetInfo& target, nfc::CardTransport& transport) {
        return identifier.identify(target, transport);
    };
    Inbox inbox;
    nfc::LibnfcCardReader reader(readerOptions);
    reader.start(inbox.sink());

    out << "device: " << options.device << "\n";
    const auto openDeadline = Clock::now() + std::chrono::seconds(10);
    std::optional<Clock::time_point> cardDeadline;
    while (true) {
        const auto until = cardDeadline ? *cardDeadline : openDeadline;
        auto message = inbox.next(until);
        if (!message) {
            err << (cardDeadline ? "reader test: no card within " + std::to_string(options.timeoutSeconds) + " s\n"
                                 : std::string("reader test: the reader did not open\n"));
            return kFailed;
        }
        if (const auto* status = std::get_if<nfc::ReaderStatus>(&*message)) {
            if (status->state == nfc::ReaderState::Ready && !cardDeadline) {
                out << "firmware: " << status->firmware << "\n";
                out << "waiting up to " << options.timeoutSeconds << " s for a card..." << std::endl;
                cardDeadline = Clock::now() + std::chrono::seconds(options.timeoutSeconds);
            } else if (status->state == nfc::ReaderState::Unavailable || status->state == nfc::ReaderState::Reopening) {
                err << "reader test: " << status->lastError << "\n";
                return kFailed;
            }
            continue;
        }
        if (const auto* card = std::get_if<nfc::CardPresented>(&*message)) {
            out << "uid: " << card->uid << "\n";
            out << "kind: " << kindName(card->kind) << "\n";
            if (card->refusal == nfc::CardRefusal::None) {
                out << "assurance: " << assuranceName(card->assurance) << "\n";
                out << "identity: " << card->identity << "\n";
            } else {
                out << "refused: " << refusalName(card->refusal) << "\n";
            }
            if (!card->detail.empty()) {
                out << "detail: " << card->detail << "\n";
            }
            return kRead;
        }
    }
}

}  // namespace kioskctl
