#pragma once
// Turning a selected card into a CardPresented. The reader calls this once
// per tap on its own thread with the anticollision data and a transport to
// the card; it reads what it needs and returns the message to post.
//
// defaultCardIdentify() is cards::CardIdentifier (drivers/nfc/cards) with
// an empty configuration: UID-only cards accepted, signed NTAG records and
// NTAG 424 DNA refused for want of keys. cardIdentifyFromFiles() builds one
// from key files (what kiosk-nfc-worker runs with --head-office-key etc.);
// kioskctl configures its own.
// identifyByUid is the minimal one (kind from ATQA/SAK, identity = UID), for
// tests and benchmarks of the reader alone.

#include <functional>
#include <string>

#include "loyalty/Expected.h"
#include "nfc/CardMessages.h"
#include "nfc/CardTransport.h"

namespace nfc {

using CardIdentify = std::function<CardPresented(const TargetInfo&, CardTransport&)>;

// Where a reader's card keys are (docs/reader.md, "Card keys"); empty = none.
struct CardKeyFiles {
    std::string headOfficeKey;  // head office's public key: the trust root (KeyFile::headOfficePublicKey)
    std::string kioskKey;       // this kiosk's key and certificate (KeyFile::kioskSigner); needs headOfficeKey
    std::string sunKeys;        // NTAG 424 DNA SDM keys (KeyFile::sunKeys); needs sunCounters
    std::string sunCounters;    // cards::FileSunCounterStore: last accepted SUN counter per card
    bool acceptUidOnly = true;
};

CardIdentify defaultCardIdentify();
// A CardIdentifier configured from the files; the error names the file and
// the field ("head office key: /path: \"public_key\" must be 64 hex
// digits"), never a key. The counter store lives as long as the function.
loyalty::Expected<CardIdentify, std::string> cardIdentifyFromFiles(const CardKeyFiles& files);
CardPresented identifyByUid(const TargetInfo& target, CardTransport& transport);
// The kind ISO 14443-3 tells us: SAK bit 5 = ISO-DEP (NTAG 424 DNA), ATQA
// 0044 with SAK 00 = Type 2 (NTAG21x), anything else UID-only.
CardKind kindFromAnticollision(const TargetInfo& target);
std::string toHexUpper(const Bytes& bytes);

}  // namespace nfc
