#include "drivers/nfc/cards/CardTestSupport.h"

#include <stdexcept>

#include "nfc/cards/Hex.h"

namespace cardtest {

nfc::Bytes hex(const std::string& text) {
    std::string digits;
    for (const char c : text) {
        if (c != ' ') {
            digits.push_back(c);
        }
    }
    auto bytes = nfc::cards::Hex::decode(digits, 1 << 16);
    if (!bytes) {
        throw std::invalid_argument("bad hex in a test: " + text);
    }
    return *bytes;
}

std::string assetPath(const std::string& relative) {
    return std::string(KIOSK_SOURCE_ASSETS) + "/" + relative;
}

nfc::cards::Ed25519::Seed demoHeadOfficeSeed() {
    auto seed = nfc::cards::KeyFile::headOfficeSeed(assetPath("keys/demo-head-office.json"));
    if (!seed) {
        throw std::runtime_error(seed.error());
    }
    return *seed;
}

nfc::cards::Ed25519::PublicKey demoHeadOfficeKey() {
    auto key = nfc::cards::KeyFile::headOfficePublicKey(assetPath("keys/demo-head-office.json"));
    if (!key) {
        throw std::runtime_error(key.error());
    }
    return *key;
}

nfc::cards::KioskSigner demoKioskSigner() {
    auto signer = nfc::cards::KeyFile::kioskSigner(assetPath("keys/demo-kiosk.json"));
    if (!signer) {
        throw std::runtime_error(signer.error());
    }
    return *signer;
}

nfc::cards::TrustStore demoTrustStore() {
    nfc::cards::TrustStore trust(demoHeadOfficeKey());
    if (!trust.addCertificate(demoKioskSigner().certificate())) {
        throw std::runtime_error("the demo kiosk certificate is not signed by the demo head office key");
    }
    return trust;
}

}  // namespace cardtest

namespace nfc {
SimpleString StringFrom(CardRefusal refusal) {
    static const char* const kNames[] = {"None",  "Unreadable", "UnknownFormat", "BadSignature",
                                         "RevokedKiosk", "BadMac", "Replayed"};
    const auto index = static_cast<std::size_t>(refusal);
    return index < sizeof kNames / sizeof kNames[0] ? SimpleString(kNames[index]) : SimpleString("?");
}
namespace cards {
SimpleString StringFrom(ParseErrorCode code) {
    return SimpleString(parseErrorCodeName(code).c_str());
}
}  // namespace cards
}  // namespace nfc
