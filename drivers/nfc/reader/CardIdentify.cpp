#include "nfc/reader/CardIdentify.h"

#include <memory>

#include "nfc/cards/CardIdentifier.h"

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
