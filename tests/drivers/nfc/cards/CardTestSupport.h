#pragma once
// Shared by the card-format tests: hex literals, the DEMO keys committed in
// assets/keys/, and CppUTest printers for the enums the tests compare.

#include <string>

#include "nfc/CardMessages.h"
#include "nfc/cards/KeyFile.h"
#include "nfc/cards/ParseError.h"
#include "nfc/cards/TrustStore.h"

#include <CppUTest/SimpleString.h>

namespace cardtest {

nfc::Bytes hex(const std::string& text);
std::string assetPath(const std::string& relative);

// DEMO keys (assets/keys/demo-*.json): never used outside tests and demos.
nfc::cards::Ed25519::Seed demoHeadOfficeSeed();
nfc::cards::Ed25519::PublicKey demoHeadOfficeKey();
nfc::cards::KioskSigner demoKioskSigner();
// Head office's key, with the demo kiosk's certificate known (for compact records).
nfc::cards::TrustStore demoTrustStore();

}  // namespace cardtest

namespace nfc {
SimpleString StringFrom(CardRefusal refusal);
namespace cards {
SimpleString StringFrom(ParseErrorCode code);
}  // namespace cards
}  // namespace nfc
