#pragma once
// What the reader thread calls for each card in the field: reads what the
// card holds through CardTransport and decides what it proves.
//   - ISO-DEP card (ATS present): Type 4 NDEF read; a SUN URL that verifies
//     with a counter above the last one -> Ntag424, SecureMessaging,
//     identity "s:<UID hex>".
//   - NTAG21x (SAK 00, 7-byte UID, GET_VERSION): a loyalty record that the
//     trust store verifies -> Ntag21x, Signed, identity "n:<card id hex>".
//     No record -> as a UID-only card (kind Ntag21x).
//   - Anything else: UID-only -> UidOnly, Low, identity "u:<UID hex>",
//     when the configuration accepts UID-only cards.
// A card that carries a record or SUN URL that does not verify is refused;
// it is never downgraded to UID-only. Nothing throws; every failure is a
// refusal with a technician-facing detail.

#include <optional>

#include "nfc/CardMessages.h"
#include "nfc/CardTransport.h"
#include "nfc/cards/SunVerifier.h"
#include "nfc/cards/TrustStore.h"

namespace nfc::cards {

struct CardIdentifierConfig {
    std::optional<TrustStore> trust;      // without it, NTAG records are refused
    std::optional<SunKeys> sunKeys;       // without them, NTAG 424 cards are refused
    SunParameterNames sunNames;
    SunCounterStore* counters = nullptr;  // not owned; required for NTAG 424 cards
    bool acceptUidOnly = true;
    int timeoutMs = 200;
};

class CardIdentifier {
public:
    explicit CardIdentifier(CardIdentifierConfig config);

    CardPresented identify(const TargetInfo& target, CardTransport& transport) const;

    static std::string uidOnlyIdentity(const std::string& uidHex) { return "u:" + uidHex; }
    static std::string sunIdentity(const std::string& uidHex) { return "s:" + uidHex; }

private:
    CardPresented uidOnly(CardPresented card, const std::string& why) const;
    CardPresented ntag(CardPresented card, const TargetInfo& target, CardTransport& transport) const;
    CardPresented type4(CardPresented card, const TargetInfo& target, CardTransport& transport) const;

    CardIdentifierConfig config_;
    std::optional<SunVerifier> sun_;
};

}  // namespace nfc::cards
