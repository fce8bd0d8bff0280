#include "nfc/reader/CardIdentify.h"

#include <memory>

#include "nfc/cards/CardIdentifier.h"
#include "nfc/cards/FileSunCounterStore.h"
#include "nfc/cards/KeyFile.h"

namespace nfc {

CardIdentify defaultCardIdentify() {
    // Without keys, trust store or counter store: UID-only cards and NTAG21x
    // without a loyalty record are accepted by UID; signed records and NTAG
    // 424 DNA are refused with the reason. The kiosk passes a configured one.
    auto identifier = std::make_shared<const cards::CardIdentifier>(cards::CardIdentifierConfig{});
    return [identifier](const TargetInfo& target, CardTransport& transport) {
        return identifier->identify(target, transport);
    };
}

loyalty::Expected<CardIdentify, std::string> cardIdentifyFromFiles(const CardKeyFiles& files) {
    cards::CardIdentifierConfig config;
    config.acceptUidOnly = files.acceptUidOnly;
    if (!files.kioskKey.empty() && files.headOfficeKey.empty()) {
        return loyalty::unexpected("kiosk key: " + files.kioskKey +
                                   ": needs the head office key file to check its certificate");
    }
    if (!files.sunKeys.empty() && files.sunCounters.empty()) {
        return loyalty::unexpected("SUN keys: " + files.sunKeys +
                                   ": needs a SUN counter file (without one every NTAG 424 card is refused)");
    }
    if (!files.headOfficeKey.empty()) {
        const auto root = cards::KeyFile::headOfficePublicKey(files.headOfficeKey);
        if (!root) {
            return loyalty::unexpected("head office key: " + root.error());
        }
        config.trust.emplace(*root);
    }
    if (!files.kioskKey.empty()) {
        // The whole key is loaded (its seed must match its certificate);
        // only the certificate is kept until the worker writes cards.
        const auto signer = cards::KeyFile::kioskSigner(files.kioskKey);
        if (!signer) {
            return loyalty::unexpected("kiosk key: " + signer.error());
        }
        if (!config.trust->addCertificate(signer->certificate())) {
            return loyalty::unexpected("kiosk key: " + files.kioskKey +
                                       ": \"certificate\" is not signed by the head office key in " +
                                       files.headOfficeKey);
        }
    }
    if (!files.sunKeys.empty()) {
        auto keys = cards::KeyFile::sunKeys(files.sunKeys);
        if (!keys) {
            return loyalty::unexpected("SUN keys: " + keys.error());
        }
        config.sunKeys = std::move(*keys);
    }
    std::shared_ptr<cards::FileSunCounterStore> counters;
    if (!files.sunCounters.empty()) {
        auto opened = cards::FileSunCounterStore::open(files.sunCounters);
        if (!opened) {
            return loyalty::unexpected("SUN counters: " + opened.error());
        }
        counters = std::move(*opened);
        config.counters = counters.get();
    }
    auto identifier = std::make_shared<const cards::CardIdentifier>(std::move(config));
    return CardIdentify([identifier, counters](const TargetInfo& target, CardTransport& transport) {
        return identifier->identify(target, transport);
    });
}

CardKind kindFromAnticollision(const TargetInfo& target) {
    if ((target.sak & 0x20) != 0) {
        return CardKind::Ntag424;
    }
    if (target.sak == 0x00 && target.atqa == 0x0044) {
        return CardKind::Ntag21x;
    }
    return CardKind::UidOnly;
}

CardPresented identifyByUid(const TargetInfo& target, CardTransport&) {
    CardPresented card;
    card.uid = toHexUpper(target.uid);
    card.kind = kindFromAnticollision(target);
    card.assurance = loyalty::Assurance::Low;
    card.identity = card.uid;
    card.detail = "identified by UID only";
    return card;
}

std::string toHexUpper(const Bytes& bytes) {
    static const char kDigits[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(bytes.size() * 2);
    for (const auto byte : bytes) {
        out += kDigits[byte >> 4];
        out += kDigits[byte & 0x0F];
    }
    return out;
}

}  // namespace nfc
