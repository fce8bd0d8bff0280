#include "kioskctl/CardCommands.h"

#include <algorithm>

#include "nfc/cards/Hex.h"
#include "nfc/cards/MemorySunCounterStore.h"
#include "nfc/cards/SunVerifier.h"

namespace kioskctl {

namespace {

std::string reasonOf(nfc::CardRefusal refusal) {
    switch (refusal) {
        case nfc::CardRefusal::BadMac:
            return "bad MAC";
        case nfc::CardRefusal::Replayed:
            return "replay";
        case nfc::CardRefusal::UnknownFormat:
            return "not a SUN URL";
        case nfc::CardRefusal::Unreadable:
            return "error";
        case nfc::CardRefusal::None:
        case nfc::CardRefusal::BadSignature:
        case nfc::CardRefusal::RevokedKiosk:
            break;
    }
    return "refused";
}

bool key(const std::string& text, nfc::cards::Aes128::Key& out) {
    auto bytes = nfc::cards::Hex::decodeExact(text, out.size());
    if (!bytes) {
        return false;
    }
    std::copy(bytes->begin(), bytes->end(), out.begin());
    nfc::cards::Aes128::wipe(bytes->data(), bytes->size());
    return true;
}

}  // namespace

CardCommands::CardCommands(CLI::App& app) {
    card_ = app.add_subcommand("card", "card formats: NTAG 424 DNA SUN verification");
    card_->require_subcommand(1);
    verifySun_ = card_->add_subcommand("verify-sun", "verify an NTAG 424 DNA Secure Unique NFC URL (AN12196)");
    verifySun_->add_option("--url", options_.url, "the URL the card rendered")->required();
    verifySun_->add_option("--meta-key", options_.metaKeyHex, "SDM meta read key, 32 hex digits")->required();
    verifySun_->add_option("--file-key", options_.fileKeyHex,
                           "SDM file read key (or its master with --diversify), 32 hex digits")
        ->required();
    lastCounterOption_ = verifySun_->add_option("--last-counter", options_.lastCounter,
                                                "the last accepted read counter: the URL must be above it")
                             ->check(CLI::Range(0u, 0xFFFFFFu));
    verifySun_->add_option("--picc-param", options_.piccParameter, "name of the PICCData parameter")
        ->capture_default_str();
    verifySun_->add_option("--cmac-param", options_.cmacParameter, "name of the CMAC parameter")->capture_default_str();
    verifySun_->add_flag("--diversify", options_.diversify, "diversify --file-key per card (AN10922, docs/cards.md)");
    verifySun_->add_option("--system-id", options_.systemIdentifier, "diversification system identifier")
        ->capture_default_str();
}

bool CardCommands::parsed() const {
    return card_ && card_->parsed();
}

int CardCommands::run(std::ostream& out, std::ostream& err) {
    if (verifySun_->parsed()) {
        options_.haveLastCounter = lastCounterOption_->count() > 0;
        return verifySun(options_, out, err);
    }
    return kUsage;
}

int CardCommands::verifySun(const VerifySunOptions& options, std::ostream& out, std::ostream& err) {
    nfc::cards::SunKeys keys;
    if (!key(options.metaKeyHex, keys.metaReadKey) || !key(options.fileKeyHex, keys.fileReadKey)) {
        err << "kioskctl card verify-sun: --meta-key and --file-key must be 32 hex digits (16 bytes)\n";
        return kUsage;
    }
    if (options.systemIdentifier.size() > 21) {
        err << "kioskctl card verify-sun: --system-id must be at most 21 bytes\n";
        return kUsage;
    }
    keys.diversifyFileKey = options.diversify;
    keys.systemIdentifier.assign(options.systemIdentifier.begin(), options.systemIdentifier.end());
    nfc::cards::SunParameterNames names;
    names.piccData = options.piccParameter;
    names.cmac = options.cmacParameter;
    const nfc::cards::SunVerifier verifier(keys, names);
    nfc::cards::Aes128::wipe(keys.metaReadKey.data(), keys.metaReadKey.size());
    nfc::cards::Aes128::wipe(keys.fileReadKey.data(), keys.fileReadKey.size());

    // UID and counter first: a technician wants them even when the MAC fails.
    const auto decrypted = verifier.decrypt(options.url);
    if (decrypted) {
        out << "UID: " << decrypted->uidHex() << "\n";
        out << "counter: " << decrypted->counter << "\n";
    }
    nfc::cards::MemorySunCounterStore counters;
    if (decrypted && options.haveLastCounter) {
        counters.setLast(decrypted->uidHex(), options.lastCounter);
    }
    const auto verified = verifier.verifyAndAccept(options.url, counters);
    if (!verified) {
        out << "invalid: " << reasonOf(verified.error().refusal) << " (" << verified.error().detail << ")\n";
        return kInvalid;
    }
    out << "valid\n";
    return kValid;
}

}  // namespace kioskctl
