#pragma once
// Turning a selected card into a CardPresented. The reader calls this once
// per tap on its own thread with the anticollision data and a transport to
// the card; it reads what it needs and returns the message to post.
//
// defaultCardIdentify() is cards::CardIdentifier (drivers/nfc/cards) with
// an empty configuration: UID-only cards accepted, signed NTAG records and
// NTAG 424 DNA refused for want of keys. The kiosk and kioskctl pass one
// configured with the trust store, SUN keys and counter store.
// identifyByUid is the minimal one (kind from ATQA/SAK, identity = UID), for
// tests and benchmarks of the reader alone.

#include <functional>
#include <string>

#include "nfc/CardMessages.h"
#include "nfc/CardTransport.h"

namespace nfc {

using CardIdentify = std::function<CardPresented(const TargetInfo&, CardTransport&)>;

CardIdentify defaultCardIdentify();
CardPresented identifyByUid(const TargetInfo& target, CardTransport& transport);
// The kind ISO 14443-3 tells us: SAK bit 5 = ISO-DEP (NTAG 424 DNA), ATQA
// 0044 with SAK 00 = Type 2 (NTAG21x), anything else UID-only.
CardKind kindFromAnticollision(const TargetInfo& target);
std::string toHexUpper(const Bytes& bytes);

}  // namespace nfc
